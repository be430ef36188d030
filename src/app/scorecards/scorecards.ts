import { z } from 'zod'
import { AppError, invalid, notFound } from '../../domain/app-error.js'
import { defaultScorecardSettings } from '../../domain/scorecard/rule-types.js'
import { type Scorecard, scoreIncident, type Tally } from '../../domain/scorecard/score-incident.js'
import { scorecardItem, scorecardItems } from '../../domain/scorecard/scorecard-items.js'
import type { OrgStore } from '../../store/store.js'
import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps } from '../context.js'
import { parseInput } from '../parse-input.js'
import { loadIncidentStory } from '../postmortems/manage-postmortem.js'

export const tickInput = z
  .object({
    status: z.enum(['met', 'missed', 'not_applicable']),
    note: z.string().trim().min(1, 'must not be empty').max(2000).optional(),
  })
  .strict()

export const listScorecardsQuery = z
  .object({
    /** Incidents that started before this (paging). */
    before: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict()

const tallyView = (t: Tally) => ({
  met: t.met,
  missed: t.missed,
  open: t.open,
  not_applicable: t.notApplicable,
  percent: t.percent,
})

function scorecardView(incident: { id: string; title: string; status: string; is_drill: boolean }, card: Scorecard) {
  return {
    incident: { id: incident.id, title: incident.title, status: incident.status, is_drill: incident.is_drill },
    is_drill: card.isDrill,
    score: tallyView(card.score),
    is_complete: card.isComplete,
    missed_steps: card.missedSteps.map(({ roleName, ...m }) => ({ ...m, role_name: roleName })),
    by_role: card.byRole.map((r) => ({ role: r.role, role_name: r.roleName, ...tallyView(r) })),
    items: card.items.map((i) => ({
      key: i.key,
      role: i.role,
      role_name: i.roleName,
      title: i.title,
      scored_by: i.scoredBy,
      status: i.status,
      detail: i.detail,
      automatic: i.automatic,
      tick: i.tick ? { status: i.tick.status, note: i.tick.note, by: i.tick.by, at: i.tick.at } : null,
    })),
  }
}

/** One incident's (or drill's) scorecard: computed from its timeline now, with the reviewer's ticks. */
async function scorecardFor(tx: OrgStore, incidentId: string, now: Date) {
  const { policy, row, process, timeline } = await loadIncidentStory(tx, incidentId)
  const ticks = await tx.learning.scorecardTicks.list(incidentId)
  const followUp = await tx.learning.postmortems.getFollowUp(incidentId)
  const card = scoreIncident({
    incident: {
      status: process.status,
      isDrill: process.isDrill,
      openedAt: process.openedAt,
      severity: process.severity,
      resolvedAt: process.resolvedAt,
    },
    timeline,
    settings: {
      ...defaultScorecardSettings,
      triageWindowMinutes: policy.triage.validationWindowMinutes,
      severityScale: policy.severityScale,
    },
    ticks: ticks.map((t) => ({
      key: t.item_key,
      status: t.status as 'met' | 'missed' | 'not_applicable',
      note: t.note,
      by: { id: t.ticked_by_id, name: t.ticked_by_name },
      at: t.ticked_at,
    })),
    postmortemSkipped: followUp?.skipped_at ? { reason: followUp.skipped_reason ?? '' } : null,
    now,
  })
  return scorecardView(row, card)
}

export async function getScorecard(deps: AppDeps, ctx: AppContext, incidentId: string) {
  requirePermission(ctx, 'metrics.read')
  return scorecardFor(deps.store.forOrg(ctx.orgId), incidentId, ctx.now)
}

function itemOf(key: string) {
  const item = scorecardItem(key)
  if (!item)
    throw new AppError('NOT_FOUND', `There is no scorecard item ${key}`, [
      { path: 'key', message: `one of: ${scorecardItems.map((i) => i.key).join(', ')}` },
    ])
  return item
}

/** A reviewer's verdict on one item; overruling what the timeline says needs a note saying why. */
export async function tickScorecardItem(deps: AppDeps, ctx: AppContext, incidentId: string, key: string, raw: unknown) {
  requirePermission(ctx, 'postmortem.write')
  const item = itemOf(key)
  const input = parseInput(tickInput, raw)
  const view = await deps.store.transaction(ctx.orgId, async (tx) => {
    const before = await scorecardFor(tx, incidentId, ctx.now)
    const automatic = before.items.find((i) => i.key === item.key)?.automatic
    if (automatic && automatic.status !== input.status && !input.note)
      throw invalid('Say why you overrule the timeline', [
        { path: 'note', message: `the timeline says ${automatic.status.replace('_', ' ')}: ${automatic.detail}` },
      ])
    await tx.learning.scorecardTicks.put(incidentId, {
      itemKey: item.key,
      status: input.status,
      note: input.note ?? null,
      by: { id: ctx.actor.id, name: ctx.actor.name },
      at: ctx.now,
    })
    return scorecardFor(tx, incidentId, ctx.now)
  })
  deps.events.emit('incident.changed', { orgId: ctx.orgId, incidentId, pageId: null, kind: 'postmortem' })
  return view
}

/** Takes a reviewer's verdict back: the item is scored from the timeline (or waits for a reviewer) again. */
export async function untickScorecardItem(deps: AppDeps, ctx: AppContext, incidentId: string, key: string) {
  requirePermission(ctx, 'postmortem.write')
  const item = itemOf(key)
  const view = await deps.store.transaction(ctx.orgId, async (tx) => {
    if (!(await tx.incidents.get(incidentId))) throw notFound('Incident')
    await tx.learning.scorecardTicks.remove(incidentId, item.key)
    return scorecardFor(tx, incidentId, ctx.now)
  })
  deps.events.emit('incident.changed', { orgId: ctx.orgId, incidentId, pageId: null, kind: 'postmortem' })
  return view
}

/** A score per incident and drill, newest first: the summary of each scorecard. */
export async function listScorecards(deps: AppDeps, ctx: AppContext, rawQuery: unknown) {
  requirePermission(ctx, 'metrics.read')
  const query = parseInput(listScorecardsQuery, rawQuery ?? {})
  const tx = deps.store.forOrg(ctx.orgId)
  const incidents = await tx.incidents.list({
    limit: query.limit,
    ...(query.before ? { before: new Date(query.before) } : {}),
  })
  const scorecards = []
  for (const incident of incidents) {
    const { items: _items, by_role: _byRole, ...summary } = await scorecardFor(tx, incident.id, ctx.now)
    scorecards.push({ ...summary, started_at: incident.started_at })
  }
  return { scorecards }
}

import { AppError, conflict, notFound } from '../../domain/app-error.js'
import { distinctFactors } from '../../domain/postmortem/contributing-factors.js'
import { draftPostmortem, timelineSection } from '../../domain/postmortem/draft-postmortem.js'
import { maySkipPostmortem } from '../../domain/postmortem/postmortem-policy.js'
import { postmortemMarkdown, type PostmortemVersion } from '../../domain/postmortem/postmortem-sections.js'
import { severityByLevel, severityLabel } from '../../domain/incident/severity.js'
import type { OrgStore } from '../../store/store.js'
import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps } from '../context.js'
import { parseInput } from '../parse-input.js'
import { adoptIncident } from '../process/adopt-incident.js'
import { loadPolicy } from '../process/load-policy.js'
import {
  createPostmortemInput,
  editPostmortemInput,
  postmortemQuery,
  regenerateTimelineInput,
  skipPostmortemInput,
} from './postmortem-input.js'
import { followUpView, postmortemView, sectionsOf } from './postmortem-view.js'

/** The incident with its process (adopted on first use), policy and recorded timeline, read in `tx`. */
export async function loadIncidentStory(tx: OrgStore, incidentId: string) {
  const policy = await loadPolicy(tx)
  const loaded = await tx.process.state.load(incidentId, { forUpdate: false })
  if (!loaded) throw notFound('Incident')
  const process = loaded.process ?? (await adoptIncident(tx, loaded.incident, policy))
  const timeline = await tx.process.timeline.list(incidentId)
  return { policy, row: loaded.incident, process, timeline }
}

async function viewOf(tx: OrgStore, incidentId: string, now: Date) {
  const row = await tx.learning.postmortems.get(incidentId)
  if (!row)
    throw new AppError('NOT_FOUND', 'This incident has no postmortem yet', [
      { path: 'postmortem', message: 'POST /api/incidents/:id/postmortem starts one from the template' },
    ])
  const factors = await tx.learning.postmortems.listFactors(incidentId)
  const items = await tx.learning.actionItems.list({ incidentId, limit: 500 })
  const followUp = await tx.learning.postmortems.getFollowUp(incidentId)
  const incident = await tx.incidents.get(incidentId)
  const policy = await loadPolicy(tx)
  return {
    ...postmortemView(incidentId, row, factors, items, now),
    follow_up: followUpView(followUp, policy.postmortem, incident?.severity ?? 0),
  }
}

const changed = (deps: AppDeps, ctx: AppContext, incidentId: string) =>
  deps.events.emit('incident.changed', { orgId: ctx.orgId, incidentId, pageId: null, kind: 'postmortem' })

export async function getPostmortem(deps: AppDeps, ctx: AppContext, incidentId: string, rawQuery: unknown) {
  requirePermission(ctx, 'incident.read')
  const query = parseInput(postmortemQuery, rawQuery ?? {})
  const tx = deps.store.forOrg(ctx.orgId)
  const incident = await tx.incidents.get(incidentId)
  if (!incident) throw notFound('Incident')
  const view = await viewOf(tx, incidentId, ctx.now)
  if (query.format === 'json') return { format: 'json' as const, view }
  const sections = query.version === 'published' ? view.published?.sections : view[query.version]
  if (!sections) throw notFound('Published postmortem')
  const drill = incident.is_drill ? '[DRILL] ' : ''
  return { format: 'markdown' as const, markdown: postmortemMarkdown(sections, undefined, `${drill}${incident.title}`) }
}

/** Starts the postmortem from the seeds' template: scope, impact and the timeline drafted from the incident. */
export async function createPostmortem(deps: AppDeps, ctx: AppContext, incidentId: string, raw: unknown) {
  requirePermission(ctx, 'postmortem.write')
  parseInput(createPostmortemInput, raw ?? {})
  const view = await deps.store.transaction(ctx.orgId, async (tx) => {
    const { policy, row, process, timeline } = await loadIncidentStory(tx, incidentId)
    const componentIds = (await tx.incidents.listAffectedComponentIds([incidentId])).map((c) => c.component_id)
    const components = await tx.components.getMany(componentIds)
    const severity = severityByLevel(policy.severityScale, row.severity)
    const started = process.scope.startedAt?.kind === 'at' ? process.scope.startedAt.at : row.started_at
    const draft = draftPostmortem(
      {
        severityName: severity?.name ?? severityLabel(policy.severityScale, row.severity),
        severityDescription: severity?.description ?? '',
        openedAt: started,
        resolvedAt: row.resolved_at,
        affectedComponents: components.map((c) => c.name),
        scope: process.scope,
      },
      timeline,
    )
    const created = await tx.learning.postmortems.create(incidentId, draft, ctx.now, ctx.actor.name)
    if (!created) throw conflict('This incident already has a postmortem', [{ path: 'postmortem', message: 'edit it' }])
    // Writing one after all settles an earlier decision to skip it.
    const followUp = await tx.learning.postmortems.getFollowUp(incidentId)
    if (followUp?.skipped_at) await tx.learning.postmortems.skip(incidentId, null, null, ctx.now)
    return viewOf(tx, incidentId, ctx.now)
  })
  changed(deps, ctx, incidentId)
  return view
}

export async function editPostmortem(deps: AppDeps, ctx: AppContext, incidentId: string, raw: unknown) {
  requirePermission(ctx, 'postmortem.write')
  const input = parseInput(editPostmortemInput, raw)
  const view = await deps.store.transaction(ctx.orgId, async (tx) => {
    const current = await tx.learning.postmortems.get(incidentId)
    if (!current) throw notFound('Postmortem')
    const merge = (stored: Record<string, string>, patch?: Record<string, string | undefined>) =>
      patch ? { ...sectionsOf(stored), ...patch } : undefined
    const internal = merge(current.internal, input.internal)
    const shown = merge(current.public, input.public)
    const saved = await tx.learning.postmortems.update(
      incidentId,
      { ...(internal ? { internal } : {}), ...(shown ? { public: shown } : {}) },
      input.revision ?? null,
      ctx.now,
      ctx.actor.name,
    )
    if (!saved) throw staleRevision(input.revision, current.revision)
    if (input.contributing_factors)
      await tx.learning.postmortems.replaceFactors(incidentId, distinctFactors(input.contributing_factors))
    return viewOf(tx, incidentId, ctx.now)
  })
  changed(deps, ctx, incidentId)
  return view
}

export function staleRevision(sent: number | undefined, current: number) {
  return conflict(`The postmortem was changed since revision ${sent}: it is at revision ${current}`, [
    { path: 'revision', message: 'reload it and apply your change again' },
  ])
}

/** Replaces the timeline section with one generated from the incident's timeline as it is now. */
export async function regeneratePostmortemTimeline(deps: AppDeps, ctx: AppContext, incidentId: string, raw: unknown) {
  requirePermission(ctx, 'postmortem.write')
  const input = parseInput(regenerateTimelineInput, raw ?? {})
  const view = await deps.store.transaction(ctx.orgId, async (tx) => {
    const current = await tx.learning.postmortems.get(incidentId)
    if (!current) throw notFound('Postmortem')
    const timeline = await tx.process.timeline.list(incidentId)
    const redo = (version: PostmortemVersion, stored: Record<string, string>) =>
      input.version === version || input.version === 'both'
        ? { [version]: { ...sectionsOf(stored), timeline: timelineSection(timeline, version) } }
        : {}
    await tx.learning.postmortems.update(
      incidentId,
      { ...redo('internal', current.internal), ...redo('public', current.public) },
      null,
      ctx.now,
      ctx.actor.name,
    )
    return viewOf(tx, incidentId, ctx.now)
  })
  changed(deps, ctx, incidentId)
  return view
}

/** Below the required severity a postmortem may be skipped; the reason is kept (and shown on the scorecard). */
export async function skipPostmortem(deps: AppDeps, ctx: AppContext, incidentId: string, raw: unknown) {
  requirePermission(ctx, 'postmortem.write')
  const input = parseInput(skipPostmortemInput, raw)
  const view = await deps.store.transaction(ctx.orgId, async (tx) => {
    const row = await tx.incidents.get(incidentId)
    if (!row) throw notFound('Incident')
    const policy = await loadPolicy(tx)
    if (!maySkipPostmortem(policy.postmortem, row.severity)) {
      const required = severityLabel(policy.severityScale, policy.postmortem.requiredFromSeverity)
      throw conflict(`A ${severityLabel(policy.severityScale, row.severity)} incident needs a postmortem`, [
        { path: 'reason', message: `only incidents less severe than ${required} may skip it` },
      ])
    }
    if (await tx.learning.postmortems.get(incidentId))
      throw conflict('This incident already has a postmortem', [
        { path: 'postmortem', message: 'it cannot be skipped' },
      ])
    const followUp = await tx.learning.postmortems.skip(incidentId, input.reason, ctx.actor.name, ctx.now)
    return { incident_id: incidentId, ...followUpView(followUp, policy.postmortem, row.severity) }
  })
  changed(deps, ctx, incidentId)
  return view
}

import { AppError, invalid, noRecipients, notFound } from '../../domain/app-error.js'
import { missingSections, postmortemSectionNames } from '../../domain/postmortem/postmortem-sections.js'
import { applyCommand } from '../../domain/process/apply-command.js'
import { entry } from '../../domain/process/timeline.js'
import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps } from '../context.js'
import { parseInput } from '../parse-input.js'
import { announce, type CommittedChange, commitChange, loadForCommand } from '../process/run-process-command.js'
import { staleRevision } from './manage-postmortem.js'
import { publishPostmortemInput } from './postmortem-input.js'
import { sectionsOf } from './postmortem-view.js'

/** The seeds' follow-up in one sentence (the 8x8 seed: what happened, how we fixed it, how we prevent it). */
export const defaultPostmortemMessage =
  "We've published our postmortem: what happened, how we fixed it, and what we're changing so it doesn't happen again."

const publishable = ['resolved', 'postmortem_published', 'closed']

/**
 * Puts the public version on the incident's status-page entry. The first time, on a resolved
 * incident, it is also the process's postmortem message: the incident moves to
 * postmortem_published and subscribers hear of it through the update fan-out ("postmortem"
 * stage). Publishing again (a correction) or after the incident was closed only updates the page.
 */
export async function publishPostmortem(deps: AppDeps, ctx: AppContext, incidentId: string, raw: unknown) {
  requirePermission(ctx, 'postmortem.publish')
  const input = parseInput(publishPostmortemInput, raw ?? {})
  const outcome = await deps.store.transaction(ctx.orgId, async (tx, rawTx) => {
    const found = await loadForCommand(tx, incidentId)
    if (!found) throw notFound('Incident')
    const postmortem = await tx.learning.postmortems.get(incidentId)
    if (!postmortem) throw notFound('Postmortem')
    if (input.revision !== undefined && input.revision !== postmortem.revision)
      throw staleRevision(input.revision, postmortem.revision)
    const sections = sectionsOf(postmortem.public)
    const missing = missingSections(sections)
    if (missing.length > 0)
      throw invalid(
        'The public postmortem is not finished',
        missing.map((s) => ({ path: `public.${s}`, message: `${postmortemSectionNames[s]} must not be empty` })),
      )
    const { current, policy, previous, row } = found
    if (!publishable.includes(current.status))
      throw new AppError('INVALID_TRANSITION', 'A postmortem is published once the incident is resolved', [
        { path: 'status', message: `the incident is ${current.status}` },
      ])
    if (!current.isDrill && row.page_id === null) throw noRecipients()
    const isFirst = postmortem.first_published_at === null
    const isAnnounced = current.status === 'resolved'
    const recorded = entry({ type: 'postmortem_published', isAnnounced, isRevision: !isFirst }, ctx.now, ctx.actor)
    let change: CommittedChange | null = null
    if (isAnnounced) {
      const command = {
        type: 'publish' as const,
        stage: 'postmortem' as const,
        text: input.message ?? defaultPostmortemMessage,
        channels: ['status_page'],
      }
      const result = applyCommand(current, command, { now: ctx.now, actor: ctx.actor, policy })
      if (!result.ok) throw new AppError(result.rejection.code, result.rejection.message, result.rejection.details)
      change = await commitChange(deps, ctx, tx, rawTx, policy, previous, {
        ...result,
        entries: [...result.entries, recorded],
      })
    } else {
      await tx.process.timeline.append(incidentId, [recorded])
    }
    const saved = await tx.learning.postmortems.publish(incidentId, sections, ctx.now, ctx.actor.name)
    return { change, pageId: row.page_id, saved, isAnnounced, status: change?.process.status ?? current.status }
  })
  if (outcome.change) announce(deps, ctx, outcome.change)
  else
    deps.events.emit('incident.changed', { orgId: ctx.orgId, incidentId, pageId: outcome.pageId, kind: 'postmortem' })
  // The page shows the postmortem whether or not the incident's status moved (announce() tells it when it did).
  const isPageTold = outcome.change !== null && (outcome.change.publishedUpdate || outcome.change.statusChanged)
  if (outcome.pageId && !isPageTold) deps.events.emit('page.changed', { orgId: ctx.orgId, pageId: outcome.pageId })
  deps.outbox.wake()
  return {
    incident_id: incidentId,
    status: outcome.status,
    is_announced: outcome.isAnnounced,
    first_published_at: outcome.saved.first_published_at,
    published_at: outcome.saved.published_at,
    published_by: outcome.saved.published_by,
    sections: sectionsOf(outcome.saved.published),
  }
}

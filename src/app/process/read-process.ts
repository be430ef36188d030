import { z } from 'zod'
import { severityLabel } from '../../domain/incident/severity.js'
import { crisisTypeByKey } from '../../domain/process/crisis-types.js'
import { sortTimeline } from '../../domain/process/timeline.js'
import { timelineToMarkdown } from '../../domain/process/timeline-markdown.js'
import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps } from '../context.js'
import { notFound } from '../../domain/app-error.js'
import { parseInput } from '../parse-input.js'
import { adoptIncident } from './adopt-incident.js'
import { currentFreeze } from './evaluate-freeze.js'
import { loadPolicy } from './load-policy.js'
import { outboundEntries } from './outbound-entries.js'
import { processView } from './process-view.js'

async function loadForReading(deps: AppDeps, ctx: AppContext, incidentId: string) {
  const tx = deps.store.forOrg(ctx.orgId)
  const policy = await loadPolicy(tx)
  const loaded = await tx.process.state.load(incidentId, { forUpdate: false })
  if (!loaded) throw notFound('Incident')
  return {
    tx,
    policy,
    incident: loaded.incident,
    process: loaded.process ?? (await adoptIncident(tx, loaded.incident, policy)),
  }
}

export async function getProcess(deps: AppDeps, ctx: AppContext, incidentId: string) {
  requirePermission(ctx, 'page.read')
  const { process, policy } = await loadForReading(deps, ctx, incidentId)
  return processView(process, policy)
}

export const timelineQuery = z.object({ format: z.enum(['json', 'markdown']).default('json') }).strict()

/** Every entry in time order; the Markdown form tells the story for a postmortem or an export. */
export async function getTimeline(deps: AppDeps, ctx: AppContext, incidentId: string, rawQuery: unknown) {
  requirePermission(ctx, 'page.read')
  const query = parseInput(timelineQuery, rawQuery ?? {})
  const { tx, policy, process } = await loadForReading(deps, ctx, incidentId)
  const entries = sortTimeline([
    ...(await tx.process.timeline.list(incidentId)),
    ...(await outboundEntries(tx, incidentId)),
  ])
  if (query.format === 'json') return { format: 'json' as const, entries }
  const markdown = timelineToMarkdown(
    {
      title: process.title,
      crisisTypeName: crisisTypeByKey(policy.crisisTypes, process.crisisType)?.name ?? process.crisisType,
      severityName: severityLabel(policy.severityScale, process.severity),
      status: process.status,
      isDrill: process.isDrill,
      openedAt: process.openedAt,
    },
    entries,
  )
  return { format: 'markdown' as const, markdown }
}

/** The queryable marketing-freeze flag: marketing tools poll it, or take the webhook. */
export async function getFreeze(deps: AppDeps, ctx: AppContext) {
  requirePermission(ctx, 'page.read')
  const tx = deps.store.forOrg(ctx.orgId)
  const policy = await loadPolicy(tx)
  const state = await currentFreeze(tx, policy)
  return state.isFrozen
    ? { frozen: true, since: state.since, min_severity: policy.freeze.minSeverity, incidents: state.incidents }
    : { frozen: false, since: null, min_severity: policy.freeze.minSeverity, incidents: [] }
}

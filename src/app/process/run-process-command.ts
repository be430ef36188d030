import { applyCommand } from '../../domain/process/apply-command.js'
import type { ProcessIncident } from '../../domain/process/incident-process.js'
import { nextTimerDueAt } from '../../domain/process/next-due.js'
import type { ApplyResult, ProcessCommand } from '../../domain/process/process-commands.js'
import type { ProcessPolicy } from '../../domain/process/process-policy.js'
import type { Executor } from '../../store/schema/index.js'
import type { OrgStore } from '../../store/store.js'
import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps, IncidentChangeKind } from '../context.js'
import { AppError, notFound } from '../../domain/app-error.js'
import { createContactTasks } from '../key-customers/create-contact-tasks.js'
import { schedulePostmortemFollowUp } from '../postmortems/schedule-follow-up.js'
import { adoptIncident } from './adopt-incident.js'
import { evaluateFreeze } from './evaluate-freeze.js'
import { loadPolicy } from './load-policy.js'
import { processView, type ProcessView } from './process-view.js'
import { writeIntents } from './write-intents.js'

type IncidentRow = NonNullable<Awaited<ReturnType<OrgStore['incidents']['get']>>>

export interface CommittedChange {
  process: ProcessIncident
  pageId: string | null
  publishedUpdate: boolean
  statusChanged: boolean
}

/** Saves the aggregate, appends the timeline, writes intents and re-checks the freeze: one transaction. */
export async function commitChange(
  deps: AppDeps,
  ctx: AppContext,
  tx: OrgStore,
  raw: Executor,
  policy: ProcessPolicy,
  previous: { stored: ProcessIncident | null; status: string },
  result: Extract<ApplyResult, { ok: true }>,
): Promise<CommittedChange> {
  const next = result.incident
  await tx.process.state.save(previous.stored, next, {
    now: ctx.now,
    actorName: ctx.actor.name,
    nextTimerAt: nextTimerDueAt(next, policy),
  })
  await tx.process.timeline.append(next.id, result.entries)
  const { publishedUpdate } = await writeIntents(deps, ctx, tx, raw, next, previous.status, result.intents)
  // Declared now: every key customer it affects is owed a call within their SLA, from this moment.
  if (!previous.stored?.declaredAt && next.declaredAt) await createContactTasks(tx, next, next.declaredAt, ctx.now)
  await evaluateFreeze(tx, policy, ctx.now)
  await schedulePostmortemFollowUp(tx, policy, previous.stored, next, ctx.now)
  const row = await tx.incidents.get(next.id)
  return {
    process: next,
    pageId: row?.page_id ?? null,
    publishedUpdate,
    statusChanged: previous.status !== next.status,
  }
}

export function announce(
  deps: AppDeps,
  ctx: AppContext,
  change: CommittedChange,
  kind: IncidentChangeKind = 'process',
) {
  deps.events.emit('incident.changed', {
    orgId: ctx.orgId,
    incidentId: change.process.id,
    pageId: change.pageId,
    kind,
  })
  if (change.pageId && (change.publishedUpdate || change.statusChanged))
    deps.events.emit('page.changed', { orgId: ctx.orgId, pageId: change.pageId })
}

/**
 * The incident's process, locked for this transaction (adopted on first use), with the policy it
 * runs under; null when there is no such incident.
 */
export async function loadForCommand(tx: OrgStore, incidentId: string) {
  const policy = await loadPolicy(tx)
  const loaded = await tx.process.state.load(incidentId, { forUpdate: true })
  if (!loaded) return null
  const current = loaded.process ?? (await adoptIncident(tx, loaded.incident, policy))
  return { policy, current, row: loaded.incident, previous: { stored: loaded.process, status: current.status } }
}

/**
 * The shape of every process use case: permission, then in one transaction load (locking the
 * incident), apply the domain command, and commit; a rejection becomes an AppError and changes nothing.
 */
export async function runProcessCommand(
  deps: AppDeps,
  ctx: AppContext,
  incidentId: string,
  permission: string,
  command: ProcessCommand,
  /** Checks the accepted change against what the domain cannot see (the incident row), before it is saved. */
  guard?: (row: IncidentRow, result: Extract<ApplyResult, { ok: true }>) => void,
): Promise<ProcessView> {
  requirePermission(ctx, permission)
  const { change, view } = await deps.store.transaction(ctx.orgId, async (tx, raw) => {
    const found = await loadForCommand(tx, incidentId)
    if (!found) throw notFound('Incident')
    const { policy, previous } = found
    const result = applyCommand(found.current, command, { now: ctx.now, actor: ctx.actor, policy })
    if (!result.ok) throw new AppError(result.rejection.code, result.rejection.message, result.rejection.details)
    guard?.(found.row, result)
    const change = await commitChange(deps, ctx, tx, raw, policy, previous, result)
    return { change, view: processView(change.process, policy) }
  })
  announce(deps, ctx, change)
  return view
}

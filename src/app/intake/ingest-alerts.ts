import type { AppDeps } from '../context.js'
import type { IntakeIntegration } from './find-integration.js'
import type { OrgQueue, PendingRequest } from './intake-runtime.js'
import { rulesForIntake } from './manage-routing-rules.js'
import { AlertRaceError, recordBatch, type IngestedAlert, type IngestRequest } from './record-batch.js'
import { recordRepeats } from './record-repeats.js'

export type { IngestedAlert, IngestRequest } from './record-batch.js'

// During an alert storm every request would otherwise pay its own BEGIN, COMMIT and fsync.
// Requests that arrive while an organisation's batch is being stored wait and go together in
// the next one. Two batches in flight per organisation (per node): while one waits on
// PostgreSQL the next is applied and sent, which raised throughput by about a tenth over one at a
// time once PostgreSQL prepared the batch statements; more only made batches smaller (bench: intake).
const MAX_BATCH = 64
const MAX_IN_FLIGHT = 2

/**
 * Records a request's alert events (see recordRequest); all of a request is stored or none
 * of it. A batch that fails is re-run one request per transaction, so one bad request (a
 * replay, say) fails alone.
 */
export function ingestAlerts(
  deps: AppDeps,
  integration: IntakeIntegration,
  request: IngestRequest,
): Promise<IngestedAlert[]> {
  const byOrg = deps.intake.queues
  let queue = byOrg.get(integration.org_id)
  if (!queue) {
    queue = { waiting: [], inFlight: 0, starting: false }
    byOrg.set(integration.org_id, queue)
  }
  const result = new Promise<IngestedAlert[]>((resolve, reject) =>
    queue.waiting.push({ integration, request, resolve, reject }),
  )
  if (!deps.store.embedded) pump(deps, integration.org_id, queue, byOrg)
  else if (!queue.starting) {
    // The embedded engine runs each statement on this thread, resolving in microtasks: a batch
    // started at once would run to its end before the next request is even read, so every batch
    // held one request (360 alerts/s). Started after the poll phase, it takes all that arrived.
    queue.starting = true
    setImmediate(() => {
      queue.starting = false
      pump(deps, integration.org_id, queue, byOrg)
    })
  }
  return result
}

function pump(deps: AppDeps, orgId: string, queue: OrgQueue, byOrg: Map<string, OrgQueue>) {
  while (queue.inFlight < MAX_IN_FLIGHT && queue.waiting.length > 0) {
    const batch = queue.waiting.splice(0, MAX_BATCH)
    queue.inFlight++
    void runBatch(deps, orgId, batch).then((answer) => {
      queue.inFlight--
      if (queue.inFlight === 0 && queue.waiting.length === 0) byOrg.delete(orgId)
      else pump(deps, orgId, queue, byOrg)
      // The next batch's first statement is on its way before this batch's answers are written.
      try {
        answer()
      } catch (error) {
        // Only an event listener can throw here; the alerts are stored and their requests answered.
        deps.logger.error({ err: error }, 'a listener failed after an intake batch')
      }
    })
  }
}

/** Stores a batch; never rejects. Its result answers the batch's requests when called. */
async function runBatch(deps: AppDeps, orgId: string, batch: PendingRequest[], attempt = 1): Promise<() => void> {
  try {
    const opened = new Map<string, string | null>()
    const routing = { happened: false }
    const recordLocked = async () => {
      const rules = await rulesForIntake(deps, orgId)
      return deps.store.transaction(orgId, (tx, rawTx) =>
        recordBatch(deps, tx, rawTx, { requests: batch, rules, openedIncidents: opened, routing }),
      )
    }
    // Embedded, one process holds the one connection: the unlocked path saves no waiting there, and
    // measured a worse p99 (bench: intake, PGlite).
    const tryRepeats = attempt === 1 && !deps.store.embedded
    const results = (tryRepeats ? await recordRepeats(deps.store.forOrg(orgId), batch) : null) ?? (await recordLocked())
    return () => {
      batch.forEach((p, i) => p.resolve(results[i]!))
      for (const [incidentId, pageId] of opened)
        deps.events.emit('incident.changed', { orgId, incidentId, pageId, kind: 'opened' })
      announceAlerts(deps, orgId, results.flat(), opened)
      if (routing.happened) deps.outbox.wake()
    }
  } catch (error) {
    if (batch.length > 1) {
      deps.logger.warn(
        { err: error, requests: batch.length },
        'an intake batch failed; storing its requests one by one',
      )
      const answers: (() => void)[] = []
      for (const p of batch) answers.push(await runBatch(deps, orgId, [p]))
      return () => answers.forEach((answer) => answer())
    }
    if (error instanceof AlertRaceError && attempt < 3) return runBatch(deps, orgId, batch, attempt + 1)
    return () => batch[0]!.reject(error)
  }
}

/** Live consoles hear of received alerts, and of open incidents that new alerts joined. */
function announceAlerts(deps: AppDeps, orgId: string, results: IngestedAlert[], opened: Map<string, string | null>) {
  const alertIds = [...new Set(results.flatMap((r) => (r.alertId && r.change !== 'dropped' ? [r.alertId] : [])))]
  if (alertIds.length > 0) deps.events.emit('alert.changed', { orgId, alertIds, kind: 'received' })
  const joined = new Set(
    results.flatMap((r) =>
      (r.change === 'opened' || r.change === 'reopened') && r.incidentId && !opened.has(r.incidentId)
        ? [r.incidentId]
        : [],
    ),
  )
  for (const incidentId of joined)
    deps.events.emit('incident.changed', { orgId, incidentId, pageId: null, kind: 'alert_attached' })
}

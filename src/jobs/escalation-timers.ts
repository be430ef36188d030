import { pagingBatch, stateOf } from '../app/oncall/paging-batch.js'
import type { AppDeps } from '../app/context.js'
import { step } from '../domain/oncall/escalation.js'
import { oncallStore } from '../store/oncall-store.js'
import { oncallTimersStore } from '../store/oncall-timers-store.js'

export interface EscalationTimerOptions {
  /** Pages advanced per transaction. */
  batchSize?: number
}

/**
 * Moves every page whose level timed out to its next level. The due pages are claimed with
 * FOR UPDATE SKIP LOCKED inside one transaction per batch, so two nodes never advance the
 * same page, and a process that dies mid-batch leaves the rows due for the next run.
 * Returns how many pages moved.
 */
export async function advanceDueEscalations(
  deps: Pick<AppDeps, 'store'>,
  now: Date,
  options: EscalationTimerOptions = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 200
  let total = 0
  for (;;) {
    const { claimed, moved } = await deps.store.run('paging: escalation timers', async (trx) => {
      const due = await oncallTimersStore(trx).claimDuePages(now, batchSize)
      const batches = new Map<string, ReturnType<typeof pagingBatch>>()
      let advanced = 0
      for (const row of due) {
        const result = step(stateOf(row), { type: 'timeout-due' }, now)
        if (result.ignoredBecause) continue
        let batch = batches.get(row.org_id)
        if (!batch) batches.set(row.org_id, (batch = pagingBatch(oncallStore(trx, row.org_id), now)))
        batch.event(row.id, 'escalated', 'system', { reason: 'timeout', from_level: row.level_index + 1 })
        await batch.carryOut(row.id, result)
        advanced++
      }
      for (const batch of batches.values()) await batch.flush()
      return { claimed: due.length, moved: advanced }
    })
    total += moved
    // A full batch may mean more are due; a batch that moved nothing would only repeat itself.
    if (claimed < batchSize || moved === 0) return total
  }
}

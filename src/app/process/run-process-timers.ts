import { applyCommand } from '../../domain/process/apply-command.js'
import { claimDueProcessTimer } from '../../store/process-store.js'
import { orgStore } from '../../store/store.js'
import { systemContext, type AppDeps } from '../context.js'
import { loadPolicy } from './load-policy.js'
import { announce, commitChange, type CommittedChange } from './run-process-command.js'

/**
 * Runs what time has made due (triage reminder and escalation, cadence reminders and overdue
 * escalation, backup takeovers), one incident per transaction; rows another node holds are skipped.
 */
export async function runProcessTimers(deps: AppDeps, now: Date, limit = 50): Promise<number> {
  let done = 0
  while (done < limit) {
    const result = await deps.store.run('process timers', async (raw) => {
      const due = await claimDueProcessTimer(raw, now)
      if (!due) return null
      const ctx = systemContext(due.orgId, now, 'process timers')
      const tx = orgStore(raw, due.orgId)
      const policy = await loadPolicy(tx)
      const loaded = await tx.process.state.load(due.incidentId, { forUpdate: true })
      if (!loaded?.process) return { ctx, change: null }
      const applied = applyCommand(loaded.process, { type: 'tick' }, { now, actor: ctx.actor, policy })
      // A closed incident rejects everything: clear its timer by saving it unchanged.
      const outcome = applied.ok ? applied : { ok: true as const, incident: loaded.process, entries: [], intents: [] }
      const change: CommittedChange = await commitChange(
        deps,
        ctx,
        tx,
        raw,
        policy,
        { stored: loaded.process, status: loaded.process.status },
        outcome,
      )
      return { ctx, change }
    })
    if (result === null) break
    if (result.change) announce(deps, result.ctx, result.change)
    done++
  }
  return done
}

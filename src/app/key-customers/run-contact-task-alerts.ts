import { overdueAlertDueAt, tickContactTask } from '../../domain/key-customer/contact-task.js'
import { markDrill } from '../../domain/process/drill.js'
import { assignmentFor } from '../../domain/process/incident-roles.js'
import { claimDueContactTaskAlert } from '../../store/contact-tasks-store.js'
import type { Executor } from '../../store/schema/index.js'
import { orgStore } from '../../store/store.js'
import type { AppDeps } from '../context.js'
import { clockTime, contactTaskNoticeRows } from './contact-task-notices.js'

type Alerted = { orgId: string; incidentId: string }

/** One due task: its overdue alert to the support on-call manager, once, settled in the same transaction. */
async function alertOne(raw: Executor, now: Date): Promise<Alerted | null | false> {
  const due = await claimDueContactTaskAlert(raw, now)
  if (!due) return false
  const tx = orgStore(raw, due.orgId)
  const row = (await tx.contactTasks.get(due.id))!
  const clock = {
    state: row.state as 'open' | 'done',
    deadlineAt: row.deadline_at,
    overdueAlertedAt: row.overdue_alerted_at,
  }
  const { task, shouldAlert } = tickContactTask(clock, now)
  await tx.contactTasks.update(row.id, {
    overdue_alerted_at: task.overdueAlertedAt,
    alert_due_at: overdueAlertDueAt(task),
    updated_at: now,
  })
  if (!shouldAlert) return null
  const loaded = await tx.process.state.load(row.incident_id, { forUpdate: false })
  if (!loaded) return null
  const isDrill = loaded.incident.is_drill
  const manager = loaded.process ? assignmentFor(loaded.process.roles, 'support_on_call_manager') : undefined
  const holder = row.holder_name ? ` ${row.holder_name} holds it.` : ' Nobody holds it yet.'
  const ticket = row.ticket_id ? ` Ticket ${row.ticket_id}.` : ''
  const text =
    `Key customer ${row.customer_name} has not been contacted (${row.channel}): ` +
    `their SLA says within ${row.notify_within_minutes} minutes, ` +
    `due at ${clockTime(row.deadline_at)}.${holder}${ticket}`
  const rows = await contactTaskNoticeRows(
    tx,
    { id: row.incident_id, title: loaded.incident.title, isDrill },
    [
      {
        person: manager?.primary ?? manager?.backup ?? null,
        role: 'support_on_call_manager',
        reason: 'contact_task_overdue',
        text: markDrill(isDrill, text),
        nobodyBecause: 'nobody holds this role',
      },
    ],
    now,
  )
  await tx.messages.enqueue(rows, now)
  return { orgId: due.orgId, incidentId: row.incident_id }
}

/**
 * The contact tasks' process timer: an open task past its deadline alerts the support on-call
 * manager, once. Due times live in rows claimed with FOR UPDATE SKIP LOCKED, one per transaction,
 * so a restart or a second node loses and duplicates nothing.
 */
export async function runContactTaskAlerts(deps: AppDeps, now: Date, limit = 50): Promise<number> {
  let done = 0
  const alerted: Alerted[] = []
  while (done < limit) {
    const result = await deps.store.run('contact task alerts', (raw) => alertOne(raw, now))
    if (result === false) break
    if (result) alerted.push(result)
    done++
  }
  for (const { orgId, incidentId } of alerted)
    deps.events.emit('incident.changed', { orgId, incidentId, pageId: null, kind: 'process' })
  return done
}

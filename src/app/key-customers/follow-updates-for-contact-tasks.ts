import { isOverdue, tasksToRemind } from '../../domain/key-customer/contact-task.js'
import { markDrill } from '../../domain/process/drill.js'
import type { Executor } from '../../store/schema/index.js'
import { orgStore } from '../../store/store.js'
import type { AppContext, IncidentUpdatePublished } from '../context.js'
import { clockTime, type ContactTaskNotice, contactTaskNoticeRows } from './contact-task-notices.js'
import { createContactTasks, defaultHolder } from './create-contact-tasks.js'

/**
 * The `incidentUpdatePublished` hook, in the update's own transaction: every later public update
 * reminds each holder of their open contact tasks (one notice per holder), and customers the
 * update newly affects (components added) get their task, due N minutes from now.
 */
export async function followUpdatesForContactTasks(
  raw: Executor,
  ctx: AppContext,
  event: IncidentUpdatePublished,
): Promise<void> {
  const tx = orgStore(raw, ctx.orgId)
  const loaded = await tx.process.state.load(event.incident.id, { forUpdate: false })
  if (!loaded) return
  const roles = loaded.process?.roles ?? []
  const tasks = await tx.contactTasks.listForIncident(event.incident.id)
  const open = tasksToRemind(
    tasks.map((t) => ({
      ...t,
      state: t.state as 'open' | 'done',
      deadlineAt: t.deadline_at,
      overdueAlertedAt: t.overdue_alerted_at,
      createdAt: t.created_at,
    })),
    ctx.now,
  )
  const byHolder = new Map<string, typeof open>()
  for (const task of open) {
    const key = task.holder_id ?? ''
    byHolder.set(key, [...(byHolder.get(key) ?? []), task])
  }
  const manager = defaultHolder(roles)
  const isDrill = loaded.incident.is_drill
  const notices: ContactTaskNotice[] = [...byHolder.values()].map((held) => {
    const first = held[0]!
    const person = first.holder_id ? { id: first.holder_id, name: first.holder_name ?? '' } : manager
    const lines = held.map(
      (t) =>
        `- ${t.customer_name} by ${t.channel}, due ${clockTime(t.deadline_at)}` +
        `${isOverdue({ ...t, overdueAlertedAt: null }, ctx.now) ? ' (overdue)' : ''}` +
        `${t.ticket_id ? `, ticket ${t.ticket_id}` : ''}`,
    )
    const text =
      `An update was just published on "${loaded.incident.title}". Tell these key customers ` +
      `what it says, then mark each task done:\n${lines.join('\n')}`
    return {
      person,
      role: first.holder_id ? null : 'support_on_call_manager',
      reason: 'contact_task_reminder',
      text: markDrill(isDrill, text),
      nobodyBecause: 'nobody holds these contact tasks or the support on-call manager role',
    }
  })
  await tx.messages.enqueue(
    await contactTaskNoticeRows(
      tx,
      { id: loaded.incident.id, title: loaded.incident.title, isDrill },
      notices,
      ctx.now,
    ),
    ctx.now,
  )
  if (loaded.incident.declared_at) await createContactTasks(tx, { id: event.incident.id, roles }, ctx.now, ctx.now)
}

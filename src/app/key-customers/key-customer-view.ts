import { isOverdue } from '../../domain/key-customer/contact-task.js'
import type { ContactTasksStore } from '../../store/contact-tasks-store.js'
import type { KeyCustomersStore } from '../../store/key-customers-store.js'

type CustomerRow = NonNullable<Awaited<ReturnType<KeyCustomersStore['get']>>>
type TaskRow = NonNullable<Awaited<ReturnType<ContactTasksStore['get']>>>

export function keyCustomerView(row: CustomerRow) {
  return {
    id: row.id,
    name: row.name,
    notify_within_minutes: row.notify_within_minutes,
    channel: row.channel,
    contacts: row.contacts,
    mrr: row.mrr === null ? null : Number(row.mrr),
    component_ids: row.component_ids,
    is_affected_by_every_incident: row.is_affected_by_every_incident,
    notes: row.notes,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  }
}

export function contactTaskView(row: TaskRow, now: Date) {
  return {
    id: row.id,
    incident_id: row.incident_id,
    key_customer_id: row.key_customer_id,
    customer_name: row.customer_name,
    channel: row.channel,
    notify_within_minutes: row.notify_within_minutes,
    holder: row.holder_id ? { id: row.holder_id, name: row.holder_name ?? '' } : null,
    state: row.state,
    ticket_id: row.ticket_id,
    deadline_at: row.deadline_at.toISOString(),
    is_overdue: isOverdue(
      { state: row.state as 'open' | 'done', deadlineAt: row.deadline_at, overdueAlertedAt: null },
      now,
    ),
    overdue_alerted_at: row.overdue_alerted_at?.toISOString() ?? null,
    done_at: row.done_at?.toISOString() ?? null,
    done_by: row.done_by,
    created_at: row.created_at.toISOString(),
  }
}

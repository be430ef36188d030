import { missingContactTasks, overdueAlertDueAt } from '../../domain/key-customer/contact-task.js'
import { affectedCustomers } from '../../domain/key-customer/key-customer.js'
import { assignmentFor, type RoleAssignment } from '../../domain/process/incident-roles.js'
import type { OrgStore } from '../../store/store.js'

/** Tasks start with the support on-call manager, who owns direct contact in the Zendesk seed. */
export function defaultHolder(roles: readonly RoleAssignment[]) {
  const manager = assignmentFor(roles, 'support_on_call_manager')
  return manager?.primary ?? manager?.backup ?? null
}

/**
 * Gives a declared incident a contact task for every key customer it affects that has none yet,
 * due N minutes (the customer's SLA) after `affectedSince`; in the caller's transaction.
 */
export async function createContactTasks(
  tx: OrgStore,
  incident: { id: string; roles: readonly RoleAssignment[] },
  affectedSince: Date,
  now: Date,
): Promise<number> {
  const customers = await tx.keyCustomers.list()
  if (customers.length === 0) return 0
  const components = await tx.incidents.listAffectedComponentIds([incident.id])
  const existing = await tx.contactTasks.listForIncident(incident.id)
  const byId = new Map(customers.map((c) => [c.id, c]))
  const terms = customers.map((c) => ({
    id: c.id,
    name: c.name,
    notifyWithinMinutes: c.notify_within_minutes,
    isAffectedByEveryIncident: c.is_affected_by_every_incident,
    componentIds: c.component_ids,
  }))
  const missing = missingContactTasks(
    affectedCustomers(
      terms,
      components.map((c) => c.component_id),
    ),
    new Set(existing.flatMap((t) => (t.key_customer_id ? [t.key_customer_id] : []))),
    affectedSince,
  )
  const holder = defaultHolder(incident.roles)
  await tx.contactTasks.create(
    missing.map((task) => {
      const customer = byId.get(task.keyCustomerId)!
      return {
        incident_id: incident.id,
        key_customer_id: customer.id,
        customer_name: customer.name,
        channel: customer.channel,
        notify_within_minutes: customer.notify_within_minutes,
        holder_id: holder?.id ?? null,
        holder_name: holder?.name ?? null,
        deadline_at: task.deadlineAt,
        alert_due_at: overdueAlertDueAt({ state: 'open', deadlineAt: task.deadlineAt, overdueAlertedAt: null }),
        created_at: now,
        updated_at: now,
      }
    }),
  )
  return missing.length
}

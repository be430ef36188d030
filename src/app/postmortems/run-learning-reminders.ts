import { nextActionItemReminderAt } from '../../domain/postmortem/action-items.js'
import { maySkipPostmortem } from '../../domain/postmortem/postmortem-policy.js'
import { severityLabel } from '../../domain/incident/severity.js'
import { markDrill } from '../../domain/process/drill.js'
import type { IncidentRole } from '../../domain/process/incident-roles.js'
import { claimDueActionItem } from '../../store/action-items-store.js'
import type { MessageWrite } from '../../store/messages-store.js'
import { claimDuePostmortemFollowUp } from '../../store/postmortems-store.js'
import type { Executor } from '../../store/schema/index.js'
import { orgStore, type OrgStore } from '../../store/store.js'
import type { AppDeps } from '../context.js'
import { loadPolicy } from '../process/load-policy.js'

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** The seed: the business manager provides the internal postmortem, the incident manager the public one. */
const postmortemWriters: IncidentRole[] = ['business_manager', 'incident_manager']

type Notice = { personId: string | null; personName: string | null; role: IncidentRole | null }

/** One role notice per person, to their member email; nobody to tell is written as a failed message. */
async function noticeRows(
  tx: OrgStore,
  incidentId: string,
  to: Notice[],
  content: { incidentTitle: string; text: string; isDrill: boolean; reason: string },
  now: Date,
): Promise<MessageWrite[]> {
  const ids = to.flatMap((n) => (n.personId && uuidPattern.test(n.personId) ? [n.personId] : []))
  const emails = new Map((await tx.oncall.people.members(ids)).map((m) => [m.id, m.email]))
  const row = (n: Notice | null, address: string, failedBecause?: string): MessageWrite => ({
    kind: 'role_notice',
    channel: 'email',
    address,
    incidentId,
    content: {
      ...content,
      role: n?.role ?? null,
      person: n?.personId ? { id: n.personId, name: n.personName } : null,
      personId: n?.personId ?? null,
    },
    dueAt: now,
    ...(failedBecause ? { failedBecause } : {}),
  })
  if (to.length === 0) return [row(null, '', 'nobody holds a role that writes the postmortem')]
  return to.map((n) => {
    const email = n.personId ? emails.get(n.personId) : undefined
    return email ? row(n, email) : row(n, '', 'this person has no email address here')
  })
}

/** A resolved incident with no postmortem N days on: its writers (or else the lead) are reminded, once. */
async function remindOfPostmortem(raw: Executor, now: Date): Promise<boolean> {
  const due = await claimDuePostmortemFollowUp(raw, now)
  if (!due) return false
  const tx = orgStore(raw, due.orgId)
  const loaded = await tx.process.state.load(due.incidentId, { forUpdate: false })
  if (!loaded?.process || (await tx.learning.postmortems.get(due.incidentId))) {
    await tx.learning.postmortems.settleFollowUp(due.incidentId, now, 'not_owed')
    return true
  }
  const { process } = loaded
  const policy = await loadPolicy(tx)
  const holders = (roles: IncidentRole[]) =>
    process.roles.flatMap((r) =>
      roles.includes(r.role) && r.primary ? [{ personId: r.primary.id, personName: r.primary.name, role: r.role }] : [],
    )
  const writers = holders(postmortemWriters)
  const to = [
    ...new Map((writers.length > 0 ? writers : holders(['incident_lead'])).map((n) => [n.personId, n])).values(),
  ]
  const severity = severityLabel(policy.severityScale, process.severity)
  const resolved = process.resolvedAt?.toISOString().slice(0, 10) ?? 'recently'
  const duty = maySkipPostmortem(policy.postmortem, process.severity)
    ? 'Write one from the template, or skip it with a reason'
    : `A ${severity} incident needs one: start it from the template`
  const text = `No postmortem has been started for "${process.title}", resolved on ${resolved}. ${duty}.`
  const content = { incidentTitle: process.title, text: markDrill(process.isDrill, text), isDrill: process.isDrill }
  const rows = await noticeRows(tx, process.id, to, { ...content, reason: 'postmortem_due' }, now)
  await tx.messages.enqueue(rows, now)
  await tx.learning.postmortems.settleFollowUp(due.incidentId, now, 'reminded')
  return true
}

/** An open action item past its due date: its owner hears of it, then again every few days. */
async function remindOfActionItem(raw: Executor, now: Date): Promise<boolean> {
  const due = await claimDueActionItem(raw, now)
  if (!due) return false
  const tx = orgStore(raw, due.orgId)
  const item = await tx.learning.actionItems.get(due.id)
  if (!item) return true
  const text =
    `The action item "${item.title}" from "${item.incident_title}" was due on ${item.due_on} and is still open. ` +
    'Mark it done, or give it a new due date.'
  const to = item.owner_id ? [{ personId: item.owner_id, personName: item.owner_name, role: null }] : []
  const content = {
    incidentTitle: item.incident_title,
    text: markDrill(item.incident_is_drill, text),
    isDrill: item.incident_is_drill,
  }
  const rows = await noticeRows(tx, item.incident_id, to, { ...content, reason: 'action_item_overdue' }, now)
  if (to.length === 0) rows[0]!.failedBecause = 'the action item has no owner'
  await tx.messages.enqueue(rows, now)
  const next = nextActionItemReminderAt({ state: 'open', dueOn: item.due_on, remindedAt: now })
  await tx.learning.actionItems.update(item.id, { reminded_at: now, next_reminder_at: next })
  return true
}

/**
 * The learning timers: postmortems nobody started and overdue action items. Due times live in
 * rows claimed with FOR UPDATE SKIP LOCKED, one per transaction, so a restart or a second node
 * loses and duplicates nothing; the reminders are outbox rows written in that transaction.
 */
export async function runLearningReminders(deps: AppDeps, now: Date, limit = 50): Promise<number> {
  let done = 0
  for (const [name, step] of [
    ['postmortem reminders', remindOfPostmortem],
    ['action item reminders', remindOfActionItem],
  ] as const) {
    while (done < limit && (await deps.store.run(name, (raw) => step(raw, now)))) done++
  }
  if (done > 0) deps.outbox.wake()
  return done
}

import type { Person } from '../../domain/process/people.js'
import type { MessageWrite } from '../../store/messages-store.js'
import type { OrgStore } from '../../store/store.js'

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export interface ContactTaskNotice {
  person: Person | null
  role: string | null
  reason: 'contact_task_overdue' | 'contact_task_reminder'
  text: string
  /** Why nobody could be told, when `person` is null. */
  nobodyBecause: string
}

/**
 * Role notices through the one outbox, to each person's member email; nobody to tell is written
 * as a failed message (the gap is the news), as the process's own notices are.
 */
export async function contactTaskNoticeRows(
  tx: OrgStore,
  incident: { id: string; title: string; isDrill: boolean },
  notices: readonly ContactTaskNotice[],
  now: Date,
): Promise<MessageWrite[]> {
  const ids = notices.flatMap((n) => (n.person && uuidPattern.test(n.person.id) ? [n.person.id] : []))
  const emails = new Map((await tx.oncall.people.members(ids)).map((m) => [m.id, m.email]))
  return notices.map((n) => {
    const email = n.person ? emails.get(n.person.id) : undefined
    return {
      kind: 'role_notice',
      channel: 'email',
      address: email ?? '',
      incidentId: incident.id,
      content: {
        incidentTitle: incident.title,
        text: n.text,
        isDrill: incident.isDrill,
        reason: n.reason,
        role: n.role,
        person: n.person,
        personId: n.person?.id ?? null,
      },
      dueAt: now,
      ...(email ? {} : { failedBecause: n.person ? 'this person has no email address here' : n.nobodyBecause }),
    }
  })
}

export function clockTime(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

import type { TimelineEntry } from '../../api/types'
import { humanise } from '../../ui/labels'

const text = (value: unknown) => (typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : '')

const list = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [])

const nameOf = (person: unknown) =>
  typeof person === 'object' && person !== null && 'name' in person ? text(person.name) : 'someone'

type Delivery = { total: number; sent: number; queued: number; retrying: number; failed: number; skipped: number }

/** "Status page update: 1 sent" — how far one outbound message got, from the outbox. */
function describeOutbound(entry: TimelineEntry): string {
  const d = (entry.delivery ?? {}) as Partial<Delivery>
  const states = (['sent', 'queued', 'retrying', 'failed', 'skipped'] as const)
    .filter((k) => (d[k] ?? 0) > 0)
    .map((k) => `${d[k]} ${k}`)
  const what = entry.stage ? humanise(text(entry.stage)) : humanise(text(entry.kind))
  const error = text(entry.lastError ?? entry.last_error)
  const channel = text(entry.channel).replaceAll('_', ' ')
  const progress = states.join(', ') || 'nothing yet'
  return `${what} by ${channel} to ${d.total ?? 0}: ${progress}${error ? ` (${error})` : ''}`
}

/** One line per timeline event; unknown kinds still say what they are, so a new event type never hides. */
export function describeTimelineEntry(entry: TimelineEntry): string {
  switch (entry.type) {
    case 'message_published': {
      const status = entry.status ? ` (${humanise(text(entry.status))})` : ''
      return `${humanise(text(entry.stage))} published${status}: ${text(entry.text)}`
    }
    case 'outbound_message':
      return describeOutbound(entry)
    case 'status_change': {
      const reason = entry.reason ? ` — ${text(entry.reason)}` : ''
      return `Status ${humanise(text(entry.from))} → ${humanise(text(entry.to))}${reason}`
    }
    case 'alert_attached':
      return `Alert attached: ${text(entry.summary)}`
    case 'check_in':
      return `${nameOf(entry.person)} checked in as ${humanise(text(entry.role)).toLowerCase()}`
    case 'role_change': {
      const was = entry.from ? ` (was ${nameOf(entry.from)})` : ''
      return `${humanise(text(entry.role))}: ${entry.to ? nameOf(entry.to) : 'nobody'}${was}`
    }
    case 'scope_answer':
      return `Checklist: ${humanise(text(entry.item))} — ${text(entry.answer)}`
    case 'stakeholders_notified':
      return `Stakeholders notified (${humanise(text(entry.event))}): ${list(entry.groups).map(humanise).join(', ')}`
    case 'postmortem_published':
      return entry.isRevision
        ? 'Public postmortem corrected on the status page'
        : `Public postmortem published on the status page${entry.isAnnounced ? ' and announced to subscribers' : ''}`
    default: {
      const said = text(entry.text) || text(entry.note) || text(entry.decision) || text(entry.reason)
      return said ? `${humanise(entry.type)}: ${said}` : humanise(entry.type)
    }
  }
}

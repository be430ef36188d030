import type { TimelineEntry } from '../../api/types'
import { humanise } from '../../ui/labels'

const text = (value: unknown) => (typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : '')

/** One line per timeline event; unknown kinds still say what they are, so a new event type never hides. */
export function describeTimelineEntry(entry: TimelineEntry): string {
  switch (entry.type) {
    case 'message_published':
      return `${humanise(text(entry.stage))} published${entry.status ? ` (${humanise(text(entry.status))})` : ''}: ${text(entry.text)}`
    case 'status_change':
      return `Status ${humanise(text(entry.from))} → ${humanise(text(entry.to))}${entry.reason ? ` — ${text(entry.reason)}` : ''}`
    case 'stakeholders_notified':
      return `Stakeholders notified (${humanise(text(entry.event))}): ${text(entry.groups)}`
    default: {
      const said = text(entry.text) || text(entry.note) || text(entry.decision) || text(entry.reason)
      return said ? `${humanise(entry.type)}: ${said}` : humanise(entry.type)
    }
  }
}

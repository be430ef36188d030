import type { TimelineEntry } from '../../api/types'
import { TimeText } from '../../ui/time-text'
import { DeliveryBadge } from './delivery-badge'
import { describeTimelineEntry } from './describe-timeline-entry'

/** GET /api/incidents/:id/timeline: every event, decision and message with its time and who did it. */
export function IncidentTimeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      {entries.length === 0 ? (
        <p className="muted">Nothing recorded yet.</p>
      ) : (
        <ol className="timeline" id="timeline">
          {entries.map((entry) => (
            <li key={entry.id}>
              <TimeText at={entry.at} /> <span className="actor">{entry.actor?.name ?? 'Candor'}</span>{' '}
              <DeliveryBadge entry={entry} />
              <p>{describeTimelineEntry(entry)}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

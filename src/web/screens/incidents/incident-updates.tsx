import type { IncidentUpdate } from '../../api/types'
import { componentStatusLooks, incidentStatusLooks } from '../../ui/labels'
import { StatusBadge } from '../../ui/status-badge'
import { TimeText } from '../../ui/time-text'

/** The public updates, newest first, as customers saw them. */
export function IncidentUpdates({ updates }: { updates: IncidentUpdate[] }) {
  return (
    <section aria-labelledby="updates-title">
      <h2 id="updates-title">Updates</h2>
      {updates.length === 0 ? (
        <p className="muted">No public update yet.</p>
      ) : (
        <ol className="updates" reversed>
          {updates.map((update) => (
            <li key={update.id} className="card update">
              <p className="update-head">
                <StatusBadge look={incidentStatusLooks[update.status]} />
                <TimeText at={update.display_at} />
                <span className="muted">by {update.created_by}</span>
              </p>
              <p className="update-body">{update.body}</p>
              {update.body_technical && <p className="technical">Details for IT teams: {update.body_technical}</p>}
              {update.affected_components.length > 0 && (
                <p className="meta">
                  {update.affected_components.map((c) => (
                    <span key={c.code}>
                      {c.name}: {componentStatusLooks[c.new_status].label}
                    </span>
                  ))}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

import type { Alert } from '../../api/types'
import { Link } from '../../routing/router'
import { alertStatusLooks, humanise, lookOf } from '../../ui/labels'
import { StatusBadge } from '../../ui/status-badge'
import { TimeText } from '../../ui/time-text'

/** The alerts that opened or joined this incident, each linking to its labels and runbook. */
export function IncidentAlerts({ alerts }: { alerts: Alert[] }) {
  return (
    <section className="card" aria-labelledby="incident-alerts-title" id="incident-alerts">
      <h2 id="incident-alerts-title">Alerts</h2>
      {alerts.length === 0 ? (
        <p className="muted">No alert attached.</p>
      ) : (
        <ul className="alert-list">
          {alerts.map((a) => (
            <li key={a.id}>
              <Link to={`/alerts/${a.id}`}>{a.summary}</Link> <StatusBadge look={lookOf(alertStatusLooks, a.status)} />
              <span className="muted block">
                {humanise(a.severity)} · last seen <TimeText at={a.last_seen_at} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

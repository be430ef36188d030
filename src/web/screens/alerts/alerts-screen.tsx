import type { Alert } from '../../api/types'
import { Link } from '../../routing/router'
import { alertStatusLooks, humanise, lookOf } from '../../ui/labels'
import { Loading } from '../../ui/loading'
import { StatusBadge } from '../../ui/status-badge'
import { TimeText } from '../../ui/time-text'
import { useApi } from '../../ui/use-api'
import { useLiveChanges } from '../../ui/use-live-changes'

/** GET /api/alerts: what the monitoring sent, most recently seen first. */
export function AlertsScreen() {
  const { data, problem, reload } = useApi<Alert[]>('/api/alerts?limit=100')
  useLiveChanges('/api/events', reload)
  return (
    <section aria-labelledby="alerts-title">
      <h1 id="alerts-title" tabIndex={-1}>
        Alerts
      </h1>
      <Loading data={data} problem={problem}>
        {(alerts) =>
          alerts.length === 0 ? (
            <p className="muted">
              No alerts yet. Create an integration (POST /api/integrations) and point your monitoring at its URL.
            </p>
          ) : (
            <div className="table-scroll">
              <table className="card data-table">
                <thead>
                  <tr>
                    <th scope="col">Alert</th>
                    <th scope="col">Status</th>
                    <th scope="col">Severity</th>
                    <th scope="col">Events</th>
                    <th scope="col">Last seen</th>
                    <th scope="col">Incident</th>
                  </tr>
                </thead>
                <tbody>
                  {alerts.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">
                        <Link to={`/alerts/${a.id}`}>{a.summary}</Link>
                        <span className="muted block">
                          {a.source ? `${a.source} · ` : ''}
                          {a.dedup_key}
                        </span>
                      </th>
                      <td>
                        <StatusBadge look={lookOf(alertStatusLooks, a.status)} />
                      </td>
                      <td>{humanise(a.severity)}</td>
                      <td>{a.event_count}</td>
                      <td>
                        <TimeText at={a.last_seen_at} />
                      </td>
                      <td>
                        {a.incident_id ? (
                          <Link to={`/incidents/${a.incident_id}`}>View incident</Link>
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loading>
    </section>
  )
}

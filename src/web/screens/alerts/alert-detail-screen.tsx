import { api } from '../../api/client'
import type { AlertDetail } from '../../api/types'
import { Link } from '../../routing/router'
import { useCan } from '../../session/session-context'
import { alertStatusLooks, humanise, lookOf } from '../../ui/labels'
import { Loading } from '../../ui/loading'
import { ProblemMessage } from '../../ui/problem-message'
import { StatusBadge } from '../../ui/status-badge'
import { TimeText } from '../../ui/time-text'
import { useApi, useSubmit } from '../../ui/use-api'
import { useLiveChanges } from '../../ui/use-live-changes'
import { AlertContext } from './alert-context'
import { AttachToIncidentForm } from './attach-to-incident-form'
import { OpenIncidentForm } from './open-incident-form'

/** One alert: what fired, where to look, and what to do with it (acknowledge, open or join an incident). */
export function AlertDetailScreen({ id }: { id: string }) {
  const alert = useApi<AlertDetail>(`/api/alerts/${id}`)
  useLiveChanges('/api/events', alert.reload)
  const can = useCan()
  const acknowledging = useSubmit(() => api.post(`/api/alerts/${id}/acknowledge`).then(alert.reload))
  return (
    <section aria-labelledby="alert-title">
      <p>
        <Link to="/alerts">← All alerts</Link>
      </p>
      <Loading data={alert.data} problem={alert.problem}>
        {(a) => {
          const incident =
            a.incident ?? (a.incident_id ? { id: a.incident_id, title: 'the incident', status: '' } : null)
          return (
            <>
              <h1 id="alert-title" tabIndex={-1}>
                {a.summary}
              </h1>
              <p className="meta">
                <StatusBadge look={lookOf(alertStatusLooks, a.status)} />
                <span>Severity: {humanise(a.severity)}</span>
                {a.source && <span>Source: {a.source}</span>}
                <span>
                  First seen <TimeText at={a.first_seen_at} />
                </span>
                <span>{a.event_count} events</span>
              </p>
              {incident && (
                <p className="card">
                  On incident <Link to={`/incidents/${incident.id}`}>{incident.title}</Link>
                  {incident.status && <> ({humanise(incident.status)})</>}
                </p>
              )}
              <div className="columns">
                <AlertContext alert={a} />
                <div>
                  {a.status === 'firing' && (
                    <div className="card">
                      <button type="button" onClick={() => void acknowledging.submit()}>
                        Acknowledge
                      </button>
                      <ProblemMessage problem={acknowledging.problem} />
                    </div>
                  )}
                  {can('incident.create') && <OpenIncidentForm alert={a} />}
                  <AttachToIncidentForm alert={a} onAttached={alert.reload} />
                </div>
              </div>
            </>
          )
        }}
      </Loading>
    </section>
  )
}

import type { Incident } from '../../api/types'
import { Link } from '../../routing/router'
import { useCan } from '../../session/session-context'
import { impactLabels, incidentStatusLooks, openStatuses } from '../../ui/labels'
import { Loading } from '../../ui/loading'
import { StatusBadge } from '../../ui/status-badge'
import { TimeText } from '../../ui/time-text'
import { useApi } from '../../ui/use-api'
import { useLiveChanges } from '../../ui/use-live-changes'
import { severityName, useSeverityScale } from './use-severity-scale'

const newestFirst = (a: Incident, b: Incident) => b.started_at.localeCompare(a.started_at)

function IncidentRows({ incidents, emptyText }: { incidents: Incident[]; emptyText: string }) {
  const scale = useSeverityScale()
  if (incidents.length === 0) return <p className="muted">{emptyText}</p>
  return (
    <ul className="incident-list">
      {incidents.map((incident) => (
        <li key={incident.id} className="card incident-row">
          <div className="incident-row-head">
            <Link to={`/incidents/${incident.id}`} className="incident-title">
              {incident.title}
            </Link>
            <StatusBadge look={incidentStatusLooks[incident.status]} />
          </div>
          <p className="meta">
            <span>Severity: {severityName(scale, incident.severity)}</span>
            <span>Impact: {impactLabels[incident.impact]}</span>
            <span>
              Started <TimeText at={incident.started_at} />
            </span>
            {incident.is_drill && <span className="tag">Drill</span>}
          </p>
        </li>
      ))}
    </ul>
  )
}

/** Open incidents first (they need someone), then the recent ones, newest first. */
export function IncidentListScreen() {
  const { data, problem, reload } = useApi<Incident[]>('/api/incidents?limit=100')
  // An alert can open an incident at any moment: the list shows it without a reload.
  useLiveChanges('/api/events', reload)
  const can = useCan()
  return (
    <section aria-labelledby="incidents-title">
      <div className="screen-head">
        <h1 id="incidents-title" tabIndex={-1}>
          Incidents
        </h1>
        {(can('incident.create') || can('incident.publish')) && (
          <Link to="/incidents/new" className="button">
            Declare an incident
          </Link>
        )}
      </div>
      <Loading data={data} problem={problem}>
        {(incidents) => (
          <>
            <section aria-labelledby="open-title">
              <h2 id="open-title">Open</h2>
              <IncidentRows
                incidents={incidents.filter((i) => openStatuses.has(i.status)).sort(newestFirst)}
                emptyText="No open incidents."
              />
            </section>
            <section aria-labelledby="recent-title">
              <h2 id="recent-title">Recent</h2>
              <IncidentRows
                incidents={incidents.filter((i) => !openStatuses.has(i.status)).sort(newestFirst)}
                emptyText="No past incidents yet."
              />
            </section>
          </>
        )}
      </Loading>
    </section>
  )
}

import type { Component, Incident, TimelineEntry } from '../../api/types'
import { Link } from '../../routing/router'
import { useCan } from '../../session/session-context'
import { componentStatusLooks, humanise, impactLabels, incidentStatusLooks } from '../../ui/labels'
import { Loading } from '../../ui/loading'
import { StatusBadge } from '../../ui/status-badge'
import { TimeText } from '../../ui/time-text'
import { useApi } from '../../ui/use-api'
import { IncidentTimeline } from './incident-timeline'
import { IncidentUpdates } from './incident-updates'
import { PostUpdateForm } from './post-update-form'
import { PublishMessageForm } from './publish-message-form'
import { severityName, useSeverityScale } from './use-severity-scale'

function IncidentFacts({ incident, components }: { incident: Incident; components: Component[] }) {
  const scale = useSeverityScale()
  const affected = components.filter((c) => incident.component_ids.includes(c.id))
  return (
    <dl className="facts card">
      <div>
        <dt>Status</dt>
        <dd>
          <StatusBadge look={incidentStatusLooks[incident.status]} />
        </dd>
      </div>
      <div>
        <dt>Severity</dt>
        <dd>{severityName(scale, incident.severity)}</dd>
      </div>
      <div>
        <dt>Impact</dt>
        <dd>{impactLabels[incident.impact]}</dd>
      </div>
      <div>
        <dt>Type</dt>
        <dd>{humanise(incident.type)}</dd>
      </div>
      <div>
        <dt>Started</dt>
        <dd>
          <TimeText at={incident.started_at} />
        </dd>
      </div>
      {incident.resolved_at && (
        <div>
          <dt>Resolved</dt>
          <dd>
            <TimeText at={incident.resolved_at} />
          </dd>
        </div>
      )}
      <div className="facts-wide">
        <dt>Affected components</dt>
        <dd>
          {affected.length === 0 ? (
            'None named'
          ) : (
            <ul className="inline-list">
              {affected.map((c) => (
                <li key={c.id}>
                  {c.name} <StatusBadge look={componentStatusLooks[c.status]} />
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
    </dl>
  )
}

/** One incident: where it stands, the forms to move it on, what customers were told, and everything that happened. */
export function IncidentDetailScreen({ id }: { id: string }) {
  const incident = useApi<Incident>(`/api/incidents/${id}`)
  const timeline = useApi<{ entries: TimelineEntry[] }>(`/api/incidents/${id}/timeline`)
  const components = useApi<Component[]>('/api/components')
  const can = useCan()
  const reload = () => {
    incident.reload()
    timeline.reload()
    components.reload()
  }

  return (
    <section aria-labelledby="incident-title">
      <p>
        <Link to="/">← All incidents</Link>
      </p>
      <Loading data={incident.data} problem={incident.problem}>
        {(i) => (
          <>
            <h1 id="incident-title" tabIndex={-1}>
              {i.title}
              {i.is_drill && <span className="tag">Drill</span>}
            </h1>
            <IncidentFacts incident={i} components={components.data ?? []} />
            <div className="columns">
              <div>
                {(can('incident.update') || can('incident.publish')) && (
                  <PostUpdateForm key={i.status} incident={i} onPosted={reload} />
                )}
                {can('incident.publish') && <PublishMessageForm incidentId={i.id} onPublished={reload} />}
              </div>
              <div>
                <IncidentUpdates updates={i.updates} />
                <Loading data={timeline.data} problem={timeline.problem}>
                  {(t) => <IncidentTimeline entries={t.entries} />}
                </Loading>
              </div>
            </div>
          </>
        )}
      </Loading>
    </section>
  )
}

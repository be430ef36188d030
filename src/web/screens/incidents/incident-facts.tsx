import type { Component, Incident } from '../../api/types'
import { componentStatusLooks, humanise, impactLabels, incidentStatusLooks } from '../../ui/labels'
import { StatusBadge } from '../../ui/status-badge'
import { TimeText } from '../../ui/time-text'
import { severityName, useSeverityScale } from './use-severity-scale'

/** Where the incident stands, at a glance. */
export function IncidentFacts({ incident, components }: { incident: Incident; components: Component[] }) {
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

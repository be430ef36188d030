import { Link } from '../../routing/router'
import { useCan } from '../../session/session-context'
import { activePublicStatuses } from '../../ui/incident-transitions'
import { Loading } from '../../ui/loading'
import { CadenceClock } from './cadence-clock'
import { ContactTasksPanel } from './contact-tasks-panel'
import { IncidentAlerts } from './incident-alerts'
import { IncidentFacts } from './incident-facts'
import { IncidentTimeline } from './incident-timeline'
import { IncidentUpdates } from './incident-updates'
import { LifecycleForm } from './lifecycle-form'
import { MessageComposer } from './message-composer'
import { PlaybookPanel } from './playbook-panel'
import { RolesPanel } from './roles-panel'
import { ScopeChecklistPanel } from './scope-checklist-panel'
import { TriagePanel } from './triage-panel'
import { useIncidentRoom } from './use-incident-room'

/**
 * The incident room: one screen for the whole process, live (server-sent events, nobody reloads).
 * Left: what to do now (triage, the composer, checklist, roles, playbook). Right: what happened.
 */
export function IncidentRoomScreen({ id }: { id: string }) {
  const { incident, process, timeline, alerts, components, contactTasks, reload } = useIncidentRoom(id)
  const can = useCan()
  const canPublish = can('incident.publish')

  return (
    <section aria-labelledby="incident-title">
      <p>
        <Link to="/">← All incidents</Link> · <Link to={`/incidents/${id}/postmortem`}>Postmortem</Link> ·{' '}
        <Link to={`/incidents/${id}/scorecard`}>Scorecard</Link>
      </p>
      <Loading data={incident.data} problem={incident.problem}>
        {(i) => (
          <>
            <h1 id="incident-title" tabIndex={-1}>
              {i.title}
              {i.is_drill && <span className="tag">Drill</span>}
            </h1>
            <IncidentFacts incident={i} components={components.data ?? []} />
            <Loading data={process.data} problem={process.problem}>
              {(p) => (
                <div className="columns room-columns">
                  <div>
                    {p.status === 'triage' && <TriagePanel process={p} onChanged={reload} />}
                    {canPublish && activePublicStatuses.includes(p.status) && <CadenceClock cadence={p.cadence} />}
                    {canPublish && (
                      <MessageComposer
                        key={`${i.status}-${p.acknowledged_at ?? ''}`}
                        incident={i}
                        process={p}
                        components={components.data ?? []}
                        onPublished={reload}
                      />
                    )}
                    <ContactTasksPanel tasks={contactTasks.data?.tasks ?? []} isDrill={i.is_drill} onChanged={reload} />
                    <ScopeChecklistPanel process={p} onChanged={reload} />
                    <RolesPanel process={p} onChanged={reload} />
                    <PlaybookPanel process={p} onChanged={reload} />
                    <LifecycleForm incident={i} onMoved={reload} />
                  </div>
                  <div>
                    <IncidentAlerts alerts={alerts.data ?? []} />
                    <IncidentUpdates updates={i.updates} />
                    <Loading data={timeline.data} problem={timeline.problem}>
                      {(t) => <IncidentTimeline entries={t.entries} />}
                    </Loading>
                  </div>
                </div>
              )}
            </Loading>
          </>
        )}
      </Loading>
    </section>
  )
}

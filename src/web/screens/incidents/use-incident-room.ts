import { useCallback } from 'react'
import type { ContactTask } from '../../api/key-customer-types'
import type { Alert, Component, Incident, ProcessState, TimelineEntry } from '../../api/types'
import { useApi } from '../../ui/use-api'
import { useLiveChanges } from '../../ui/use-live-changes'

/** Everything the room shows about one incident, fetched again on every live change. */
export function useIncidentRoom(id: string) {
  const incident = useApi<Incident>(`/api/incidents/${id}`)
  const process = useApi<ProcessState>(`/api/incidents/${id}/process`)
  const timeline = useApi<{ entries: TimelineEntry[] }>(`/api/incidents/${id}/timeline`)
  const alerts = useApi<Alert[]>(`/api/incidents/${id}/alerts`)
  const components = useApi<Component[]>('/api/components')
  const contactTasks = useApi<{ tasks: ContactTask[] }>(`/api/incidents/${id}/contact-tasks`)
  const { reload: reloadIncident } = incident
  const { reload: reloadProcess } = process
  const { reload: reloadTimeline } = timeline
  const { reload: reloadAlerts } = alerts
  const { reload: reloadComponents } = components
  const { reload: reloadContactTasks } = contactTasks
  const reload = useCallback(() => {
    reloadIncident()
    reloadProcess()
    reloadTimeline()
    reloadAlerts()
    reloadComponents()
    reloadContactTasks()
  }, [reloadIncident, reloadProcess, reloadTimeline, reloadAlerts, reloadComponents, reloadContactTasks])
  useLiveChanges(`/api/incidents/${encodeURIComponent(id)}/events`, reload)
  return { incident, process, timeline, alerts, components, contactTasks, reload }
}

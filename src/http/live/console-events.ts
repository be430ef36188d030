import type { AppEvents } from '../../app/context.js'
import { LiveHub } from '../status-page/live-hub.js'

export const incidentStreamKey = (orgId: string, incidentId: string) => `incident:${orgId}:${incidentId}`
export const orgStreamKey = (orgId: string) => `org:${orgId}`

/** What every console stream receives: `event: changed`, data `{ incident_id, kind, … }`. */
export interface ConsoleChange {
  incident_id: string | null
  kind: string
  alert_ids?: string[]
}

export interface ConsoleEvents {
  hub: LiveHub
  stop(): void
}

/**
 * The console's live streams, fed from the change events use cases emit after commit (so no
 * transaction is ever held while a stream is written): one stream per incident, one per
 * organisation. The console refetches what it shows when told something changed.
 */
export function createConsoleEvents(events: AppEvents, heartbeatMs = 15_000): ConsoleEvents {
  const hub = new LiveHub(heartbeatMs)
  const onIncident = ({ orgId, incidentId, kind }: { orgId: string; incidentId: string; kind?: string }) => {
    const change: ConsoleChange = { incident_id: incidentId, kind: kind ?? 'changed' }
    hub.send(incidentStreamKey(orgId, incidentId), 'changed', change)
    hub.send(orgStreamKey(orgId), 'changed', change)
  }
  const onAlert = ({ orgId, alertIds, kind }: { orgId: string; alertIds: string[]; kind: string }) => {
    const change: ConsoleChange = { incident_id: null, kind: `alert_${kind}`, alert_ids: alertIds }
    hub.send(orgStreamKey(orgId), 'changed', change)
  }
  events.on('incident.changed', onIncident)
  events.on('alert.changed', onAlert)
  return {
    hub,
    stop() {
      events.off('incident.changed', onIncident)
      events.off('alert.changed', onAlert)
      hub.closeAll()
    },
  }
}

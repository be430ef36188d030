import type { Feature } from '../../features.js'
import { processTimersJob } from '../../jobs/process-timers-job.js'
import { createProcessOutboxSender } from '../../delivery/process-outbox-sender.js'
import { followIncidentUpdates } from './follow-incident-updates.js'

/** The incident process: follows updates posted through the incidents API, runs its timers, and sends its notices. */
export const processFeature: Feature = {
  name: 'incident-process',
  setup(deps) {
    deps.hooks.incidentUpdatePublished.push(followIncidentUpdates(deps))
  },
  services(deps, config) {
    return [processTimersJob(deps, { clock: deps.clock }), createProcessOutboxSender(deps, config)]
  },
}

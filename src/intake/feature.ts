import type { Feature } from '../features.js'
import { firingForTimersJob } from '../jobs/firing-for-timers.js'
import { smtpIntakeService } from './email/smtp-intake-service.js'

/** Alert intake's background part: the firing-for timers; the SMTP listener only when INBOUND_SMTP_PORT is set. */
export const intakeFeature: Feature = {
  name: 'alert-intake',
  services(deps, config) {
    return [
      firingForTimersJob(deps, { clock: deps.clock }),
      ...(config.inboundSmtpPort === undefined
        ? []
        : [smtpIntakeService(deps, { port: config.inboundSmtpPort, host: config.host })]),
    ]
  },
}

import type { Feature } from '../features.js'
import { smtpIntakeService } from './email/smtp-intake-service.js'

/** Alert intake's background part: the SMTP listener, only when INBOUND_SMTP_PORT is set. */
export const intakeFeature: Feature = {
  name: 'alert-intake',
  services(deps, config) {
    return config.inboundSmtpPort === undefined
      ? []
      : [smtpIntakeService(deps, { port: config.inboundSmtpPort, host: config.host })]
  },
}

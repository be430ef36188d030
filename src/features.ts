import type { Config } from './config.js'
import { accountsFeature } from './http/accounts/feature.js'
import { deliveryFeature } from './delivery/feature.js'
import type { HttpDeps } from './http/http-deps.js'
import { oncallFeature } from './app/oncall/feature.js'
import { processFeature } from './app/process/feature.js'
import { statusPageFeature } from './http/status-page/feature.js'
import { intakeFeature } from './intake/feature.js'

/** A long-running part (outbox worker, timers, SMTP listener) that starts after the database and stops before it. */
export interface BackgroundService {
  name: string
  start(): Promise<void>
  stop(): Promise<void>
}

/**
 * How a feature plugs into the running product without editing the wiring: `setup` adds
 * hooks, authenticators or event listeners to deps; `services` are started by `npm start`
 * (tests start them explicitly when they need them).
 */
export interface Feature {
  name: string
  setup?(deps: HttpDeps, config: Config): void | Promise<void>
  services?(deps: HttpDeps, config: Config): BackgroundService[]
}

/** Each feature adds one line. */
export const features: Feature[] = [
  accountsFeature,
  statusPageFeature,
  processFeature,
  oncallFeature,
  intakeFeature,
  deliveryFeature,
]

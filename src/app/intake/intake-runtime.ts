import type { RoutingRule } from '../../domain/alert/routing-rule.js'
import type { IntakeIntegration } from './find-integration.js'
import type { IngestedAlert, IngestRequest } from './record-batch.js'

export interface PendingRequest {
  integration: IntakeIntegration
  request: IngestRequest
  resolve(results: IngestedAlert[]): void
  reject(error: unknown): void
}

export interface OrgQueue {
  waiting: PendingRequest[]
  inFlight: number
  /** A start is scheduled for after this turn's requests have been read (embedded engine). */
  starting: boolean
}

/**
 * What intake keeps in this process between requests: short caches of integration keys and
 * routing rules, and the per-organisation batch queues. One per running app, made by the wiring.
 */
export interface IntakeRuntime {
  integrations: Map<string, { integration: IntakeIntegration | null; until: number }>
  rules: Map<string, { rules: RoutingRule[]; until: number }>
  queues: Map<string, OrgQueue>
}

export function createIntakeRuntime(): IntakeRuntime {
  return { integrations: new Map(), rules: new Map(), queues: new Map() }
}

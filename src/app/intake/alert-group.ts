import { createHash } from 'node:crypto'
import { thresholdGroupKey } from '../../domain/alert/alert-threshold.js'
import type { IncidentRequest } from '../../domain/alert/route-alert.js'
import type { AlertStateRow } from '../../store/alerts-store.js'

type Grouped = Pick<AlertStateRow, 'integration_id' | 'details' | 'labels'>

/**
 * The group the alert's source put it in: Alertmanager's groupKey, per integration (two
 * Alertmanagers may use the same key), hashed to a fixed length for the indexes; null for others.
 */
export function sourceGroupKey(alert: Grouped, kind: string): string | null {
  const groupKey = alert.details.groupKey
  if (kind !== 'alertmanager' || typeof groupKey !== 'string' || groupKey === '') return null
  return `am:${createHash('sha256').update(`${alert.integration_id}\n${groupKey}`).digest('hex').slice(0, 32)}`
}

/**
 * Which of a rule's open incidents an alert belongs to: with a threshold, its threshold group;
 * else its source's group, so two Alertmanager groups get two incidents; else the rule's one group.
 */
export function incidentGroupKey(request: Pick<IncidentRequest, 'threshold'>, alert: Grouped, kind: string): string {
  if (request.threshold) return thresholdGroupKey(request.threshold, alert.labels)
  return sourceGroupKey(alert, kind) ?? '*'
}

import type { IntakeKind } from '../../domain/alert/alert-event.js'
import type { AlertSeverity } from '../../domain/alert/alert-severity.js'
import type { RoutableAlert } from '../../domain/alert/routing-rule.js'
import type { AlertStateRow } from '../../store/alerts-store.js'

export function routableFrom(
  row: Pick<AlertStateRow, 'summary' | 'severity' | 'source' | 'dedup_key' | 'integration_id' | 'labels'>,
  kind: string,
): RoutableAlert {
  return {
    summary: row.summary,
    severity: row.severity as AlertSeverity,
    source: row.source,
    dedupKey: row.dedup_key,
    kind: kind as IntakeKind,
    integrationId: row.integration_id,
    labels: row.labels,
  }
}

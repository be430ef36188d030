/**
 * Alert severities are PagerDuty's four (Events v2 `payload.severity`), the vocabulary
 * most monitoring tools already map to. Incident severity is a separate, configurable scale.
 */
export const alertSeverities = ['info', 'warning', 'error', 'critical'] as const
export type AlertSeverity = (typeof alertSeverities)[number]

const rank: Record<AlertSeverity, number> = { info: 0, warning: 1, error: 2, critical: 3 }

export function isAlertSeverity(value: unknown): value is AlertSeverity {
  return typeof value === 'string' && (alertSeverities as readonly string[]).includes(value)
}

export function compareAlertSeverity(a: AlertSeverity, b: AlertSeverity): number {
  return rank[a] - rank[b]
}

export function isAtLeast(severity: AlertSeverity, minimum: AlertSeverity): boolean {
  return rank[severity] >= rank[minimum]
}

// Words other tools put in a `severity` label (Zabbix, Nagios, syslog, P1–P5 schemes).
const aliases = new Map<string, AlertSeverity>(
  Object.entries({
    critical: 'critical',
    crit: 'critical',
    fatal: 'critical',
    emergency: 'critical',
    emerg: 'critical',
    alert: 'critical',
    disaster: 'critical',
    page: 'critical',
    p1: 'critical',
    sev1: 'critical',
    error: 'error',
    err: 'error',
    high: 'error',
    major: 'error',
    p2: 'error',
    sev2: 'error',
    warning: 'warning',
    warn: 'warning',
    average: 'warning',
    medium: 'warning',
    moderate: 'warning',
    minor: 'warning',
    p3: 'warning',
    sev3: 'warning',
    info: 'info',
    information: 'info',
    informational: 'info',
    notice: 'info',
    low: 'info',
    debug: 'info',
    none: 'info',
    ok: 'info',
    p4: 'info',
    p5: 'info',
    sev4: 'info',
    sev5: 'info',
  } satisfies Record<string, AlertSeverity>),
)

/** Reads a severity word from another tool; undefined when it is not one we know. */
export function parseAlertSeverity(value: unknown): AlertSeverity | undefined {
  if (typeof value !== 'string') return undefined
  return aliases.get(value.trim().toLowerCase())
}

/**
 * Default incident severity level (1 = negligible … 5 = severe) suggested for an incident an
 * alert opens. One alert cannot know the damage is "severe" for many customers, so critical
 * suggests level 4; a routing rule may say otherwise.
 */
export function suggestedIncidentSeverity(severity: AlertSeverity): number {
  return { info: 1, warning: 2, error: 3, critical: 4 }[severity]
}

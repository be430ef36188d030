/**
 * "Open an incident when ≥ N alerts (for service X) fire within M minutes". Alerts are
 * counted by dedup key, so one alert re-firing every few minutes counts once. With
 * `groupByLabel`, only alerts sharing the triggering alert's value of that label count.
 */
export interface AlertThreshold {
  minAlerts: number
  windowMinutes: number
  groupByLabel?: string
}

/** A trigger seen recently: the app passes those that matched the rule's conditions. */
export interface ThresholdSample {
  dedupKey: string
  at: Date
  labels: Readonly<Record<string, string>>
}

export interface ThresholdResult {
  isReached: boolean
  /** Distinct alerts counted, the triggering one included. */
  count: number
  windowStartAt: Date
  /** Identifies the group, so one incident collects every alert of the same group. */
  groupKey: string
}

export function thresholdProblems(t: AlertThreshold): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = []
  if (!Number.isInteger(t.minAlerts) || t.minAlerts < 1 || t.minAlerts > 10_000)
    problems.push({ path: 'minAlerts', message: 'must be a whole number from 1 to 10000' })
  if (!Number.isInteger(t.windowMinutes) || t.windowMinutes < 1 || t.windowMinutes > 7 * 24 * 60) {
    problems.push({ path: 'windowMinutes', message: 'must be a whole number of minutes from 1 to 10080' })
  }
  if (t.groupByLabel !== undefined && t.groupByLabel.trim() === '')
    problems.push({ path: 'groupByLabel', message: 'names a label, or is left out' })
  return problems
}

export function thresholdGroupKey(t: AlertThreshold, labels: Readonly<Record<string, string>>): string {
  if (t.groupByLabel === undefined) return '*'
  const value = Object.hasOwn(labels, t.groupByLabel) ? labels[t.groupByLabel] : ''
  return `${t.groupByLabel}=${value ?? ''}`
}

/** The window is (now − M minutes, now]: an alert exactly M minutes old has left it. */
export function evaluateThreshold(
  t: AlertThreshold,
  trigger: ThresholdSample,
  recent: readonly ThresholdSample[],
  now: Date,
): ThresholdResult {
  const windowStartAt = new Date(now.getTime() - t.windowMinutes * 60_000)
  const groupKey = thresholdGroupKey(t, trigger.labels)
  const keys = new Set<string>()
  for (const sample of [trigger, ...recent]) {
    const at = sample.at.getTime()
    if (at <= windowStartAt.getTime() || at > now.getTime()) continue
    if (thresholdGroupKey(t, sample.labels) !== groupKey) continue
    keys.add(sample.dedupKey)
  }
  return { isReached: keys.size >= t.minAlerts, count: keys.size, windowStartAt, groupKey }
}

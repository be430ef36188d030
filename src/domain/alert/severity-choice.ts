import { suggestedIncidentSeverity, type AlertSeverity } from './alert-severity.js'

/**
 * The incident severity a rule gives: a fixed level, or one read from a label of the alert
 * (`map` turns the label's value into a level; any other value, or no label, takes `default`).
 */
export type SeverityChoice = number | SeverityFromLabel

export interface SeverityFromLabel {
  from_label: string
  map: Readonly<Record<string, number>>
  default: number
}

export const MAX_SEVERITY_MAP_ENTRIES = 100

type Problem = { path: string; message: string }

/**
 * No choice: the level suggested by the alert's own severity. A missing label reads as ""
 * (as in conditions), so `map: { "": 2 }` covers it; only own keys of the map count.
 */
export function chooseSeverity(
  choice: SeverityChoice | undefined,
  alert: { severity: AlertSeverity; labels: Readonly<Record<string, string>> },
): number {
  if (choice === undefined) return suggestedIncidentSeverity(alert.severity)
  if (typeof choice === 'number') return choice
  const value = Object.hasOwn(alert.labels, choice.from_label) ? (alert.labels[choice.from_label] ?? '') : ''
  return Object.hasOwn(choice.map, value) ? choice.map[value]! : choice.default
}

/** Paths are relative to the choice: "" for a fixed level, else from_label, map.<value>, default. */
export function severityChoiceProblems(choice: SeverityChoice, levels: readonly number[]): Problem[] {
  const outOfScale = `must be one of the severity levels ${levels.join(', ')}`
  if (typeof choice === 'number') return levels.includes(choice) ? [] : [{ path: '', message: outOfScale }]
  const problems: Problem[] = []
  if (choice.from_label.trim() === '') problems.push({ path: 'from_label', message: 'names the label to read' })
  const entries = Object.entries(choice.map)
  if (entries.length > MAX_SEVERITY_MAP_ENTRIES)
    problems.push({ path: 'map', message: `at most ${MAX_SEVERITY_MAP_ENTRIES} label values` })
  for (const [value, level] of entries)
    if (!levels.includes(level)) problems.push({ path: `map.${value}`, message: outOfScale })
  if (!levels.includes(choice.default)) problems.push({ path: 'default', message: outOfScale })
  return problems
}

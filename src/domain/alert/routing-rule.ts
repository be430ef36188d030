import type { IntakeKind } from './alert-event.js'
import { isAlertSeverity, type AlertSeverity } from './alert-severity.js'
import { openIncidentActionProblems, type IncidentChoices, type OpenIncidentAction } from './open-incident-action.js'

/**
 * A field of an alert a condition reads: `summary`, `severity`, `source`, `dedup_key`,
 * `kind`, `integration` (its id) or `labels.<name>`. A missing label reads as "" (as in Alertmanager).
 */
export type RuleField = string

export type RuleCondition =
  | { field: RuleField; op: 'equals' | 'not_equals'; value: string }
  /** Anchored like Alertmanager's `=~`: the whole value must match. */
  | { field: RuleField; op: 'matches' | 'not_matches'; pattern: string }
  | { field: 'severity'; op: 'severity_at_least'; value: AlertSeverity }

export type RoutingAction =
  | { type: 'ignore' }
  | { type: 'record' }
  | { type: 'page'; escalationPolicyId: string }
  | OpenIncidentAction

export interface RoutingRule {
  id: string
  name: string
  /** Rules are tried in ascending position; the first match decides unless it says continue. */
  position: number
  isEnabled: boolean
  /** All must hold; an empty list matches every alert. */
  conditions: readonly RuleCondition[]
  actions: readonly RoutingAction[]
  /** Like Alertmanager's `continue`: later rules may add their actions too. */
  continueMatching: boolean
}

/** What a rule can look at: the alert's fields plus which integration brought it. */
export interface RoutableAlert {
  summary: string
  severity: AlertSeverity
  source: string
  dedupKey: string
  kind: IntakeKind
  integrationId: string
  labels: Readonly<Record<string, string>>
}

const plainFields = ['summary', 'severity', 'source', 'dedup_key', 'kind', 'integration'] as const
export const MAX_PATTERN_LENGTH = 500
export const MAX_CONDITIONS = 20

export function isRuleField(field: string): boolean {
  return (plainFields as readonly string[]).includes(field) || /^labels\.[^\s]{1,200}$/.test(field)
}

/** Own labels only: "constructor" is a label name, not Object.prototype's. */
export function labelValue(labels: Readonly<Record<string, string>>, name: string): string {
  return Object.hasOwn(labels, name) ? (labels[name] ?? '') : ''
}

export function readField(alert: RoutableAlert, field: RuleField): string {
  if (field.startsWith('labels.')) return labelValue(alert.labels, field.slice('labels.'.length))
  switch (field) {
    case 'summary':
      return alert.summary
    case 'severity':
      return alert.severity
    case 'source':
      return alert.source
    case 'dedup_key':
      return alert.dedupKey
    case 'kind':
      return alert.kind
    case 'integration':
      return alert.integrationId
    default:
      return ''
  }
}

const quantifierAt = (p: string, i: number) =>
  p[i] === '*' || p[i] === '+' || (p[i] === '{' && /^\{\d+(,\d*)?\}/.test(p.slice(i)))

/**
 * JavaScript's regex engine backtracks: a repeated group that holds a quantifier or an
 * alternation ("(a+)+", "(a|a)*") can run for minutes on a crafted label, so such patterns,
 * and backreferences, are refused rather than risked.
 */
export function isRiskyPattern(p: string): boolean {
  const groups: boolean[] = []
  let inClass = false
  for (let i = 0; i < p.length; i++) {
    const c = p[i]
    if (c === '\\') {
      if (/[1-9k]/.test(p[i + 1] ?? '')) return true
      i++
    } else if (inClass) {
      if (c === ']') inClass = false
    } else if (c === '[') {
      inClass = true
    } else if (c === '(') {
      groups.push(false)
    } else if (c === ')') {
      const isComplex = groups.pop() ?? false
      if (isComplex && quantifierAt(p, i + 1)) return true
      if (isComplex && groups.length > 0) groups[groups.length - 1] = true
    } else if ((c === '|' || quantifierAt(p, i)) && groups.length > 0) {
      groups[groups.length - 1] = true
    }
  }
  return false
}

// Rules are evaluated for every alert; compiling each pattern once keeps intake fast.
const compiled = new Map<string, RegExp | undefined>()

/** Compiles a condition's pattern anchored; undefined when it is invalid or risky. */
export function compilePattern(pattern: string): RegExp | undefined {
  if (compiled.has(pattern)) return compiled.get(pattern)
  let regex: RegExp | undefined
  if (pattern.length <= MAX_PATTERN_LENGTH && !isRiskyPattern(pattern)) {
    try {
      regex = new RegExp(`^(?:${pattern})$`)
    } catch {
      regex = undefined
    }
  }
  if (compiled.size >= 1000) compiled.clear()
  compiled.set(pattern, regex)
  return regex
}

export function routingRuleProblems(
  rule: Pick<RoutingRule, 'conditions' | 'actions'>,
  known: IncidentChoices,
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = []
  if (rule.conditions.length > MAX_CONDITIONS)
    problems.push({ path: 'conditions', message: `at most ${MAX_CONDITIONS} conditions` })
  rule.conditions.forEach((c, i) => {
    if (!isRuleField(c.field))
      problems.push({
        path: `conditions.${i}.field`,
        message: `unknown field "${c.field}": use ${plainFields.join(', ')} or labels.<name>`,
      })
    if (c.op === 'severity_at_least' && (c.field !== 'severity' || !isAlertSeverity(c.value))) {
      problems.push({
        path: `conditions.${i}`,
        message: 'severity_at_least needs field "severity" and one of info, warning, error, critical',
      })
    }
    if (
      (c.op === 'matches' || c.op === 'not_matches') &&
      (c.pattern.length > MAX_PATTERN_LENGTH || !compilePattern(c.pattern))
    ) {
      problems.push({
        path: `conditions.${i}.pattern`,
        message:
          `must be a valid regular expression of at most ${MAX_PATTERN_LENGTH} ` +
          `characters, without repeated groups holding a quantifier or | and without backreferences`,
      })
    }
  })
  if (rule.actions.length === 0) problems.push({ path: 'actions', message: 'a rule needs at least one action' })
  const types = rule.actions.map((a) => a.type)
  if (types.includes('ignore') && types.length > 1)
    problems.push({ path: 'actions', message: 'ignore cannot be combined with other actions' })
  if (types.filter((t) => t === 'open_incident').length > 1)
    problems.push({ path: 'actions', message: 'at most one open_incident action per rule' })
  rule.actions.forEach((a, i) => {
    if (a.type === 'page' && a.escalationPolicyId.trim() === '')
      problems.push({ path: `actions.${i}.escalationPolicyId`, message: 'names the escalation policy to page' })
    if (a.type === 'open_incident') {
      for (const p of openIncidentActionProblems(a, known))
        problems.push({ path: `actions.${i}.${p.path}`, message: p.message })
    }
  })
  return problems
}

/**
 * Internal stakeholders from the Zendesk seed: situational teams, customer-facing teams and
 * key partners. Who hears of an incident depends on its type and severity; the support team
 * always does, so it can answer customers with the same facts.
 */
export const stakeholderGroups = [
  'support',
  'management',
  'hr',
  'facilities',
  'engineering',
  'operations',
  'it_security',
  'legal',
  'marketing',
  'pr',
  'sales',
  'customer_success',
  'key_partners',
] as const
export type StakeholderGroup = (typeof stakeholderGroups)[number]

export const stakeholderEvents = ['declared', 'stood_down', 'severity_changed', 'resolved'] as const
export type StakeholderEvent = (typeof stakeholderEvents)[number]

export interface StakeholderRule {
  /** A crisis type key, or '*' for every type. */
  crisisType: string
  minSeverity: number
  groups: readonly StakeholderGroup[]
  /** Events the rule applies to; all of them when absent. */
  on?: readonly StakeholderEvent[]
}

const rule = (crisisType: string, minSeverity: number, ...groups: StakeholderGroup[]): StakeholderRule => ({
  crisisType,
  minSeverity,
  groups,
})

export const defaultStakeholderRules: readonly StakeholderRule[] = [
  rule('*', 1, 'support'),
  rule('*', 3, 'sales', 'customer_success', 'marketing'),
  rule('*', 4, 'management', 'key_partners'),
  rule('service_outage', 1, 'engineering', 'operations'),
  rule('service_outage', 5, 'pr'),
  rule('security_incident', 1, 'it_security', 'engineering', 'legal'),
  rule('security_incident', 3, 'management', 'pr'),
  rule('physical_emergency', 1, 'facilities', 'hr', 'management', 'operations'),
  rule('legal', 1, 'legal', 'management'),
  rule('legal', 3, 'pr'),
  rule('pr', 1, 'pr', 'marketing', 'management'),
  rule('pr', 4, 'legal'),
]

export interface StakeholderQuery {
  crisisType: string
  severity: number
  event: StakeholderEvent
  /** For a severity change: the level before, so groups told of the old level hear of the change too. */
  previousSeverity?: number
}

/** Groups to notify, in the canonical order, without duplicates. */
export function groupsToNotify(rules: readonly StakeholderRule[], query: StakeholderQuery): StakeholderGroup[] {
  const levels = query.previousSeverity === undefined ? [query.severity] : [query.severity, query.previousSeverity]
  const wanted = new Set<StakeholderGroup>()
  for (const r of rules) {
    if (r.crisisType !== '*' && r.crisisType !== query.crisisType) continue
    if (r.on !== undefined && !r.on.includes(query.event)) continue
    if (!levels.some((level) => level >= r.minSeverity)) continue
    for (const g of r.groups) wanted.add(g)
  }
  return stakeholderGroups.filter((g) => wanted.has(g))
}

export function isStakeholderGroup(value: unknown): value is StakeholderGroup {
  return typeof value === 'string' && (stakeholderGroups as readonly string[]).includes(value)
}

import type { Impact } from '../incident/impact.js'
import type { ComponentStatus } from './component-status.js'

/**
 * The page-level indicator as Atlassian Statuspage derives it: the worst of what the
 * components say and what the unresolved incidents claim as impact. An active
 * maintenance shows `maintenance` only when nothing is actually broken.
 */
export const indicators = ['none', 'maintenance', 'minor', 'major', 'critical'] as const
export type Indicator = (typeof indicators)[number]

const indicatorRank: Record<Indicator, number> = { none: 0, maintenance: 1, minor: 2, major: 3, critical: 4 }

const fromComponent: Record<ComponentStatus, Indicator> = {
  operational: 'none',
  under_maintenance: 'maintenance',
  degraded_performance: 'minor',
  partial_outage: 'major',
  major_outage: 'critical',
}

export const indicatorDescriptions: Record<Indicator, string> = {
  none: 'All Systems Operational',
  maintenance: 'Service Under Maintenance',
  minor: 'Minor Service Outage',
  major: 'Partial System Outage',
  critical: 'Major System Outage',
}

export interface IndicatorInput {
  componentStatuses: Iterable<ComponentStatus>
  /** Impacts of incidents that are open (not resolved) and public. */
  openIncidentImpacts: Iterable<Impact>
  hasActiveMaintenance: boolean
}

export function pageIndicator(input: IndicatorInput): Indicator {
  let worst: Indicator = input.hasActiveMaintenance ? 'maintenance' : 'none'
  const consider = (candidate: Indicator) => {
    if (indicatorRank[candidate] > indicatorRank[worst]) worst = candidate
  }
  for (const status of input.componentStatuses) consider(fromComponent[status])
  for (const impact of input.openIncidentImpacts) consider(impact)
  return worst
}

export function compareIndicator(a: Indicator, b: Indicator): number {
  return indicatorRank[a] - indicatorRank[b]
}

export function indicatorForComponent(status: ComponentStatus): Indicator {
  return fromComponent[status]
}

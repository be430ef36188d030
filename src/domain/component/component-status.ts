export const componentStatuses = [
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
] as const
export type ComponentStatus = (typeof componentStatuses)[number]

export function isComponentStatus(value: unknown): value is ComponentStatus {
  return typeof value === 'string' && (componentStatuses as readonly string[]).includes(value)
}

/** Worst first is what a group shows: a group is as bad as its worst member. */
const componentBadness: Record<ComponentStatus, number> = {
  operational: 0,
  under_maintenance: 1,
  degraded_performance: 2,
  partial_outage: 3,
  major_outage: 4,
}

export function worstComponentStatus(statuses: Iterable<ComponentStatus>): ComponentStatus {
  let worst: ComponentStatus = 'operational'
  for (const status of statuses) if (componentBadness[status] > componentBadness[worst]) worst = status
  return worst
}

export function isDegraded(status: ComponentStatus): boolean {
  return status !== 'operational'
}

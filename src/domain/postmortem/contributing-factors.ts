/**
 * Contributing factors as structured tags, so incidents can be counted "by cause" (the Zendesk
 * seed's breakdown by problem cause, incident type and affected product area). The categories
 * name what failed, never who: blame has no category.
 */
export const factorCategories = [
  'deployment',
  'configuration',
  'capacity',
  'third_party',
  'infrastructure',
  'software_defect',
  'monitoring_gap',
  'process_gap',
  'security',
  'data',
  'external_event',
  'unknown',
] as const
export type FactorCategory = (typeof factorCategories)[number]

export const factorCategoryNames: Record<FactorCategory, string> = {
  deployment: 'Deployment or change',
  configuration: 'Configuration',
  capacity: 'Capacity or load',
  third_party: 'Third-party provider',
  infrastructure: 'Infrastructure (servers, network, power)',
  software_defect: 'Software defect',
  monitoring_gap: 'Monitoring or alerting gap',
  process_gap: 'Process or documentation gap',
  security: 'Security event',
  data: 'Data (corruption, loss, migration)',
  external_event: 'External event (weather, public health, legal)',
  unknown: 'Not known yet',
}

export interface ContributingFactor {
  category: FactorCategory
  /** The product area it touched, e.g. "checkout" (the seed's "About" field). */
  area: string | null
  note: string | null
}

/** One tag per category and area (case-insensitive), in the order first given. */
export function distinctFactors(factors: readonly ContributingFactor[]): ContributingFactor[] {
  const seen = new Set<string>()
  return factors.filter((f) => {
    const key = `${f.category}|${(f.area ?? '').trim().toLowerCase()}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

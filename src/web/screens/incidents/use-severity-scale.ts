import type { SeverityLevel } from '../../api/types'
import { useApi } from '../../ui/use-api'

/**
 * The default scale (src/domain/incident/severity.ts) until the organisation's own arrives: level 1
 * is the least severe.
 */
const defaultScale: SeverityLevel[] = [
  { level: 1, name: 'negligible', description: 'Recordable outage with little or no effect on customers.' },
  { level: 2, name: 'minimal', description: 'Services disrupted with minimal effect on customers.' },
  { level: 3, name: 'significant', description: 'Customer-facing disruption, limited in scope or duration.' },
  {
    level: 4,
    name: 'serious',
    description: 'Disruption of service and operations; financial or reputational harm likely.',
  },
  { level: 5, name: 'severe', description: 'Major, damaging disruption of services for many customers.' },
]

export function useSeverityScale(): SeverityLevel[] {
  const { data } = useApi<{ severityScale?: SeverityLevel[] }>('/api/process/config')
  return data?.severityScale?.length ? data.severityScale : defaultScale
}

/** Screens show the word, never a bare number: tools disagree on whether 1 is the best or the worst. */
export function severityName(scale: SeverityLevel[], level: number): string {
  const name = scale.find((s) => s.level === level)?.name
  return name ? name.charAt(0).toUpperCase() + name.slice(1) : `Unknown severity (${level})`
}

import type { Impact } from './impact.js'

/**
 * Severity levels after the Uptime Institute outage classes: level 1 is the least
 * severe. Screens and messages show the name, never a bare number, because many
 * tools use the reverse ("SEV1 = worst").
 */
export interface SeverityLevel {
  level: number
  name: string
  description: string
  impact: Impact
  /** Default promise to customers: an update at least this often while the incident is open. */
  updateCadenceMinutes: number
}

export const defaultSeverityScale: readonly SeverityLevel[] = [
  {
    level: 1,
    name: 'negligible',
    description: 'Recordable outage with little or no effect on customers.',
    impact: 'none',
    updateCadenceMinutes: 24 * 60,
  },
  {
    level: 2,
    name: 'minimal',
    description: 'Services disrupted with minimal effect on customers.',
    impact: 'minor',
    updateCadenceMinutes: 4 * 60,
  },
  {
    level: 3,
    name: 'significant',
    description: 'Customer-facing disruption, limited in scope or duration.',
    impact: 'major',
    updateCadenceMinutes: 2 * 60,
  },
  {
    level: 4,
    name: 'serious',
    description: 'Disruption of service and operations; financial or reputational harm likely.',
    impact: 'major',
    updateCadenceMinutes: 60,
  },
  {
    level: 5,
    name: 'severe',
    description: 'Major, damaging disruption of services for many customers.',
    impact: 'critical',
    updateCadenceMinutes: 30,
  },
]

export function severityByLevel(scale: readonly SeverityLevel[], level: number): SeverityLevel | undefined {
  return scale.find((s) => s.level === level)
}

export function severityLabel(scale: readonly SeverityLevel[], level: number): string {
  return severityByLevel(scale, level)?.name ?? `unknown severity (${level})`
}

export function validateSeverityScale(scale: readonly SeverityLevel[]): string[] {
  const problems: string[] = []
  if (scale.length === 0) problems.push('a severity scale needs at least one level')
  const levels = scale.map((s) => s.level)
  if (new Set(levels).size !== levels.length) problems.push('severity levels must be unique')
  if (new Set(scale.map((s) => s.name)).size !== scale.length) problems.push('severity names must be unique')
  for (const s of scale) {
    if (!Number.isInteger(s.level) || s.level < 1) problems.push(`level ${s.level} must be a positive integer`)
    if (!(s.updateCadenceMinutes > 0)) problems.push(`level ${s.level} needs a positive update cadence`)
  }
  return problems
}

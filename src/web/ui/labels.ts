import type { ComponentStatus, Impact, IncidentStatus } from '../api/types'

/** Every status is shown as a word and an icon, so it never depends on colour alone. */
export type Tone = 'ok' | 'info' | 'warning' | 'danger' | 'neutral' | 'maintenance'

export interface StatusLook {
  label: string
  tone: Tone
  icon: string
}

export const incidentStatusLooks: Record<IncidentStatus, StatusLook> = {
  triage: { label: 'Triage', tone: 'info', icon: '?' },
  declared: { label: 'Declared', tone: 'warning', icon: '!' },
  stood_down: { label: 'Stood down', tone: 'neutral', icon: '–' },
  investigating: { label: 'Investigating', tone: 'danger', icon: '!' },
  identified: { label: 'Identified', tone: 'warning', icon: '◎' },
  monitoring: { label: 'Monitoring', tone: 'info', icon: '◔' },
  resolved: { label: 'Resolved', tone: 'ok', icon: '✓' },
  postmortem_published: { label: 'Postmortem published', tone: 'ok', icon: '✓' },
  closed: { label: 'Closed', tone: 'neutral', icon: '✓' },
}

export const componentStatusLooks: Record<ComponentStatus, StatusLook> = {
  operational: { label: 'Operational', tone: 'ok', icon: '✓' },
  degraded_performance: { label: 'Degraded performance', tone: 'warning', icon: '▲' },
  partial_outage: { label: 'Partial outage', tone: 'danger', icon: '◐' },
  major_outage: { label: 'Major outage', tone: 'danger', icon: '✕' },
  under_maintenance: { label: 'Under maintenance', tone: 'maintenance', icon: '⚙' },
}

export const componentStatuses = Object.keys(componentStatusLooks) as ComponentStatus[]

/** What a person may post as an update: the public statuses the status page shows. */
export const updateStatuses: IncidentStatus[] = ['investigating', 'identified', 'monitoring', 'resolved']

export const openStatuses = new Set<IncidentStatus>(['triage', 'declared', 'investigating', 'identified', 'monitoring'])

export const impactLabels: Record<Impact, string> = {
  none: 'None',
  minor: 'Minor',
  major: 'Major',
  critical: 'Critical',
}

export const pageStatusLooks: Record<string, StatusLook> = {
  triggered: { label: 'Triggered', tone: 'danger', icon: '!' },
  acknowledged: { label: 'Acknowledged', tone: 'warning', icon: '◎' },
  resolved: { label: 'Resolved', tone: 'ok', icon: '✓' },
}

export const alertStatusLooks: Record<string, StatusLook> = {
  firing: { label: 'Firing', tone: 'danger', icon: '!' },
  acknowledged: { label: 'Acknowledged', tone: 'warning', icon: '◎' },
  resolved: { label: 'Resolved', tone: 'ok', icon: '✓' },
}

/** `service_outage` → `Service outage`, for values the console has no word of its own for. */
export function humanise(value: string): string {
  const words = value.replaceAll('_', ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export function lookOf(looks: Record<string, StatusLook>, value: string): StatusLook {
  return looks[value] ?? { label: humanise(value), tone: 'neutral', icon: '•' }
}

export const scorecardStatusLooks: Record<string, StatusLook> = {
  met: { label: 'Met', tone: 'ok', icon: '✓' },
  missed: { label: 'Missed', tone: 'danger', icon: '✕' },
  open: { label: 'Open', tone: 'info', icon: '…' },
  not_applicable: { label: 'Not applicable', tone: 'neutral', icon: '–' },
}

export const actionItemStateLooks: Record<string, StatusLook> = {
  open: { label: 'Open', tone: 'info', icon: '○' },
  done: { label: 'Done', tone: 'ok', icon: '✓' },
  cancelled: { label: 'Cancelled', tone: 'neutral', icon: '–' },
}

import type { ComponentStatus } from '../component/component-status.js'
import { worstImpact, type Impact } from './impact.js'

/** The impact a component status stands for (the same steps as the page indicator's). */
const impactOfStatus: Record<ComponentStatus, Impact> = {
  operational: 'none',
  under_maintenance: 'none',
  degraded_performance: 'minor',
  partial_outage: 'major',
  major_outage: 'critical',
}

export interface ImpactEvidence {
  /** The impact a communicator chose (Statuspage's impact_override); null to follow the components. */
  chosen: Impact | null
  isOpen: boolean
  /** The statuses of the incident's components now. */
  currentStatuses: Iterable<ComponentStatus>
  /** Every status the incident's updates set on its components. */
  recordedStatuses: Iterable<ComponentStatus>
}

/**
 * The impact customers see: the communicator's choice, else what the components say — as they
 * are now while the incident is open (the banner never outruns them), at their worst once it is
 * over (history keeps the outage). Severity is internal (cadence, stakeholders) and never sets it.
 */
export function shownImpact(evidence: ImpactEvidence): Impact {
  if (evidence.chosen) return evidence.chosen
  const statuses = evidence.isOpen ? evidence.currentStatuses : evidence.recordedStatuses
  return worstImpact([...statuses].map((s) => impactOfStatus[s]))
}

import { defaultCadencePolicy, type CadencePolicy } from '../cadence/cadence.js'
import { defaultSeverityScale, validateSeverityScale, type SeverityLevel } from '../incident/severity.js'
import { defaultTakeoverPolicy, type TakeoverPolicy } from './backup-takeover.js'
import { defaultCrisisTypes, validateCrisisType, type CrisisType } from './crisis-types.js'
import { defaultPlaybooks } from './default-playbooks.js'
import { defaultFreezePolicy, type FreezePolicy } from './marketing-freeze.js'
import { validatePlaybook, type Playbook } from './playbook.js'
import {
  defaultPostmortemPolicy,
  validatePostmortemPolicy,
  type PostmortemPolicy,
} from '../postmortem/postmortem-policy.js'
import { defaultStakeholderRules, type StakeholderRule } from './stakeholders.js'
import { defaultTriagePolicy, validateTriagePolicy, type TriagePolicy } from './triage-timebox.js'

/** Everything an organisation configures about its crisis process, with the seeds' defaults. */
export interface ProcessPolicy {
  severityScale: readonly SeverityLevel[]
  crisisTypes: readonly CrisisType[]
  playbooks: readonly Playbook[]
  stakeholderRules: readonly StakeholderRule[]
  triage: TriagePolicy
  takeover: TakeoverPolicy
  cadence: CadencePolicy
  freeze: FreezePolicy
  /** When a postmortem is owed after the resolution, and below which severity it may be skipped. */
  postmortem: PostmortemPolicy
}

export const defaultProcessPolicy: ProcessPolicy = {
  severityScale: defaultSeverityScale,
  crisisTypes: defaultCrisisTypes,
  playbooks: defaultPlaybooks,
  stakeholderRules: defaultStakeholderRules,
  triage: defaultTriagePolicy,
  takeover: defaultTakeoverPolicy,
  cadence: defaultCadencePolicy,
  freeze: defaultFreezePolicy,
  postmortem: defaultPostmortemPolicy,
}

export function validateProcessPolicy(policy: ProcessPolicy): string[] {
  const problems = [
    ...validateSeverityScale(policy.severityScale),
    ...validateTriagePolicy(policy.triage),
    ...validatePostmortemPolicy(policy.postmortem),
  ]
  for (const type of policy.crisisTypes) problems.push(...validateCrisisType(type))
  for (const playbook of policy.playbooks)
    problems.push(...validatePlaybook(playbook).map((p) => `playbook ${playbook.key}: ${p}`))
  if (!(policy.takeover.checkInWithinMinutes > 0)) problems.push('the backup takeover window must be positive')
  if (!(policy.cadence.reminderBeforeMinutes >= 0 && policy.cadence.escalateAfterMinutes >= 0)) {
    problems.push('cadence reminder and escalation offsets must not be negative')
  }
  return problems
}

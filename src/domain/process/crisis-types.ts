/**
 * The kinds of crisis the Zendesk seed names. What they share is that they hit many
 * customers at once and need one public voice; each has its own criteria, confirmed in
 * triage before anything public is said ("be accurate: make sure it meets your criteria").
 */
export interface CrisisCriterion {
  id: string
  text: string
}

export interface CrisisType {
  key: string
  name: string
  description: string
  criteria: readonly CrisisCriterion[]
}

export const defaultCrisisTypeKeys = [
  'service_outage',
  'security_incident',
  'physical_emergency',
  'legal',
  'pr',
] as const

const manyCustomers: CrisisCriterion = {
  id: 'many_customers',
  text: 'Many customers are (or may be) affected at the same time, not a single account.',
}
const needsPublicVoice: CrisisCriterion = {
  id: 'public_communication',
  text: 'Customers need to hear from us publicly, with one voice.',
}

export const defaultCrisisTypes: readonly CrisisType[] = [
  {
    key: 'service_outage',
    name: 'Service outage',
    description: 'Our product or a part of it is down or degraded.',
    criteria: [
      manyCustomers,
      { id: 'beyond_minutes', text: 'The disruption has lasted (or will last) more than a few minutes.' },
      needsPublicVoice,
    ],
  },
  {
    key: 'security_incident',
    name: 'Security incident',
    description: 'An attack, breach or vulnerability that threatens customers or their data.',
    criteria: [
      { id: 'confirmed_threat', text: 'A threat to systems or customer data is confirmed, not only suspected.' },
      manyCustomers,
      needsPublicVoice,
    ],
  },
  {
    key: 'physical_emergency',
    name: 'Physical or public-health emergency',
    description: 'A natural disaster, accident or health emergency affecting people, offices or operations.',
    criteria: [
      { id: 'people_or_operations', text: 'The safety of people or our ability to operate is affected.' },
      manyCustomers,
      needsPublicVoice,
    ],
  },
  {
    key: 'legal',
    name: 'Legal matter',
    description: 'Litigation, a regulator or another legal entanglement that customers will hear about.',
    criteria: [
      { id: 'legal_exposure', text: 'Legal has confirmed the matter is real and may become public.' },
      manyCustomers,
    ],
  },
  {
    key: 'pr',
    name: 'Public-relations crisis',
    description: 'A story or public reaction that damages trust in us.',
    criteria: [
      { id: 'public_attention', text: 'The matter is public or about to be, and is spreading.' },
      { id: 'trust_at_risk', text: 'It puts the trust of many customers at risk.' },
    ],
  },
]

/** An organisation extends or overrides the defaults by key; its own types come after ours. */
export function mergeCrisisTypes(base: readonly CrisisType[], custom: readonly CrisisType[]): CrisisType[] {
  const byKey = new Map(base.map((t) => [t.key, t] as const))
  for (const t of custom) byKey.set(t.key, t)
  return [...byKey.values()]
}

export function crisisTypeByKey(types: readonly CrisisType[], key: string): CrisisType | undefined {
  return types.find((t) => t.key === key)
}

export function validateCrisisType(type: CrisisType): string[] {
  const problems: string[] = []
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(type.key))
    problems.push(`crisis type key "${type.key}" must be lowercase letters, digits and underscores`)
  if (type.name.trim() === '') problems.push(`crisis type ${type.key} needs a name`)
  if (type.criteria.length === 0) problems.push(`crisis type ${type.key} needs at least one criterion`)
  const ids = type.criteria.map((c) => c.id)
  if (new Set(ids).size !== ids.length) problems.push(`criteria of ${type.key} must have unique ids`)
  return problems
}

export interface CriterionConfirmation {
  criterionId: string
  isMet: boolean
}

export interface CriteriaReview {
  met: CrisisCriterion[]
  notMet: CrisisCriterion[]
  unanswered: CrisisCriterion[]
  /** Every criterion answered and met: the team may declare without overriding. */
  isSatisfied: boolean
}

/** The latest answer per criterion counts: the team may change its mind during triage. */
export function reviewCriteria(type: CrisisType, confirmations: readonly CriterionConfirmation[]): CriteriaReview {
  const latest = new Map<string, boolean>()
  for (const c of confirmations) latest.set(c.criterionId, c.isMet)
  const review: CriteriaReview = { met: [], notMet: [], unanswered: [], isSatisfied: false }
  for (const criterion of type.criteria) {
    const answer = latest.get(criterion.id)
    if (answer === undefined) review.unanswered.push(criterion)
    else if (answer) review.met.push(criterion)
    else review.notMet.push(criterion)
  }
  review.isSatisfied = review.unanswered.length === 0 && review.notMet.length === 0
  return review
}

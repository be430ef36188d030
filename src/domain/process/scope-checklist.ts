/**
 * The 8x8 seed's information checklist, answered before the scope-and-impact message:
 * when did it start, how long may it last, who is affected, is there a workaround.
 * "We don't know yet" is an honest answer (the Zendesk seed), so `unknown` counts.
 */
export type Unknown = { kind: 'unknown' }

export type StartAnswer = { kind: 'at'; at: Date } | Unknown
export type DurationAnswer = { kind: 'minutes'; minutes: number } | { kind: 'until'; at: Date } | Unknown
export type AffectedAnswer =
  | { kind: 'all' }
  | { kind: 'some'; regions: string[]; plans: string[]; components: string[]; features: string[] }
  | Unknown
export type WorkaroundAnswer = { kind: 'none' } | { kind: 'described'; text: string } | Unknown

export interface ScopeChecklist {
  startedAt?: StartAnswer
  expectedDuration?: DurationAnswer
  affected?: AffectedAnswer
  workaround?: WorkaroundAnswer
}

export const scopeChecklistItems = ['startedAt', 'expectedDuration', 'affected', 'workaround'] as const
export type ScopeChecklistItem = (typeof scopeChecklistItems)[number]

export const scopeChecklistQuestions: Record<ScopeChecklistItem, string> = {
  startedAt: 'When did it start?',
  expectedDuration: 'How long do we expect it to last?',
  affected: 'Who is affected: all customers, or some regions, plans, components or features?',
  workaround: 'Is there a workaround we can point customers to?',
}

export interface MissingScopeItem {
  item: ScopeChecklistItem
  message: string
}

export function missingScopeItems(checklist: ScopeChecklist): MissingScopeItem[] {
  const missing: MissingScopeItem[] = []
  for (const item of scopeChecklistItems) {
    const problem = answerProblem(item, checklist[item])
    if (problem !== null) missing.push({ item, message: problem })
  }
  return missing
}

export function isScopeChecklistComplete(checklist: ScopeChecklist): boolean {
  return missingScopeItems(checklist).length === 0
}

function answerProblem(item: ScopeChecklistItem, answer: ScopeChecklist[ScopeChecklistItem]): string | null {
  const question = scopeChecklistQuestions[item]
  if (answer === undefined) return `${question} (not answered; "unknown" is an accepted answer)`
  switch (answer.kind) {
    case 'some':
      return [answer.regions, answer.plans, answer.components, answer.features].some((list) =>
        list.some((s) => s.trim() !== ''),
      )
        ? null
        : `${question} (name at least one region, plan, component or feature, or answer "all" or "unknown")`
    case 'described':
      return answer.text.trim() === '' ? `${question} (describe the workaround, or answer "none" or "unknown")` : null
    case 'minutes':
      return Number.isFinite(answer.minutes) && answer.minutes > 0
        ? null
        : `${question} (the duration must be positive)`
    default:
      return null
  }
}

/** One line per answer, for the timeline and the scope message's draft. */
export function describeScopeAnswer(
  item: ScopeChecklistItem,
  answer: NonNullable<ScopeChecklist[ScopeChecklistItem]>,
): string {
  switch (answer.kind) {
    case 'unknown':
      return 'unknown yet'
    case 'at':
      return `started ${answer.at.toISOString()}`
    case 'minutes':
      return `about ${answer.minutes} minutes`
    case 'until':
      return `until about ${answer.at.toISOString()}`
    case 'all':
      return 'all customers'
    case 'some': {
      const parts = [
        ['regions', answer.regions],
        ['plans', answer.plans],
        ['components', answer.components],
        ['features', answer.features],
      ] as const
      return parts
        .filter(([, list]) => list.length > 0)
        .map(([label, list]) => `${label}: ${list.join(', ')}`)
        .join('; ')
    }
    case 'none':
      return item === 'workaround' ? 'no workaround' : 'none'
    case 'described':
      return answer.text
  }
}

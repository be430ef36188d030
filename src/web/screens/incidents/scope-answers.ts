/** The information checklist (src/domain/process/scope-checklist.ts): API item names and their questions. */
export const scopeItems = [
  { item: 'started_at', key: 'startedAt', question: 'When did it start?' },
  { item: 'expected_duration', key: 'expectedDuration', question: 'How long may it last?' },
  { item: 'affected', key: 'affected', question: 'Who is affected?' },
  { item: 'workaround', key: 'workaround', question: 'Is there a workaround?' },
] as const
export type ScopeItem = (typeof scopeItems)[number]['item']

type Answer = { kind: string; at?: string; minutes?: number; text?: string; regions?: string[]; features?: string[] }

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** An answer as a person would say it; undefined when the question is still open. */
export function describeAnswer(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined
  const answer = raw as Answer
  switch (answer.kind) {
    case 'unknown':
      return 'Unknown yet'
    case 'at':
    case 'until':
      return `${answer.kind === 'until' ? 'Until ' : ''}${answer.at ? timeFormat.format(new Date(answer.at)) : ''}`
    case 'minutes':
      return `About ${answer.minutes} minutes`
    case 'all':
      return 'All customers'
    case 'some':
      return `Some customers: ${[...(answer.regions ?? []), ...(answer.features ?? [])].join(', ')}`
    case 'none':
      return 'No workaround'
    case 'described':
      return answer.text
    default:
      return answer.kind
  }
}

/** The body POST /api/incidents/:id/checklist takes for what the person chose and typed. */
export function answerBody(item: ScopeItem, choice: string, value: string): unknown {
  if (choice === 'unknown') return { item, answer: { kind: 'unknown' } }
  switch (item) {
    case 'started_at':
      return { item, answer: { kind: 'at', at: value ? new Date(value).toISOString() : '' } }
    case 'expected_duration':
      return { item, answer: { kind: 'minutes', minutes: Number(value) } }
    case 'affected':
      return choice === 'all'
        ? { item, answer: { kind: 'all' } }
        : { item, answer: { kind: 'some', regions: splitList(value), plans: [], components: [], features: [] } }
    case 'workaround':
      return choice === 'none'
        ? { item, answer: { kind: 'none' } }
        : { item, answer: { kind: 'described', text: value } }
  }
}

const splitList = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)

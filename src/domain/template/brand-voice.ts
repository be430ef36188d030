/** Why a word is flagged: blame-shifting and speculation break the seeds' rules; the rest is the org's taste. */
export const lintKinds = ['blame', 'speculation', 'avoid'] as const
export type LintKind = (typeof lintKinds)[number]

export interface LintRule {
  phrase: string
  kind: LintKind
  /** Shown beside the finding; absent: the kind's default reason. */
  reason?: string
}

/** How the organisation speaks: a sign-off for full messages, words it never uses, what its lint flags. */
export interface BrandVoice {
  signOff: string
  wordsToAvoid: string[]
  /** The blame and speculation list; null: the defaults below. */
  lintRules: LintRule[] | null
}

export const defaultReasons: Record<LintKind, string> = {
  blame: 'Shifts the blame: the seeds say own it ("We\'re sorry; fixing this is on us"), even when a provider failed',
  speculation:
    "Speculates: say what you know, or \"We don't know yet; we'll follow up when we know more\" (the seeds' wording)",
  avoid: "On the organisation's list of words to avoid",
}

const blame = [
  'not our fault',
  'their fault',
  "vendor's fault",
  "provider's fault",
  'blame',
  'blamed',
  'user error',
  'caused by the customer',
  'you should have',
  'beyond our control',
  'outside our control',
  'out of our hands',
  'nothing we could do',
]

const speculation = [
  'probably',
  'maybe',
  'perhaps',
  'possibly',
  'likely',
  'might be',
  'we think',
  'we believe',
  'we guess',
  'we suspect',
  'hopefully',
  'should be fixed',
  'seems to',
  'any minute',
]

export const defaultLintRules: readonly LintRule[] = [
  ...blame.map((phrase) => ({ phrase, kind: 'blame' as const })),
  ...speculation.map((phrase) => ({ phrase, kind: 'speculation' as const })),
]

export const defaultBrandVoice: BrandVoice = { signOff: '', wordsToAvoid: [], lintRules: null }

/** Every rule a draft is checked against: the lint list (or the defaults) and the words to avoid. */
export function lintRulesOf(voice: BrandVoice): LintRule[] {
  return [
    ...(voice.lintRules ?? defaultLintRules),
    ...voice.wordsToAvoid.map((phrase) => ({ phrase, kind: 'avoid' as const })),
  ]
}

/** What the organisation may save; every problem at once, as `path: message`. */
export function brandVoiceProblems(voice: BrandVoice): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = []
  if (voice.signOff.length > 500) problems.push({ path: 'sign_off', message: 'must be at most 500 characters' })
  voice.wordsToAvoid.forEach((word, i) => {
    if (!word.trim()) problems.push({ path: `words_to_avoid.${i}`, message: 'must not be blank' })
  })
  voice.lintRules?.forEach((rule, i) => {
    if (!rule.phrase.trim()) problems.push({ path: `lint_rules.${i}.phrase`, message: 'must not be blank' })
  })
  return problems
}

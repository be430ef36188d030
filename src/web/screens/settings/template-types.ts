import type { LintFinding } from '../../ui/lint-findings'

/** The templates API as the console reads it (src/app/templates). */
export const stages = [
  ['acknowledge', 'Acknowledgement'],
  ['scope', 'Scope and impact'],
  ['update', 'Update'],
  ['all_clear', 'All-clear'],
  ['postmortem', 'Postmortem'],
  ['cadence_change', 'Cadence change'],
  ['stand_down', 'Stand-down (team only)'],
] as const
export type TemplateStage = (typeof stages)[number][0]

export const channels = [
  ['email', 'Email'],
  ['webhook', 'Webhook'],
  ['slack', 'Slack'],
  ['status_page', 'Status page'],
] as const
export type TemplateChannel = (typeof channels)[number][0]

export const audiences = [
  ['customer', 'Customers'],
  ['technical', 'Technical readers'],
  ['internal', 'The team'],
] as const
export type TemplateAudience = (typeof audiences)[number][0]

export const locales = ['en', 'de', 'fr', 'es', 'ja', 'zh-Hans', 'zh-Hant'] as const

export interface TemplateSources {
  subject: string
  body: string
  short: string
}

export interface TemplateRow {
  stage: TemplateStage
  channel: TemplateChannel
  audience: TemplateAudience
  locale: string
  overridden: boolean
  updated_at: string | null
  updated_by: string | null
}

export interface TemplateDetail extends TemplateRow, TemplateSources {
  overridden_fields: (keyof TemplateSources)[]
  built_in: TemplateSources
}

export interface PreviewMessage {
  channel: TemplateChannel
  overridden: boolean
  subject: string
  text: string
  short: string
  html?: string
  findings: LintFinding[]
}

export interface Preview {
  facts: 'incident' | 'sample'
  locale: string
  messages: PreviewMessage[]
}

export interface BrandVoice {
  sign_off: string
  words_to_avoid: string[]
  lint_rules: { phrase: string; kind: LintFinding['kind']; reason?: string }[]
  lint_rules_are_default: boolean
}

export const labelOf = <K extends string>(list: readonly (readonly [K, string])[], key: K) =>
  list.find(([k]) => k === key)?.[1] ?? key

export const templatePath = (t: Pick<TemplateRow, 'stage' | 'channel' | 'audience' | 'locale'>) =>
  `/api/templates/${t.stage}/${t.channel}/${t.audience}/${t.locale}`

import { type Audience, audiences, internalOnlyStages, type MessageStage, messageStages } from './message-kinds.js'
import { type TemplateChannel, templateChannels } from './message-kinds.js'
import { defaultCatalogs } from './locales/index.js'

/** One editable template: a stage as one channel shows it to one audience in one locale. */
export interface TemplateKey {
  stage: MessageStage
  channel: TemplateChannel
  audience: Audience
  locale: string
}

export const templateLocales: readonly string[] = Object.keys(defaultCatalogs)

/** Every template an organisation may edit; a team-only stage has no customer or technical version. */
export function allTemplateKeys(): TemplateKey[] {
  const keys: TemplateKey[] = []
  for (const stage of messageStages)
    for (const channel of templateChannels)
      for (const audience of audiences)
        for (const locale of templateLocales)
          if (!internalOnlyStages.includes(stage) || audience === 'internal')
            keys.push({ stage, channel, audience, locale })
  return keys
}

export function isTemplateKey(key: { stage: string; channel: string; audience: string; locale: string }): boolean {
  return allTemplateKeys().some(
    (k) => k.stage === key.stage && k.channel === key.channel && k.audience === key.audience && k.locale === key.locale,
  )
}

export function sameKey(a: TemplateKey, b: TemplateKey): boolean {
  return a.stage === b.stage && a.channel === b.channel && a.audience === b.audience && a.locale === b.locale
}

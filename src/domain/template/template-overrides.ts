import type { StageTemplates } from './catalog.js'
import { defaultCatalogs } from './locales/index.js'
import { resolveLocale } from './resolve-locale.js'
import { sameKey, type TemplateKey } from './template-key.js'

export const templateFields = ['subject', 'body', 'short'] as const
export type TemplateField = (typeof templateFields)[number]

/** An organisation's own version of one template; a field left null keeps the built-in one. */
export interface TemplateOverride extends TemplateKey {
  subject: string | null
  body: string | null
  short: string | null
}

export interface ResolvedTemplate {
  key: TemplateKey
  builtIn: StageTemplates
  /** What renders: the override's fields over the built-in ones. */
  effective: StageTemplates
  /** The fields the organisation changed; empty means the built-in template is used. */
  overridden: TemplateField[]
}

export function builtInTemplate(key: TemplateKey): StageTemplates {
  const catalog = defaultCatalogs[resolveLocale(key.locale)] ?? defaultCatalogs.en!
  return catalog.stages[key.stage]
}

/** The sources a message renders from: the organisation's override when there is one, else ours. */
export function resolveTemplate(key: TemplateKey, overrides: readonly TemplateOverride[]): ResolvedTemplate {
  const locale = resolveLocale(key.locale)
  const wanted = { ...key, locale }
  const builtIn = builtInTemplate(wanted)
  const own = overrides.find((o) => sameKey(o, wanted))
  const overridden = templateFields.filter((field) => own?.[field] != null)
  const effective = { ...builtIn }
  for (const field of overridden) effective[field] = own![field]!
  return { key: wanted, builtIn, effective, overridden }
}

/** Only the changed fields, as `renderMessage` takes them. */
export function overridesFor(key: TemplateKey, overrides: readonly TemplateOverride[]): Partial<StageTemplates> {
  const resolved = resolveTemplate(key, overrides)
  return Object.fromEntries(resolved.overridden.map((f) => [f, resolved.effective[f]]))
}

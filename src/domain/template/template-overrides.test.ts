import { describe, expect, it } from 'vitest'
import { en } from './locales/en.js'
import { allTemplateKeys, isTemplateKey, type TemplateKey } from './template-key.js'
import { overridesFor, resolveTemplate, type TemplateOverride } from './template-overrides.js'

const key: TemplateKey = { stage: 'acknowledge', channel: 'email', audience: 'customer', locale: 'en' }
const own = (over: Partial<TemplateOverride>): TemplateOverride => ({
  ...key,
  subject: null,
  body: null,
  short: null,
  ...over,
})

describe('template overrides', () => {
  it('uses the built-in template when the organisation has none', () => {
    const resolved = resolveTemplate(key, [])
    expect(resolved.effective).toEqual(en.stages.acknowledge)
    expect(resolved.overridden).toEqual([])
  })

  it("uses the organisation's fields and keeps the built-in ones it left out", () => {
    const resolved = resolveTemplate(key, [own({ subject: 'Heads up: {{ affected }}' })])
    expect(resolved.effective.subject).toBe('Heads up: {{ affected }}')
    expect(resolved.effective.body).toBe(en.stages.acknowledge.body)
    expect(resolved.overridden).toEqual(['subject'])
  })

  it('matches the exact stage, channel, audience and locale only', () => {
    const elsewhere = [own({ channel: 'slack', body: 'x' }), own({ audience: 'technical', body: 'y' })]
    expect(overridesFor(key, elsewhere)).toEqual({})
  })

  it("finds an override for a reader's regional locale under its language", () => {
    expect(overridesFor({ ...key, locale: 'en-GB' }, [own({ short: 'Short' })])).toEqual({ short: 'Short' })
  })

  it('lists every stage, channel, audience and locale, with the stand-down for the team only', () => {
    const keys = allTemplateKeys()
    expect(keys.filter((k) => k.stage === 'stand_down').every((k) => k.audience === 'internal')).toBe(true)
    expect(keys).toHaveLength(6 * 4 * 3 * 7 + 4 * 7)
    expect(isTemplateKey({ ...key, stage: 'stand_down' })).toBe(false)
    expect(isTemplateKey({ ...key, locale: 'xx' })).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { resolveLocale } from './resolve-locale.js'
import { firstSentence, formatInterval } from './format-facts.js'
import { redactProvider } from './third-party.js'

describe('locale resolution', () => {
  it('maps Chinese by region and script', () => {
    expect(resolveLocale('zh-TW')).toBe('zh-Hant')
    expect(resolveLocale('zh-HK')).toBe('zh-Hant')
    expect(resolveLocale('zh_Hant_TW')).toBe('zh-Hant')
    expect(resolveLocale('zh-CN')).toBe('zh-Hans')
    expect(resolveLocale('zh')).toBe('zh-Hans')
  })

  it('falls back to the language, then to English', () => {
    expect(resolveLocale('de-AT')).toBe('de')
    expect(resolveLocale('ZH-HANS')).toBe('zh-Hans')
    expect(resolveLocale('pt-BR')).toBe('en')
  })
})

describe('fact formatting', () => {
  it('words intervals so an hour never reads "every 1 hour"', () => {
    expect(formatInterval(30, 'en')).toBe('30 minutes')
    expect(formatInterval(60, 'en')).toBe('60 minutes')
    expect(formatInterval(120, 'en')).toBe('2 hours')
    expect(formatInterval(1440, 'en')).toBe('24 hours')
    expect(formatInterval(4320, 'en')).toBe('3 days')
  })

  it('takes the first sentence of a message for one-line channels', () => {
    expect(firstSentence('We found it. Deploying a fix.')).toBe('We found it.')
    expect(firstSentence('我们找到了原因。正在修复。')).toBe('我们找到了原因。')
    expect(firstSentence('word '.repeat(100), 50).length).toBeLessThanOrEqual(51)
  })
})

describe('provider redaction', () => {
  it('replaces the name in any case, as a whole word only', () => {
    expect(redactProvider('AWS and aws; not lAWSon', 'AWS', 'a provider')).toBe('A provider and a provider; not lAWSon')
    expect(redactProvider('Slow. Stripe declines cards', 'Stripe', 'one of ours')).toBe(
      'Slow. One of ours declines cards',
    )
  })

  it('handles names with regex characters', () => {
    expect(redactProvider('Outage at Foo.com (EU)', 'Foo.com (EU)', 'X')).toBe('Outage at X')
  })
})

import { describe, expect, it } from 'vitest'
import { supportedLocales } from '../../domain/locales.js'
import { en } from './en.js'
import { messagesByLocale, translator } from './translator.js'

type Tree = { [key: string]: string | Tree }
const flatten = (tree: Tree, prefix = ''): Record<string, string> =>
  Object.fromEntries(
    Object.entries(tree).flatMap(([k, v]) =>
      typeof v === 'string' ? [[prefix + k, v]] : Object.entries(flatten(v, `${prefix}${k}.`)),
    ),
  )
/** A plural family counts once, whatever forms a language has. */
const baseKeys = (tree: Tree) =>
  [...new Set(Object.keys(flatten(tree)).map((k) => k.replace(/_(one|few|many|other)$/, '')))].sort()
const vars = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()

describe('status page UI strings', () => {
  it('exist for every supported locale', () => {
    expect(Object.keys(messagesByLocale).sort()).toEqual([...supportedLocales].sort())
  })

  it('cover every English key in every locale, with the same variables and nothing empty', () => {
    const english = flatten(en as unknown as Tree)
    for (const [locale, messages] of Object.entries(messagesByLocale)) {
      const own = flatten(messages as unknown as Tree)
      expect(baseKeys(messages as unknown as Tree), locale).toEqual(baseKeys(en as unknown as Tree))
      for (const [key, text] of Object.entries(own)) {
        expect(text.trim(), `${locale} ${key}`).not.toBe('')
        const englishKey = english[key] ?? english[key.replace(/_\w+$/, '_other')]!
        expect(vars(text), `${locale} ${key}`).toEqual(vars(englishKey))
      }
    }
  })

  it('are really translated, not English copies', () => {
    const english = flatten(en as unknown as Tree)
    for (const [locale, messages] of Object.entries(messagesByLocale)) {
      if (locale === 'en') continue
      const own = flatten(messages as unknown as Tree)
      const same = Object.keys(own).filter((k) => own[k] === english[k])
      expect(same.length, `${locale}: ${same.join(', ')}`).toBeLessThan(5)
    }
  })

  it('pluralise by each language’s rules', () => {
    expect(translator('en').t('minutes', { count: 1 })).toBe('1 minute')
    expect(translator('de').t('minutes', { count: 2 })).toBe('2 Minuten')
    expect(translator('ja').t('minutes', { count: 1 })).toBe('1 分')
    expect(translator('fr').t('componentCount', { count: 1 })).toBe('1 composant')
  })

  it('format times in UTC and percentages in the locale’s style', () => {
    const at = new Date('2026-11-20T09:41:00Z')
    expect(translator('en').dateTime(at)).toBe('Nov 20, 2026, 9:41 AM UTC')
    expect(translator('de').dateTime(at)).toBe('20.11.2026, 09:41 UTC')
    expect(translator('fr').percent(99.987)).toMatch(/^99,98\s%$/)
    expect(translator('en').percent(99.999)).toBe('99.99%')
  })

  it("format instants in the page's time zone, with its abbreviation, and stored days as they are", () => {
    const lateAtNight = new Date('2026-11-20T23:41:00Z')
    const berlin = translator('de', 'Europe/Berlin')
    expect(berlin.dateTime(lateAtNight)).toBe('21.11.2026, 00:41 MEZ')
    expect(berlin.date(lateAtNight)).toBe('21.11.2026')
    expect(berlin.isoDate(lateAtNight)).toBe('2026-11-21')
    // Uptime days are UTC days: their label never shifts with the zone.
    expect(berlin.day('2026-11-20')).toBe('20.11.2026')
    expect(translator('en', 'America/New_York').dateTime(lateAtNight)).toBe('Nov 20, 2026, 6:41 PM EST')
    expect(translator('en', 'Europe/Berlin').dateTime(new Date('2026-07-01T12:00:00Z'))).toBe(
      'Jul 1, 2026, 2:00 PM GMT+2',
    )
    // A zone the runtime does not know (stored before validation) reads as UTC rather than failing the page.
    expect(translator('en', 'Mars/Olympus').dateTime(lateAtNight)).toBe('Nov 20, 2026, 11:41 PM UTC')
  })
})

import i18next from 'i18next'
import type { SupportedLocale } from '../../domain/locales.js'
import { de } from './de.js'
import { en } from './en.js'
import { es } from './es.js'
import { fr } from './fr.js'
import { ja } from './ja.js'
import { zhHans } from './zh-hans.js'
import { zhHant } from './zh-hant.js'

export const messagesByLocale = {
  en,
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  de,
  fr,
  es,
  ja,
} satisfies Record<SupportedLocale, object>

/** UI strings and locale-aware formats for one page. Server-side times are UTC; the client script localises them. */
export interface Translator {
  locale: SupportedLocale
  t(key: string, vars?: Record<string, string | number>): string
  dateTime(at: Date): string
  date(at: Date): string
  month(at: Date): string
  percent(value: number): string
}

const resources = Object.fromEntries(
  Object.entries(messagesByLocale).map(([lng, messages]) => [lng, { translation: messages }]),
)
const cache = new Map<SupportedLocale, Translator>()

export function translator(locale: SupportedLocale): Translator {
  const cached = cache.get(locale)
  if (cached) return cached
  const instance = i18next.createInstance()
  // Resources are in memory, so initialisation is synchronous; escaping happens in the HTML layer.
  void instance.init({
    lng: locale,
    fallbackLng: 'en',
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
  })
  const t = instance.t.bind(instance) as unknown as (key: string, vars?: Record<string, unknown>) => string
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
  const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' })
  const percent = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  })
  // A page repeats the same labels and the same 90 dates per component: look each up once.
  const plain = new Map<string, string>()
  const memo = (format: (at: Date) => string) => {
    const seen = new Map<number, string>()
    return (at: Date) => {
      let text = seen.get(at.getTime())
      if (text === undefined) {
        if (seen.size > 5_000) seen.clear()
        seen.set(at.getTime(), (text = format(at)))
      }
      return text
    }
  }
  const result: Translator = {
    locale,
    t: (key, vars) => {
      if (vars) return t(key, vars)
      let text = plain.get(key)
      if (text === undefined) plain.set(key, (text = t(key)))
      return text
    },
    dateTime: memo((at) => `${dateTime.format(at)} UTC`),
    date: memo((at) => date.format(at)),
    month: (at) => month.format(at),
    // Rounded down, so a day with any downtime never shows 100.00 %.
    percent: (value) => percent.format(Math.floor(value * 100) / 10_000),
  }
  cache.set(locale, result)
  return result
}

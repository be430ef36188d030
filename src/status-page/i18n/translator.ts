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
  /** The page's time zone, which the no-script text and the feeds show. */
  timeZone: string
  /** An instant, in the page's time zone, with the zone's abbreviation. */
  dateTime(at: Date): string
  /** The calendar date of an instant in the page's time zone. */
  date(at: Date): string
  /** That date as YYYY-MM-DD, for `<time datetime>`. */
  isoDate(at: Date): string
  /** A calendar day as stored (uptime days are UTC days), e.g. "2026-11-20". */
  day(isoDate: string): string
  month(at: Date): string
  percent(value: number): string
}

const resources = Object.fromEntries(
  Object.entries(messagesByLocale).map(([lng, messages]) => [lng, { translation: messages }]),
)
const cache = new Map<string, Translator>()

/** A page's `time_zone` may predate validation: an unknown one reads as UTC rather than failing the page. */
function knownTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone })
    return timeZone
  } catch {
    return 'UTC'
  }
}

export function translator(locale: SupportedLocale, requestedTimeZone = 'UTC'): Translator {
  const cacheKey = `${locale} ${requestedTimeZone}`
  const cached = cache.get(cacheKey)
  if (cached) return cached
  const timeZone = knownTimeZone(requestedTimeZone)
  const isUtc = timeZone === 'UTC' || timeZone === 'Etc/UTC'
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
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone })
  const zoneName = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone })
  const utcDate = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
  const isoDate = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone })
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
    timeZone,
    dateTime: memo((at) => {
      const zone = isUtc ? 'UTC' : zoneName.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value
      return `${dateTime.format(at)} ${zone ?? timeZone}`
    }),
    date: memo((at) => date.format(at)),
    isoDate: memo((at) => isoDate.format(at)),
    day: (iso) => utcDate.format(new Date(`${iso}T00:00:00Z`)),
    month: (at) => month.format(at),
    // Rounded down, so a day with any downtime never shows 100.00 %.
    percent: (value) => percent.format(Math.floor(value * 100) / 10_000),
  }
  if (cache.size > 1_000) cache.clear()
  cache.set(cacheKey, result)
  return result
}

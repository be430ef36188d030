/** Locale-aware wording of dates, durations and lists, from Intl so no hand-made tables are needed. */
export function formatDateTime(at: Date, locale: string, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(at)
}

/** "30 minutes", "2 hours", "3 days"; an hour or a day stays in minutes/hours so it never reads "every 1 hour". */
export function formatInterval(minutes: number, locale: string): string {
  const [value, unit] =
    minutes >= 2 * 1440 && minutes % 1440 === 0
      ? [minutes / 1440, 'day']
      : minutes >= 120 && minutes % 60 === 0
        ? [minutes / 60, 'hour']
        : [minutes, 'minute']
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value)
}

export function formatList(items: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { type: 'conjunction', style: 'long' }).format(items)
}

/** The first sentence or line of a message, for one-line channels; cut at a word near `max`. */
export function firstSentence(text: string, max = 200): string {
  const line = text.trim().split(/\n/)[0] ?? ''
  const sentence = line.match(/^.+?(?:[.!?](?=\s|$)|[。！？])/u)?.[0] ?? line
  if (sentence.length <= max) return sentence
  const cut = sentence.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`
}

import { isPlausibleEmail, isSubscriberChannel, normaliseEmail, type SubscriberChannel } from './subscription.js'

/**
 * Turns CSV rows into subscribers to create, row by row, so one bad line is reported with
 * its line number and never stops the other 99,999. The header names the columns; common
 * spellings from other tools (Email, E-mail address, Language) are understood.
 */
export interface ImportedSubscriber {
  line: number
  channel: SubscriberChannel
  address: string
  locale: string | null
  /** Component names or ids as written; the caller resolves them against the page. */
  components: string[]
  isConfirmed: boolean
  /** An export's unsubscribed or disabled rows come back as they were, never as new sign-ups. */
  keptState: 'unsubscribed' | 'disabled' | null
}

export interface ImportProblem {
  line: number
  message: string
}

const aliases: Record<string, string> = {
  email: 'email',
  'e-mail': 'email',
  'email address': 'email',
  'e-mail address': 'email',
  channel: 'channel',
  type: 'channel',
  address: 'address',
  url: 'address',
  'webhook url': 'address',
  endpoint: 'address',
  locale: 'locale',
  language: 'locale',
  components: 'components',
  component: 'components',
  confirmed: 'confirmed',
  state: 'state',
}

/** Export columns; an export imports back as it was (confirmed addresses stay confirmed). */
export const subscriberCsvHeader = [
  'channel',
  'address',
  'locale',
  'components',
  'confirmed',
  'state',
  'created_at',
] as const

export function mapImportRows(
  rows: readonly string[][],
  locales: readonly string[],
): { subscribers: ImportedSubscriber[]; problems: ImportProblem[] } {
  const [header, ...body] = rows
  const problems: ImportProblem[] = []
  const subscribers: ImportedSubscriber[] = []
  const columns = (header ?? []).map((name) => aliases[name.trim().toLowerCase()] ?? null)
  if (!columns.includes('email') && !columns.includes('address')) {
    return { subscribers, problems: [{ line: 1, message: 'the header needs an "email" or an "address" column' }] }
  }
  body.forEach((cells, index) => {
    const line = index + 2
    const get = (name: string) => {
      const at = columns.indexOf(name)
      return at === -1 ? '' : (cells[at] ?? '').trim()
    }
    const channel = (get('channel') || 'email').toLowerCase()
    if (!isSubscriberChannel(channel))
      return problems.push({ line, message: `unknown channel "${channel}" (email, webhook or slack)` })
    const address = get('address') || get('email')
    if (channel === 'email' && !isPlausibleEmail(address))
      return problems.push({ line, message: `"${address}" is not an email address` })
    if (channel !== 'email' && !/^https?:\/\//i.test(address))
      return problems.push({ line, message: `"${address}" is not an http(s) URL` })
    const locale = get('locale') || null
    if (locale && !locales.includes(locale)) return problems.push({ line, message: `unsupported locale "${locale}"` })
    subscribers.push({
      line,
      channel,
      address: channel === 'email' ? normaliseEmail(address) : address,
      locale,
      components: get('components')
        .split(/[;|]/)
        .map((c) => c.trim())
        .filter(Boolean),
      isConfirmed: ['true', 'yes', '1', 'y'].includes(get('confirmed').toLowerCase()),
      keptState:
        get('state') === 'unsubscribed' || get('state') === 'disabled'
          ? (get('state') as 'unsubscribed' | 'disabled')
          : null,
    })
    return undefined
  })
  return { subscribers, problems }
}

/**
 * Turns CSV rows (parsed by `domain/delivery/csv.ts`) into key-customer records in the API's
 * own shape, so one schema checks both and a bad row is reported with its line number.
 * One row per customer with one contact; more contacts are added in the console or the API.
 */
export interface KeyCustomerCsvRow {
  line: number
  record: Record<string, unknown>
  /** Component names or ids as written; the caller resolves them. */
  components: string[]
}

export interface CsvRowProblem {
  line: number
  message: string
}

const aliases: Record<string, string> = {
  name: 'name',
  customer: 'name',
  'customer name': 'name',
  company: 'name',
  notify_within_minutes: 'notify_within_minutes',
  'notify within minutes': 'notify_within_minutes',
  'notify within': 'notify_within_minutes',
  sla_minutes: 'notify_within_minutes',
  'sla minutes': 'notify_within_minutes',
  channel: 'channel',
  contact_name: 'contact_name',
  'contact name': 'contact_name',
  contact_email: 'contact_email',
  'contact email': 'contact_email',
  email: 'contact_email',
  contact_phone: 'contact_phone',
  'contact phone': 'contact_phone',
  phone: 'contact_phone',
  mrr: 'mrr',
  components: 'components',
  services: 'components',
  every_incident: 'every_incident',
  'every incident': 'every_incident',
  notes: 'notes',
}

export const keyCustomerCsvHeader = [
  'name',
  'notify_within_minutes',
  'channel',
  'contact_name',
  'contact_email',
  'contact_phone',
  'mrr',
  'components',
  'every_incident',
  'notes',
] as const

const yes = ['true', 'yes', 'y', '1']
const no = ['false', 'no', 'n', '0', '']

/** A number when the cell is one, else the text itself, so the schema names what is wrong. */
function numberOrText(cell: string): unknown {
  if (cell === '') return undefined
  const value = Number(cell.replace(/[ _]/g, ''))
  return Number.isFinite(value) ? value : cell
}

export function mapKeyCustomerRows(rows: readonly string[][]): {
  rows: KeyCustomerCsvRow[]
  problems: CsvRowProblem[]
} {
  const [header, ...body] = rows
  const columns = (header ?? []).map((name) => aliases[name.trim().toLowerCase()] ?? null)
  if (!columns.includes('name') || !columns.includes('notify_within_minutes'))
    return {
      rows: [],
      problems: [{ line: 1, message: 'the header needs a "name" and a "notify_within_minutes" column' }],
    }
  const problems: CsvRowProblem[] = []
  const mapped: KeyCustomerCsvRow[] = []
  body.forEach((cells, index) => {
    const line = index + 2
    const get = (name: string) => {
      const at = columns.indexOf(name)
      return at === -1 ? '' : (cells[at] ?? '').trim()
    }
    const every = get('every_incident').toLowerCase()
    if (!yes.includes(every) && !no.includes(every))
      return problems.push({ line, message: `every_incident must be yes or no, not "${get('every_incident')}"` })
    const contact = {
      name: get('contact_name'),
      email: get('contact_email') || null,
      phone: get('contact_phone') || null,
    }
    const hasContact = contact.name !== '' || contact.email !== null || contact.phone !== null
    mapped.push({
      line,
      record: {
        name: get('name'),
        notify_within_minutes: numberOrText(get('notify_within_minutes')),
        ...(get('channel') ? { channel: get('channel').toLowerCase() } : {}),
        contacts: hasContact ? [{ ...contact, name: contact.name || contact.email || contact.phone }] : [],
        ...(get('mrr') ? { mrr: numberOrText(get('mrr')) } : {}),
        is_affected_by_every_incident: yes.includes(every),
        ...(get('notes') ? { notes: get('notes') } : {}),
      },
      components: get('components')
        .split(/[;|]/)
        .map((c) => c.trim())
        .filter(Boolean),
    })
    return undefined
  })
  return { rows: mapped, problems }
}

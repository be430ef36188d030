import { describe, expect, it } from 'vitest'
import { parseCsv } from '../delivery/csv.js'
import { mapKeyCustomerRows } from './key-customer-csv.js'

const rowsOf = (text: string) => mapKeyCustomerRows(parseCsv(text).rows)

describe('key customers from CSV', () => {
  it('reads the columns by name, with common spellings, into the API shape', () => {
    const { rows, problems } = rowsOf(
      'Customer,SLA minutes,Channel,Contact name,Contact email,MRR,Components,Every incident\n' +
        'Globex,30,Phone,Hank,hank@globex.example,12 500,API; Dashboard,no\n',
    )
    expect(problems).toEqual([])
    expect(rows).toEqual([
      {
        line: 2,
        record: {
          name: 'Globex',
          notify_within_minutes: 30,
          channel: 'phone',
          contacts: [{ name: 'Hank', email: 'hank@globex.example', phone: null }],
          mrr: 12500,
          is_affected_by_every_incident: false,
        },
        components: ['API', 'Dashboard'],
      },
    ])
  })

  it('leaves a number that is not one as text, for the schema to name', () => {
    const { rows } = rowsOf('name,notify_within_minutes\nInitech,soon\n')
    expect(rows[0]?.record.notify_within_minutes).toBe('soon')
  })

  it('reports a row it cannot read with its line, and a header without the needed columns', () => {
    expect(rowsOf('name,notify_within_minutes,every_incident\nA,5,maybe\n').problems).toEqual([
      { line: 2, message: 'every_incident must be yes or no, not "maybe"' },
    ])
    expect(rowsOf('company\nA\n').problems[0]?.line).toBe(1)
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatCsvRow, parseCsv } from './csv.js'

describe('CSV', () => {
  it('reads quoted fields with commas, quotes and line breaks', () => {
    const { rows, error } = parseCsv('email,name\r\n"a@x.test","Smith, ""Al""\nJr"\nb@x.test,Bo\n')
    expect(error).toBeNull()
    expect(rows).toEqual([
      ['email', 'name'],
      ['a@x.test', 'Smith, "Al"\nJr'],
      ['b@x.test', 'Bo'],
    ])
  })

  it('ignores a byte-order mark and blank lines', () => {
    expect(parseCsv('\ufeffemail\n\na@x.test\n\n').rows).toEqual([['email'], ['a@x.test']])
  })

  it('reports a quote left open', () => {
    expect(parseCsv('email\n"a@x.test').error).toBe('a quoted field is not closed')
  })

  it('defuses spreadsheet formulas on export', () => {
    expect(formatCsvRow(['=HYPERLINK("x")', '+1', '-2', '@SUM', 'ok'])).toBe(`"'=HYPERLINK(""x"")",'+1,'-2,'@SUM,ok`)
  })

  it('reads back what it writes, for any cells', () => {
    const cell = fc.string({ unit: 'grapheme' }).filter((s) => !/^[=+\-@\t\r]/.test(s))
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 20 }),
        (table) => {
          const text = table.map((r) => formatCsvRow(r)).join('\r\n')
          expect(parseCsv(text).rows).toEqual(table)
        },
      ),
    )
  })
})

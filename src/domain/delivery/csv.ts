/**
 * RFC 4180 CSV, enough for subscriber import and export: quoted fields, doubled quotes,
 * CRLF or LF, a BOM from spreadsheet exports. Cells that start with = + - @ are prefixed
 * with ' on export so a spreadsheet never runs them as formulas.
 */
export function formatCsvRow(values: readonly (string | number | boolean | null | undefined)[]): string {
  return values.map((value) => formatCell(value === null || value === undefined ? '' : String(value))).join(',')
}

function formatCell(raw: string): string {
  const value = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

export interface CsvParseResult {
  rows: string[][]
  /** A quote left open at the end: the file is cut off or malformed. */
  error: string | null
}

export function parseCsv(input: string): CsvParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let inQuotes = false
  let i = 0
  while (i < text.length) {
    const ch = text[i] as string
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"'
          i += 2
          continue
        }
        inQuotes = false
      } else cell += ch
      i++
      continue
    }
    if (ch === '"' && cell === '') inQuotes = true
    else if (ch === ',') {
      row.push(cell)
      cell = ''
    } else if (ch === '\n' || ch === '\r') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      if (ch === '\r' && text[i + 1] === '\n') i++
    } else cell += ch
    i++
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell)
    rows.push(row)
  }
  return {
    rows: rows.filter((r) => !(r.length === 1 && r[0] === '')),
    error: inQuotes ? 'a quoted field is not closed' : null,
  }
}

import { invalid } from '../../domain/app-error.js'
import { parseCsv } from '../../domain/delivery/csv.js'
import { type CsvRowProblem, mapKeyCustomerRows } from '../../domain/key-customer/key-customer-csv.js'
import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps } from '../context.js'
import { createKeyCustomerInput, type CreateKeyCustomerInput } from './key-customer-input.js'

const maxRows = 5_000
const maxProblemsShown = 100

/**
 * CSV import, all or nothing: every row is checked (the same schema as the API, components by
 * name or id, names new to the list and to the file), and only a file without a single problem
 * is written, in one transaction. A refused import lists every row's problem with its line.
 */
export async function importKeyCustomers(deps: AppDeps, ctx: AppContext, csv: string) {
  requirePermission(ctx, 'customer.manage')
  const parsed = parseCsv(csv)
  if (parsed.error) throw invalid('The CSV cannot be read', [{ path: 'line 1', message: parsed.error }])
  const { rows, problems } = mapKeyCustomerRows(parsed.rows)
  if (rows.length > maxRows) throw invalid(`At most ${maxRows} key customers per import`, [])
  const imported = await deps.store.transaction(ctx.orgId, async (tx) => {
    const components = await tx.components.list()
    const byName = new Map(components.flatMap((c) => [[c.id, c.id] as const, [c.name.toLowerCase(), c.id] as const]))
    const taken = await tx.keyCustomers.idsByName(rows.map((r) => String(r.record.name ?? '')))
    const seen = new Map<string, number>()
    const ready: { line: number; input: CreateKeyCustomerInput }[] = []
    for (const row of rows) {
      const ids = row.components.map((c) => byName.get(c.toLowerCase()))
      const missing = row.components.filter((_, i) => ids[i] === undefined)
      if (missing.length > 0) problems.push({ line: row.line, message: `unknown component(s): ${missing.join(', ')}` })
      const checked = createKeyCustomerInput.safeParse({ ...row.record, component_ids: ids.filter(Boolean) })
      if (!checked.success) {
        for (const issue of checked.error.issues)
          problems.push({ line: row.line, message: `${issue.path.join('.') || 'row'}: ${issue.message}` })
        continue
      }
      const key = checked.data.name.toLowerCase()
      if (taken.has(key)) problems.push({ line: row.line, message: `"${checked.data.name}" is already a key customer` })
      const earlier = seen.get(key)
      if (earlier) problems.push({ line: row.line, message: `"${checked.data.name}" is also on line ${earlier}` })
      seen.set(key, row.line)
      ready.push({ line: row.line, input: checked.data })
    }
    if (problems.length > 0) return { isRefused: true as const, problems }
    for (const { input } of ready) {
      const { component_ids, ...values } = input
      await tx.keyCustomers.create({ ...values, created_at: ctx.now, updated_at: ctx.now }, component_ids)
    }
    return { isRefused: false as const, created: ready.length }
  })
  if (imported.isRefused) throw refused(imported.problems)
  return { rows: rows.length, created: imported.created }
}

function refused(problems: CsvRowProblem[]) {
  const sorted = [...problems].sort((a, b) => a.line - b.line)
  return invalid(
    `The import was refused: ${sorted.length} problem(s); nothing was written`,
    sorted.slice(0, maxProblemsShown).map((p) => ({ path: `line ${p.line}`, message: p.message })),
  )
}

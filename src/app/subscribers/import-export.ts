import { z } from 'zod'
import { formatCsvRow, parseCsv } from '../../domain/delivery/csv.js'
import { mapImportRows, subscriberCsvHeader, type ImportProblem } from '../../domain/delivery/subscriber-import.js'
import { confirmationExpiresAt } from '../../domain/delivery/subscription.js'
import { supportedLocales } from '../../domain/locales.js'
import type { SubscriberWrite } from '../../store/subscribers-store.js'
import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps } from '../context.js'
import { invalid, notFound } from '../../domain/app-error.js'
import { parseInput } from '../parse-input.js'
import { newWebhookSecret } from './subscriber-links.js'
import { addressKeyOf } from './subscriber-view.js'

export const importOptionsInput = z
  .object({
    /** Queue a confirmation mail to every imported email address not marked confirmed. */
    send_confirmations: z.union([z.boolean(), z.stringbool()]).default(false),
  })
  .strict()

export interface ImportReport {
  rows: number
  created: number
  existing: number
  problems: ImportProblem[]
  problem_count: number
}

const chunkSize = 1_000
const maxProblemsShown = 100

/**
 * CSV import, 1,000 rows per transaction: a bad line is reported and skipped, an address
 * already on the page is left as it is (an import never re-subscribes someone who left).
 */
export async function importSubscribers(
  deps: AppDeps,
  ctx: AppContext,
  pageId: string,
  csv: string,
  rawOptions: unknown = {},
  onProgress?: (done: number, total: number) => void,
): Promise<ImportReport> {
  requirePermission(ctx, 'subscriber.manage')
  const options = parseInput(importOptionsInput, rawOptions)
  const parsed = parseCsv(csv)
  if (parsed.error) throw invalid('The CSV cannot be read', [{ message: parsed.error }])
  const { subscribers, problems } = mapImportRows(parsed.rows, supportedLocales)
  const tx0 = deps.store.forOrg(ctx.orgId)
  if (!(await tx0.pages.get(pageId))) throw notFound('Status page')
  const components = await tx0.components.list(pageId)
  const byName = new Map(
    components.flatMap((c) => [
      [c.id, c.id],
      [c.name.toLowerCase(), c.id],
    ]),
  )
  const settings = deps.subscribers
  const rows: SubscriberWrite[] = []
  for (const s of subscribers) {
    const ids = s.components.map((c) => byName.get(c.toLowerCase()))
    if (ids.some((id) => id === undefined)) {
      problems.push({
        line: s.line,
        message: `unknown component(s): ${s.components.filter((_, i) => ids[i] === undefined).join(', ')}`,
      })
      continue
    }
    const isPending = s.channel === 'email' && !s.isConfirmed && !s.keptState
    rows.push({
      pageId,
      channel: s.channel,
      address: s.address,
      addressKey: addressKeyOf(s.channel, s.address),
      locale: s.locale,
      componentIds: ids as string[],
      state: s.keptState ?? (isPending ? 'pending' : 'active'),
      secret: s.channel === 'email' ? null : newWebhookSecret(),
      source: 'import',
      confirmationExpiresAt: isPending ? confirmationExpiresAt(ctx.now, settings.confirmationTtlMs) : null,
      confirmedAt: isPending ? null : ctx.now,
    })
  }
  let created = 0
  let queued = 0
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize)
    await deps.store.transaction(ctx.orgId, async (tx) => {
      const inserted = await tx.subscribers.insertMany(chunk)
      created += inserted.length
      if (options.send_confirmations) {
        for (const row of inserted.filter((r) => r.state === 'pending')) {
          await tx.deliveries.enqueueConfirmation({ id: row.id, pageId, channel: row.channel }, ctx.now)
          queued++
        }
      }
    })
    onProgress?.(Math.min(start + chunkSize, rows.length), rows.length)
  }
  if (queued) deps.outbox.wake()
  problems.sort((a, b) => a.line - b.line)
  return {
    rows: Math.max(0, parsed.rows.length - 1),
    created,
    existing: rows.length - created,
    problems: problems.slice(0, maxProblemsShown),
    problem_count: problems.length,
  }
}

/** CSV export in batches, so 100,000 rows never sit in memory at once; yields text chunks. */
export async function* exportSubscribers(
  deps: AppDeps,
  ctx: AppContext,
  pageId: string,
  onProgress?: (done: number) => void,
): AsyncGenerator<string> {
  requirePermission(ctx, 'subscriber.read')
  const tx = deps.store.forOrg(ctx.orgId)
  if (!(await tx.pages.get(pageId))) throw notFound('Status page')
  const names = new Map((await tx.components.list(pageId)).map((c) => [c.id, c.name]))
  yield `${formatCsvRow(subscriberCsvHeader)}\r\n`
  let after: string | null = null
  let done = 0
  for (;;) {
    const batch = await tx.subscribers.batchAfter(pageId, after, 5_000)
    if (batch.length === 0) return
    const lines = batch.map((s) =>
      formatCsvRow([
        s.channel,
        s.address,
        s.locale,
        s.component_ids.map((id) => names.get(id) ?? id).join(';'),
        s.state === 'active',
        s.state,
        s.created_at.toISOString(),
      ]),
    )
    yield `${lines.join('\r\n')}\r\n`
    done += batch.length
    onProgress?.(done)
    after = batch.at(-1)!.id
  }
}

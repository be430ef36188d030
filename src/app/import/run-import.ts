import { z } from 'zod'
import { invalid } from '../../domain/app-error.js'
import { importSources, isImportSource } from '../../domain/import/import-plan.js'
import { loadImport, type ImportInput } from '../../import/load-plan.js'
import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps } from '../context.js'
import { parseInput } from '../parse-input.js'
import { applyImportPlan } from './apply-import-plan.js'
import type { ImportReport } from './import-report.js'

export const importRequestInput = z
  .strictObject({
    dry_run: z.union([z.boolean(), z.stringbool()]).default(false),
    /** The export as JSON (Statuspage, PagerDuty, Opsgenie or Cachet; the shape `--save` writes). */
    file: z.record(z.string(), z.unknown()).optional(),
    /** A SQLite database (kuma.db, Cachet's database.sqlite), base64; or send it raw as application/octet-stream. */
    database_base64: z.base64().optional(),
    /** Read from the tool's API instead. */
    api: z
      .strictObject({
        key: z.string().min(1).max(500).optional(),
        page_id: z.string().min(1).max(100).optional(),
        url: z.url({ protocol: /^https?$/ }).optional(),
      })
      .optional(),
  })
  .refine((r) => [r.file, r.database_base64, r.api].filter((x) => x !== undefined).length === 1, {
    path: ['file'],
    message: 'send exactly one of file, database_base64 or api',
  })

export const importQuery = z.strictObject({ dry_run: z.union([z.boolean(), z.stringbool()]).optional() })

/**
 * An import through the API: checked (role, source, input, the API address against the same
 * guard as webhooks) before anything is fetched; read, then written as `candor import` does.
 */
export async function runImport(
  deps: AppDeps,
  ctx: AppContext,
  source: string,
  raw: unknown,
  options: { database?: Uint8Array; dryRun?: boolean } = {},
): Promise<ImportReport> {
  requirePermission(ctx, 'import.run')
  if (!isImportSource(source))
    throw invalid('Unknown import source', [{ path: 'source', message: `one of ${importSources.join(', ')}` }])
  const input: ImportInput = {}
  let dryRun = options.dryRun ?? false
  if (options.database) input.database = options.database
  else {
    const request = parseInput(importRequestInput, raw)
    dryRun ||= request.dry_run
    if (request.file) input.file = request.file
    if (request.database_base64) input.database = new Uint8Array(Buffer.from(request.database_base64, 'base64'))
    if (request.api) {
      if (request.api.url) {
        const refusal = await deps.subscribers.checkWebhookUrl(request.api.url)
        if (refusal) throw invalid('The API address is not allowed', [{ path: 'api.url', message: refusal }])
      }
      input.api = {
        ...(request.api.key ? { key: request.api.key } : {}),
        ...(request.api.page_id ? { pageId: request.api.page_id } : {}),
        ...(request.api.url ? { url: request.api.url } : {}),
      }
    }
  }
  const loaded = await loadImport(source, input, undefined, ctx.now)
  return applyImportPlan(deps, ctx, loaded.plan, { dryRun })
}

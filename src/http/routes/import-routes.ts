import { z } from 'zod'
import { importQuery, importRequestInput, runImport } from '../../app/import/run-import.js'
import { importSources } from '../../domain/import/import-plan.js'
import type { RouteModule } from '../route-module.js'

const sourceParams = z.object({ source: z.enum(importSources) })
const sqliteTypes = ['application/octet-stream', 'application/vnd.sqlite3', 'application/x-sqlite3']
// Years of incidents and tens of thousands of subscribers are tens of megabytes of JSON.
const bodyLimit = 64 * 1024 * 1024

/** Moving in over the API: the same imports as `candor import`, owners and admins only. */
export const importRoutes: RouteModule = async (app, deps) => {
  await app.register(async (scope) => {
    scope.addContentTypeParser(sqliteTypes, { parseAs: 'buffer', bodyLimit }, (_req, body, done) => done(null, body))
    scope.post<{ Params: { source: string }; Querystring: { dry_run?: string } }>(
      '/api/imports/:source',
      {
        bodyLimit,
        schema: {
          tags: ['Imports'],
          summary:
            'Import from Statuspage, PagerDuty, Opsgenie, Uptime Kuma or Cachet: an export (JSON `file`), a ' +
            "SQLite database (raw application/octet-stream body, or `database_base64`) or the tool's `api`; " +
            '`dry_run` reports what would be created and what cannot be mapped',
          params: sourceParams,
          querystring: importQuery,
          body: importRequestInput,
        },
      },
      (req) => {
        const dryRun = req.query.dry_run === 'true' || req.query.dry_run === '1'
        return Buffer.isBuffer(req.body)
          ? runImport(deps, req.ctx, req.params.source, undefined, { database: new Uint8Array(req.body), dryRun })
          : runImport(deps, req.ctx, req.params.source, req.body, { dryRun })
      },
    )
  })
}

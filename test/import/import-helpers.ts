import { readFileSync } from 'node:fs'
import { sql } from 'kysely'
import { systemContext } from '../../src/app/context.js'
import type { RuntimeDeps } from '../../src/wiring/services.js'

export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'))
}

export const importContext = (orgId: string, now = new Date('2026-11-20T09:00:00Z')) =>
  systemContext(orgId, now, 'test import')

/** Rows of one table for one organisation (tests look at what an import wrote). */
export async function countRows(deps: RuntimeDeps, table: string, orgId: string): Promise<number> {
  const result = await sql<{
    n: string
  }>`select count(*) as n from ${sql.table(table)} where org_id = ${orgId}`.execute(deps.store.db)
  return Number(result.rows[0]!.n)
}

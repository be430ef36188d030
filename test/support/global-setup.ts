import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null
    /** A freshly initialised PGlite data directory (tar): loading it skips initdb, ~2.5 s per test file. */
    pgliteDataDir: string
  }
}

async function pgliteTemplate(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'candor-pglite-template-'))
  const file = join(dir, 'datadir.tar')
  const pglite = await PGlite.create()
  writeFileSync(file, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()))
  await pglite.close()
  project.provide('pgliteDataDir', file)
  return () => rmSync(dir, { recursive: true, force: true })
}

const defaultUrl = 'postgres://postgres@127.0.0.1:5432/test'

/**
 * Every storage test runs on PGlite and on real PostgreSQL. Under CI (or with
 * TEST_DATABASE_URL set) an unreachable server fails the run; a plain local `npm test`
 * says loudly which tests it skips.
 */
export default async function setup(project: TestProject) {
  const removeTemplate = await pgliteTemplate(project)
  await checkPostgres(project)
  return removeTemplate
}

async function checkPostgres(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL ?? defaultUrl
  const strict = Boolean(process.env.TEST_DATABASE_URL || process.env.CI)
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 })
  try {
    await client.connect()
    await client.query('select 1')
    project.provide('postgresUrl', url)
  } catch (error) {
    if (strict)
      throw new Error(`PostgreSQL at ${url} is not reachable (${(error as Error).message}); CI never skips these tests`)
    const line = '!'.repeat(78)
    console.warn(
      `\n${line}\n!! PostgreSQL at ${url} is not reachable: SKIPPING every "postgres:" test.\n!! ` +
        `Start it, or set TEST_DATABASE_URL, to run the storage tests on both engines.\n${line}\n`,
    )
    project.provide('postgresUrl', null)
  } finally {
    await client.end().catch(() => undefined)
  }
}

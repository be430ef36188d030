import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { postgresUrl } from '../support/databases.js'
import { projectRoot, runCli } from '../support/server-process.js'
import { kumaDb } from './fixtures/kuma-db.js'

/**
 * `candor import` as an operator runs it (the built CLI, a PostgreSQL database of its own): the
 * engines are covered by the other suites; this one checks messages, exit codes and progress.
 */
describe.skipIf(!postgresUrl())('candor import (the command)', { timeout: 120_000 }, () => {
  const schema = `cli_${randomBytes(5).toString('hex')}`
  let env: NodeJS.ProcessEnv
  let dir: string
  const admin = () => new pg.Client({ connectionString: postgresUrl()! })

  beforeAll(async () => {
    const client = admin()
    await client.connect()
    await client.query(`CREATE SCHEMA "${schema}"`)
    await client.end()
    const url = new URL(postgresUrl()!)
    url.searchParams.set('options', `-c search_path=${schema}`)
    env = { DATABASE_URL: url.toString(), LOG_LEVEL: 'silent' }
    dir = await mkdtemp(join(tmpdir(), 'candor-import-cli-'))
    expect((await runCli(['migrate'], env)).code).toBe(0)
    const db = admin()
    await db.connect()
    await db.query(`INSERT INTO "${schema}".organisations (slug, name) VALUES ('acme', 'Acme')`)
    await db.end()
  })
  afterAll(async () => {
    const client = admin()
    await client.connect()
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
    await client.end()
    await rm(dir, { recursive: true, force: true })
  })

  it('imports an export, shows progress, and a second run creates nothing', async () => {
    const file = join(projectRoot, 'test/import/fixtures/statuspage-export.json')
    const first = await runCli(['import', 'statuspage', file, '--org', 'acme'], env)
    expect(first.stderr).toContain('incidents: 3/3 (100%)')
    expect(first.stdout).toContain('created: pages 1, groups 2, components 4, incidents 3')
    expect(first.stdout).toContain('sms subscriptions have no Candor channel')
    expect(first.code).toBe(0)
    const second = await runCli(['import', 'statuspage', file, '--json'], env)
    expect(second.code).toBe(0)
    expect(JSON.parse(second.stdout)).toMatchObject({ created: {}, updated: { pages: 1, incidents: 3 } })
  })

  it('reads kuma.db, and a dry run says what it would create', async () => {
    const path = join(dir, 'kuma.db')
    await writeFile(path, await kumaDb())
    const dry = await runCli(['import', 'uptime-kuma', '--db', path, '--dry-run'], env)
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain('Dry run of the uptime-kuma import: nothing was written.')
    expect(dry.stdout).toContain('maintenance "Weekly backups": a "recurring-weekday" window has no fixed time')
  })

  it('says clearly what is wrong with bad input and exits non-zero', async () => {
    const bad = join(dir, 'bad.json')
    await writeFile(bad, '{"users": [{"id": 1}]')
    const notJson = await runCli(['import', 'pagerduty', bad], env)
    expect(notJson).toMatchObject({ code: 1, stdout: '' })
    expect(notJson.stderr).toContain('is not valid JSON')
    await writeFile(bad, '{"users": [{"id": "P1"}]}')
    const wrongShape = await runCli(['import', 'pagerduty', bad], env)
    expect(wrongShape.code).toBe(1)
    expect(wrongShape.stderr).toContain('The PagerDuty export is not in the expected format')
    expect(wrongShape.stderr).toContain('users.0.email')
    const noInput = await runCli(['import', 'opsgenie'], env)
    expect(noInput).toMatchObject({ code: 2 })
    expect(noInput.stderr).toContain('say what to import from opsgenie')
  })
})

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { postgresUrl } from '../support/databases.js'
import { runCli, startServer } from '../support/server-process.js'

const token = 'copy-test-token-0123456789'
const auth = { authorization: `Bearer ${token}` }
const dirs = () => mkdtempSync(join(tmpdir(), 'candor-db-copy-'))

/** What a user and a customer see: the API's lists and the public status page's JSON. */
async function seen(base: string) {
  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`, { headers: auth })
    expect(response.status, path).toBe(200)
    // biome-ignore lint/suspicious/noExplicitAny: these checks compare whatever the server answered
    return (await response.json()) as any
  }
  const summary = await get('/api/v2/summary.json')
  delete summary.page.updated_at
  return {
    incidents: await get('/api/incidents'),
    components: await get('/api/components'),
    maintenances: await get('/api/maintenances'),
    summary,
  }
}

describe.skipIf(!postgresUrl())('candor db copy from the embedded database into PostgreSQL', () => {
  const schema = `copy_${Date.now()}`
  const admin = () => new pg.Client({ connectionString: postgresUrl()! })
  afterAll(async () => {
    const client = admin()
    await client.connect()
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await client.end()
  })

  it('copies everything, verifies it, and the copy starts and serves the same data', { timeout: 300_000 }, async () => {
    const client = admin()
    await client.connect()
    await client.query(`CREATE SCHEMA ${schema}`)
    await client.end()
    const url = `${postgresUrl()}?options=-c%20search_path%3D${schema}`
    const data = join(dirs(), 'data')
    const server = await startServer({ env: { DATA_DIR: data, CANDOR_BOOTSTRAP_TOKEN: token } })
    let before: Awaited<ReturnType<typeof seen>>
    try {
      const page = ((await (await fetch(`${server.url}/api/pages`, { headers: auth })).json()) as { id: string }[])[0]!
      const created = await fetch(`${server.url}/api/incidents`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Copy test', page_id: page.id, severity: 2, body: 'Checking the move.' }),
      })
      expect(created.status).toBe(201)
      // While Candor runs, its data folder is its own: the copy says so instead of reading it.
      const busy = await runCli(['db', 'copy', '--from', data, '--to', url], {})
      expect(busy).toMatchObject({ code: 1, stderr: expect.stringMatching(/in use by another process \(pid \d+\)/) })
      before = await seen(server.url)
    } finally {
      await server.stop()
    }

    const copied = await runCli(['db', 'copy', '--from', data, '--to', url], {})
    expect(copied.stdout).toMatch(/Copied \d+ rows in \d+ tables from .* every table's row count matches/)
    expect(copied.stdout).not.toContain(postgresUrl()!.includes('@') ? 'password' : '\u0000')
    expect(copied.code).toBe(0)
    expect(copied.stderr).toMatch(/candor db copy: checking every table's row count/)

    const onPostgres = await startServer({ env: { DATABASE_URL: url } })
    try {
      // Same rows, same token (the copy carries the instance secret and the token hashes), no second demo.
      expect(await seen(onPostgres.url)).toEqual(before!)
    } finally {
      await onPostgres.stop()
    }

    const refused = await runCli(['db', 'copy', '--from', data, '--to', url], {})
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/the target already holds Candor data: .* Add --force to replace all of it/)
    const bad = [
      [['db', 'copy', '--from', data], /--from and --to are required/],
      [['db', 'copy', '--from', data, '--to', 'mysql://db/candor'], /only postgres:\/\/ URLs and data folders/],
      [['db', 'copy', '--from', join(data, 'nope'), '--to', url], /there is no folder/],
      [['db', 'copy', '--from', data, '--to', data], /name the same database/],
      [['db', 'move'], /say "candor db copy"/],
    ] as const
    for (const [args, message] of bad) {
      const result = await runCli([...args], {})
      expect({ args, code: result.code, stderr: result.stderr }).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(message),
      })
    }
  })
})

import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { postgresUrl } from '../support/databases.js'
import { runCli, startServer } from '../support/server-process.js'

const token = 'start-test-token-0123456789'
const auth = { authorization: `Bearer ${token}` }

async function getJson(url: string) {
  const response = await fetch(url, { headers: auth })
  // biome-ignore lint/suspicious/noExplicitAny: these checks read whatever the server answered
  return { status: response.status, body: (await response.json()) as any }
}

describe('the built server, started as `npm start` starts it', () => {
  it(
    'migrates, seeds the demo on first start only, serves ' + '/healthz, keeps data, and stops cleanly on Ctrl-C',
    async () => {
      const dataDir = join(mkdtempSync(join(tmpdir(), 'candor-start-')), 'data')
      const env = { DATA_DIR: dataDir, CANDOR_BOOTSTRAP_TOKEN: token }
      const first = await startServer({ env, viaNpm: true })
      try {
        expect(first.output()).toMatch(/Candor is running at http:\/\/127\.0\.0\.1:\d+/)
        const health = await getJson(`${first.url}/healthz`)
        expect(health).toMatchObject({
          status: 200,
          body: { status: 'ok', database: { engine: 'pglite', reachable: true } },
        })
        const pages = (await getJson(`${first.url}/api/pages`)).body
        expect(pages.map((p: { name: string }) => p.name)).toEqual(['Acme Cloud'])
        const home = await fetch(`${first.url}/`)
        expect(home.status).toBe(200)
        const html = await home.text()
        expect(html).toContain('Acme Cloud')
        expect(html).toContain('Database maintenance')
        const history = await (await fetch(`${first.url}/history`)).text()
        expect(history).toContain('Elevated API error rates in the EU')
        const components = (await getJson(`${first.url}/api/components`)).body
        const groups = (await getJson(`${first.url}/api/component-groups`)).body
        expect(components).toHaveLength(8)
        expect(groups).toHaveLength(3)
        const incidents = (await getJson(`${first.url}/api/incidents`)).body
        expect(incidents).toHaveLength(1)
        expect(incidents[0]).toMatchObject({ status: 'resolved' })
        expect(incidents[0].updates).toHaveLength(3)
        const maintenances = (await getJson(`${first.url}/api/maintenances`)).body
        expect(maintenances).toHaveLength(1)
        expect(new Date(maintenances[0].scheduled_for).getTime()).toBeGreaterThan(Date.now())
      } finally {
        // npm itself dies of the SIGINT (as in a terminal); what matters is that Candor closed cleanly.
        await first.stop('SIGINT')
      }
      expect(first.output()).toMatch(/Candor stopped/)

      const second = await startServer({ env })
      try {
        const pages = (await getJson(`${second.url}/api/pages`)).body
        expect(pages).toHaveLength(1)
        expect((await getJson(`${second.url}/api/incidents`)).body).toHaveLength(1)
      } finally {
        expect(await second.stop('SIGTERM')).toBe(0)
      }
    },
  )

  it('runs on PostgreSQL when DATABASE_URL is set', async (context) => {
    const url = postgresUrl()
    if (!url) return context.skip()
    const schema = `start_${Date.now()}`
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    await admin.query(`CREATE SCHEMA ${schema}`)
    try {
      const owner = { email: 'ops-lead@example.com', password: 'correct horse battery staple' }
      const server = await startServer({
        env: {
          DATABASE_URL: `${url}?options=-c%20search_path%3D${schema}`,
          CANDOR_BOOTSTRAP_TOKEN: token,
          CANDOR_ADMIN_EMAIL: owner.email,
          CANDOR_ADMIN_PASSWORD: owner.password,
        },
      })
      try {
        expect((await getJson(`${server.url}/healthz`)).body.database).toEqual({ engine: 'postgres', reachable: true })
        expect((await getJson(`${server.url}/api/components`)).body).toHaveLength(8)
        // CANDOR_ADMIN_EMAIL / CANDOR_ADMIN_PASSWORD make the first owner instead of a printed one-time link.
        expect(server.output()).toContain(`Owner account ${owner.email} created with the configured password.`)
        expect(server.output()).not.toContain(owner.password)
        const signIn = await fetch(`${server.url}/api/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(owner),
        })
        expect(signIn.status).toBe(200)
        expect(await signIn.json()).toMatchObject({ role: 'owner', organisation: { name: 'Acme Cloud' } })
      } finally {
        expect(await server.stop()).toBe(0)
      }
      const migrated = await runCli(['migrate'], { DATABASE_URL: `${url}?options=-c%20search_path%3D${schema}` })
      expect(migrated).toMatchObject({ code: 0, stdout: expect.stringMatching(/up to date/) })
    } finally {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`)
      await admin.end()
    }
  })
})

describe('bad configuration and storage stop the start with one clear line', () => {
  const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /)

  it('names each bad environment value', async () => {
    const result = await runCli(['serve'], {
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'candor-')),
    })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/PORT: must be a number/)
    expect(result.stderr).toMatch(/LOG_LEVEL: must be one of/)
    noStack(result.stderr)
  })

  it('refuses a weak CANDOR_ADMIN_PASSWORD before touching the data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-'))
    const result = await runCli(['serve'], {
      CANDOR_ADMIN_EMAIL: 'owner@example.com',
      CANDOR_ADMIN_PASSWORD: 'password',
      DATA_DIR: join(dir, 'data'),
    })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/CANDOR_ADMIN_PASSWORD: must be at least/)
    expect(existsSync(join(dir, 'data'))).toBe(false)
    noStack(result.stderr)
  })

  it('refuses unknown keys in candor.config.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-'))
    writeFileSync(join(dir, 'candor.config.json'), JSON.stringify({ prot: 3000 }))
    const result = await runCli(['migrate'], {
      CANDOR_CONFIG: join(dir, 'candor.config.json'),
      DATA_DIR: join(dir, 'data'),
    })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/unknown setting\(s\) prot/)
    noStack(result.stderr)
  })

  it('says when DATABASE_URL cannot connect', async () => {
    const result = await runCli(['serve'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nothing' })
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toMatch(
      /^candor: cannot connect to DATABASE_URL postgres:\/\/postgres@127\.0\.0\.1:1\/nothing: .*ECONNREFUSED/,
    )
    noStack(result.stderr)
  })

  it('refuses a foreign data directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-'))
    writeFileSync(join(dir, 'notes.txt'), 'my files')
    const result = await runCli(['serve'], { DATA_DIR: dir })
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toMatch(/^candor: DATA_DIR .* is not a Candor data directory/)
    writeFileSync(join(dir, 'PG_VERSION'), '15\n')
    const postgres15 = await runCli(['serve'], { DATA_DIR: dir })
    expect(postgres15.stderr.trim()).toMatch(/was created by PostgreSQL 15/)
  })

  it('refuses a corrupt data directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-'))
    writeFileSync(join(dir, 'PG_VERSION'), '17\n')
    mkdirSync(join(dir, 'global'))
    writeFileSync(join(dir, 'global', 'pg_control'), 'garbage')
    const result = await runCli(['serve'], { DATA_DIR: dir })
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toMatch(/^candor: the embedded database in .* could not be opened/)
    noStack(result.stderr)
  })
})

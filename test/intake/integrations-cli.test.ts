import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/store/database.js'
import { migrate } from '../../src/store/migrate.js'
import { createStore } from '../../src/store/store.js'
import { runCli } from '../support/server-process.js'

describe('candor integrations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'candor-cli-intake-'))
  const dataDir = join(dir, 'data')
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('creates an integration, prints its key once, lists it without the key and deletes it', {
    timeout: 180_000,
  }, async () => {
    const database = await openDatabase({ dataDir })
    await migrate(database)
    await createStore(database.db).organisations.create({ slug: 'acme', name: 'Acme' })
    await database.close()
    const env = { DATA_DIR: dataDir, BASE_URL: 'https://status.acme.test' }

    const created = await runCli(['integrations', 'create', '--kind', 'pagerduty', '--name', 'Datadog', '--json'], env)
    expect(created.stderr).toBe('')
    expect(created.code).toBe(0)
    const integration = JSON.parse(created.stdout)
    expect(integration).toMatchObject({
      kind: 'pagerduty',
      name: 'Datadog',
      url: 'https://status.acme.test/v2/enqueue',
      routing_key: integration.key,
    })

    const listed = await runCli(['integrations', 'list', '--org', 'acme'], env)
    expect(listed.stdout).toContain(integration.id)
    expect(listed.stdout).not.toContain(integration.key)

    expect((await runCli(['integrations', 'delete', '--id', integration.id], env)).code).toBe(0)
    expect((await runCli(['integrations', 'list', '--json'], env)).stdout.trim()).toBe('[]')
  })

  it('says what is wrong in one line', { timeout: 120_000 }, async () => {
    const missing = await runCli(['integrations', 'create', '--kind', 'webhook'], { DATA_DIR: dataDir })
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('--kind and --name are required')
    const badKind = await runCli(['integrations', 'create', '--kind', 'pager', '--name', 'x'], { DATA_DIR: dataDir })
    expect(badKind.code).toBe(1)
    expect(badKind.stderr).toContain('kind: must be one of alertmanager, pagerduty, webhook, email')
  })
})

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../support/server-process.js'

describe('candor orgs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'candor-cli-orgs-'))
  const env = { DATA_DIR: join(dir, 'data'), BASE_URL: 'https://candor.example' }
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('creates organisations with an owner invitation, lists, renames and deletes them, refusing mistakes', {
    timeout: 180_000,
  }, async () => {
    const first = await runCli(['orgs', 'create', '--slug', 'acme', '--name', 'Acme', '--owner', 'a@acme.example'], env)
    expect(first.code).toBe(0)
    const created = await runCli(
      ['orgs', 'create', '--slug', 'globex', '--name', 'Globex', '--owner', 'hank@globex.example', '--json'],
      env,
    )
    expect(created.code, created.stderr).toBe(0)
    const globex = JSON.parse(created.stdout)
    expect(globex.owner_invitation.accept_url).toMatch(/^https:\/\/candor\.example\/invitations\/accept\?token=/)

    const again = await runCli(['orgs', 'create', '--slug', 'globex', '--name', 'G', '--owner', 'x@g.example'], env)
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('The slug "globex" is taken')
    expect((await runCli(['orgs', 'create', '--slug', 'x'], env)).code).toBe(2)

    expect((await runCli(['orgs', 'rename', '--org', 'globex', '--name', 'Globex Corp'], env)).code).toBe(0)
    const listed = JSON.parse((await runCli(['orgs', 'list', '--json'], env)).stdout)
    expect(listed.map((o: { slug: string; name: string }) => `${o.slug} ${o.name}`)).toEqual([
      'acme Acme',
      'globex Globex Corp',
    ])

    const wrong = await runCli(['orgs', 'delete', '--org', 'globex', '--confirm', 'acme'], env)
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toContain('must be "globex"')
    expect((await runCli(['orgs', 'delete', '--org', 'globex', '--confirm', 'globex'], env)).code).toBe(0)
    const last = await runCli(['orgs', 'delete', '--org', 'acme', '--confirm', 'acme'], env)
    expect(last.code).toBe(1)
    expect(last.stderr).toContain('The last organisation cannot be deleted')
  })
})

import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { seedDemo } from '../../src/app/seed-demo.js'
import { exportStatusPage } from '../../src/cli/commands/export.js'
import { forEachDatabase } from '../support/databases.js'
import { runCli } from '../support/server-process.js'
import { createTestApp } from '../support/test-app.js'

async function filesUnder(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) out.push(...(await filesUnder(join(dir, entry.name), `${prefix}${entry.name}/`)))
    else out.push(prefix + entry.name)
  }
  return out
}

forEachDatabase((engine) => {
  describe('candor export', () => {
    it('writes the demo page as a static site with its JSON API, feeds and assets, reporting progress', async () => {
      const t = await createTestApp(engine)
      await seedDemo(t.deps, t.clock.now)
      const out = await mkdtemp(join(tmpdir(), 'candor-export-'))
      try {
        const progress: number[] = []
        const result = await exportStatusPage({
          database: t.database,
          baseUrl: 'http://status.test',
          slug: 'acme-cloud',
          outDir: out,
          url: 'https://mirror.example/status/',
          now: t.clock.now,
          progress: (written) => progress.push(written),
        })
        const files = await filesUnder(out)
        expect(files).toEqual(
          expect.arrayContaining([
            'index.html',
            'history/index.html',
            'api/v2/summary.json',
            'history.atom',
            'maintenances.ics',
            'assets/status.css',
            'widget.js',
          ]),
        )
        expect(files.filter((f) => f.startsWith('incidents/'))).toHaveLength(2)
        expect(result.files).toBe(files.length)
        expect(progress.at(-1)).toBe(files.length)
        const summary = JSON.parse(await readFile(join(out, 'api/v2/summary.json'), 'utf8'))
        expect(summary.page).toMatchObject({ name: 'Acme Cloud', url: 'https://mirror.example/status' })
        expect(summary.components).toHaveLength(11)
        const home = await readFile(join(out, 'index.html'), 'utf8')
        expect(home).toContain('<link rel="stylesheet" href="assets/status.css">')
        expect(home).not.toContain('data-live=')
      } finally {
        await rm(out, { recursive: true, force: true })
      }
    })

    it('says which page it could not find', async () => {
      const t = await createTestApp(engine)
      await expect(
        exportStatusPage({
          database: t.database,
          baseUrl: 'http://status.test',
          slug: 'nope',
          outDir: tmpdir(),
          now: t.clock.now,
        }),
      ).rejects.toThrow('there is no status page with the slug "nope"')
    })
  })
})

describe('candor export (built command)', () => {
  it('explains its usage when --page or --out is missing', async () => {
    const result = await runCli(['export', '--out', '/tmp/x'], {})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('candor: --page and --out are required')
  })
})

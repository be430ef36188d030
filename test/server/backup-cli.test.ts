import { mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { seedDemo } from '../../src/app/seed-demo.js'
import { loadConfig } from '../../src/config.js'
import { createLogger } from '../../src/logger.js'
import { openDatabase } from '../../src/store/database.js'
import { migrate } from '../../src/store/migrate.js'
import { buildDeps } from '../../src/wiring/build-deps.js'
import { runCli } from '../support/server-process.js'

const dirs = () => mkdtempSync(join(tmpdir(), 'candor-backup-cli-'))

describe('candor backup / restore on the embedded database', () => {
  // The exact round trip of every row is test/store/transfer-*.test.ts's; this is the command as a user runs it.
  it('round-trips an install through a file, refuses a non-empty target and bad arguments', {
    timeout: 300_000,
  }, async () => {
    const root = dirs()
    const data = join(root, 'data')
    // An install as a first start leaves it (migrated, the demo organisation), made in this process.
    const database = await openDatabase({ dataDir: data })
    await migrate(database)
    await seedDemo(
      await buildDeps(database, loadConfig({ LOG_LEVEL: 'silent' }, '/nonexistent'), createLogger('silent')),
      new Date(),
    )
    await database.close()
    const file = join(root, 'nightly.candor.gz')
    const backup = await runCli(['backup', '--to', file], { DATA_DIR: data })
    expect(backup.stderr + backup.stdout).toMatch(/Backed up \d+ rows in \d+ tables of .* to .*nightly\.candor\.gz/)
    expect(backup.code).toBe(0)
    // It holds the instance secret and password hashes.
    expect(statSync(file).mode & 0o777).toBe(0o600)
    // Without a terminal, progress is a line per phase (and every few seconds), never a carriage return.
    expect(backup.stderr).toMatch(/^candor backup: preparing/m)
    expect(backup.stderr).not.toContain('\r')
    expect(await runCli(['backup', '--to', file], { DATA_DIR: data })).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/already exists: .*--force/),
    })

    const restoredDir = join(root, 'restored')
    const restored = await runCli(['restore', '--from', file], { DATA_DIR: restoredDir })
    expect(restored.stdout).toMatch(/Restored \d+ rows in \d+ tables from .* every table's row count matches/)
    expect(restored.code).toBe(0)
    const again = await runCli(['restore', '--from', file], { DATA_DIR: restoredDir })
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/candor: the target already holds Candor data: \d+ rows in \d+ tables .*--force/)
    expect(again.stderr).not.toMatch(/\n\s+at /)

    const junk = join(root, 'junk.gz')
    writeFileSync(junk, 'not a backup')
    const bad = [
      [['restore'], 2, /--from FILE is required/],
      [['restore', '--from', join(root, 'none.gz')], 1, /there is no file/],
      [['restore', '--from', junk], 1, /not a usable Candor backup: it is not a gzip file/],
      [['backup', '--to', join(root, 'no', 'such', 'dir.gz')], 2, /there is no folder/],
      [['backup', '--to', file, '--fast'], 2, /Unknown option '--fast'/],
    ] as const
    for (const [args, code, message] of bad) {
      const result = await runCli([...args], { DATA_DIR: restoredDir })
      expect({ args, code: result.code, stderr: result.stderr }).toMatchObject({
        code,
        stderr: expect.stringMatching(message),
      })
    }
  })
})

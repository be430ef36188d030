import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { backupDatabase, restoreBackup } from '../../src/store/transfer/index.js'
import { openTestDatabase, postgresUrl } from '../support/databases.js'
import { contents, populated, tmp } from './transfer-suite.js'

describe.skipIf(!postgresUrl())('across engines', () => {
  it('a backup of the embedded database restores into PostgreSQL and back', async () => {
    const source = await populated('pglite')
    const file = join(tmp(), 'b.gz')
    await backupDatabase(source.database, file)
    const onPostgres = await openTestDatabase('postgres', { migrate: false })
    await restoreBackup(onPostgres, file, { force: false })
    const expected = await contents(source.database)
    expect(await contents(onPostgres)).toEqual(expected)
    const back = join(tmp(), 'back.gz')
    await backupDatabase(onPostgres, back)
    const onPglite = await openTestDatabase('pglite', { migrate: false })
    await restoreBackup(onPglite, back, { force: false })
    expect(await contents(onPglite)).toEqual(expected)
  })
})

import { loadConfig } from '../../config.js'
import { openDatabase } from '../../store/database.js'
import { migrate } from '../../store/migrate.js'
import type { Command } from '../command.js'

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Apply pending database migrations and exit',
  usage: 'candor migrate',
  async run() {
    const config = loadConfig()
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
    try {
      const result = await migrate(database, (name) => console.log(`applied ${name}`))
      console.log(
        result.applied.length ? `${result.applied.length} migration(s) applied` : 'the database is up to date',
      )
    } finally {
      await database.close()
    }
  },
}

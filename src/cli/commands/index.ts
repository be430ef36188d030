import type { Command } from '../command.js'
import { backupCommand, restoreCommand } from './backup.js'
import { dbCommand } from './db.js'
import { deliverCommand } from './deliver.js'
import { exportCommand } from './export.js'
import { importCommand } from './import.js'
import { integrationsCommand } from './integrations.js'
import { migrateCommand } from './migrate.js'
import { organisationsCommand } from './organisations.js'
import { serveCommand } from './serve.js'
import { subscribersCommand } from './subscribers.js'

/** Each feature adds its command here. */
export const commands: Command[] = [
  serveCommand,
  migrateCommand,
  exportCommand,
  integrationsCommand,
  subscribersCommand,
  deliverCommand,
  organisationsCommand,
  importCommand,
  backupCommand,
  restoreCommand,
  dbCommand,
]

import type { Kysely, Transaction } from 'kysely'
import type { AccountTables } from './accounts.js'
import type { AlertTables } from './alerts.js'
import type { CoreTables } from './core.js'
import type { ImportTables } from './imports.js'
import type { KeyCustomerTables } from './key-customers.js'
import type { LearningTables } from './learning.js'
import type { OncallTables } from './oncall.js'
import type { ProcessTables } from './process.js'
import type { SubscriberTables } from './subscribers.js'
import type { TemplateTables } from './templates.js'

/**
 * Every feature adds its tables in its own file under schema/ and one `extends` here,
 * so features don't edit each other's types.
 */
export interface Database
  extends AccountTables,
    AlertTables,
    CoreTables,
    SubscriberTables,
    ProcessTables,
    OncallTables,
    ImportTables,
    LearningTables,
    TemplateTables,
    KeyCustomerTables {}

export type Db = Kysely<Database>
export type Tx = Transaction<Database>
/** Either the root handle or a transaction: store functions accept both. */
export type Executor = Kysely<Database>

export function json(value: unknown): string {
  return JSON.stringify(value)
}

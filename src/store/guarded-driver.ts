import type { DatabaseConnection, Dialect, Driver, Kysely, TransactionSettings } from 'kysely'
import { currentOperation, currentTransaction, TransactionRuleError } from './transaction-scope.js'

export class ConnectionWaitError extends Error {
  override name = 'ConnectionWaitError'
  readonly code = 'CANDOR_CONNECTION_WAIT'
}

/**
 * Every query that needs a connection asks the driver for one; a query made on the root
 * handle while a transaction is open is a second database call inside that transaction,
 * which on PGlite's one connection would wait for ever: it fails at once, naming both.
 */
class GuardedDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly acquireTimeoutMs: number,
  ) {}

  init() {
    return this.inner.init()
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const scope = currentTransaction()
    if (scope) {
      throw new TransactionRuleError(
        `a second database call inside the transaction of "${scope.name}": use the transaction's executor`,
      )
    }
    let timer: NodeJS.Timeout | undefined
    let isAbandoned = false
    const acquiring = this.inner.acquireConnection()
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        isAbandoned = true
        const who = currentOperation() ?? 'an unnamed operation'
        reject(new ConnectionWaitError(`${who} waited ${this.acquireTimeoutMs} ms for a database connection`))
      }, this.acquireTimeoutMs)
    })
    // A connection granted after we gave up goes straight back, or the pool would shrink by one.
    acquiring.then(
      (connection) => isAbandoned && void this.inner.releaseConnection(connection),
      () => undefined,
    )
    try {
      return await Promise.race([acquiring, timeout])
    } finally {
      clearTimeout(timer)
    }
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    return this.inner.beginTransaction(connection, settings)
  }
  commitTransaction(connection: DatabaseConnection) {
    return this.inner.commitTransaction(connection)
  }
  rollbackTransaction(connection: DatabaseConnection) {
    return this.inner.rollbackTransaction(connection)
  }
  releaseConnection(connection: DatabaseConnection) {
    return this.inner.releaseConnection(connection)
  }
  destroy() {
    return this.inner.destroy()
  }
}

/** Wraps a dialect so its driver refuses nested calls and bounds the wait for a connection. */
export function guardedDialect(inner: Dialect, options: { acquireTimeoutMs: number }): Dialect {
  return {
    createAdapter: () => inner.createAdapter(),
    createDriver: () => new GuardedDriver(inner.createDriver(), options.acquireTimeoutMs),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createIntrospector: (db: Kysely<unknown>) => inner.createIntrospector(db),
  }
}

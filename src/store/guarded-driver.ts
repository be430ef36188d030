import type { CompiledQuery, DatabaseConnection, Dialect, Driver, Kysely, TransactionSettings } from 'kysely'
import { owedChangeAuditOfAnyOrg } from './change-audit.js'
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
      return watchedForUnauditedWrites(await Promise.race([acquiring, timeout]))
    } finally {
      clearTimeout(timer)
    }
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    return this.inner.beginTransaction(unwrap(connection), settings)
  }
  commitTransaction(connection: DatabaseConnection) {
    return this.inner.commitTransaction(unwrap(connection))
  }
  rollbackTransaction(connection: DatabaseConnection) {
    return this.inner.rollbackTransaction(unwrap(connection))
  }
  releaseConnection(connection: DatabaseConnection) {
    return this.inner.releaseConnection(unwrap(connection))
  }
  destroy() {
    return this.inner.destroy()
  }
}

const writeSql = /^\s*(with\b[\s\S]*\b)?(insert|update|delete|merge)\b/i

/**
 * A change that owes an audit row (`change-audit.ts`) must make it in a transaction, where the
 * row commits with it. A write outside one is a bug: refused under test, where every route is
 * exercised, and logged loudly elsewhere rather than failing a user's request.
 */
const innerOf = new WeakMap<DatabaseConnection, DatabaseConnection>()
/** The dialect's own connection: its driver keeps private state on it. */
const unwrap = (connection: DatabaseConnection) => innerOf.get(connection) ?? connection

function watchedForUnauditedWrites(connection: DatabaseConnection): DatabaseConnection {
  const check = (query: CompiledQuery) => {
    const audit = owedChangeAuditOfAnyOrg()
    if (!audit || currentTransaction() || !writeSql.test(query.sql)) return
    audit.wroteOutsideTransaction = true
    if (process.env.VITEST)
      throw new TransactionRuleError(
        `"${audit.record.action}" changed data outside a transaction: its audit row cannot commit with it`,
      )
  }
  const watched: DatabaseConnection = {
    executeQuery(query) {
      check(query)
      return connection.executeQuery(query)
    },
    streamQuery(query, chunkSize) {
      check(query)
      return connection.streamQuery(query, chunkSize)
    },
  }
  innerOf.set(watched, connection)
  return watched
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

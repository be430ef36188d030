import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
} from 'kysely'
import type { Db, Executor } from './schema/index.js'
import { currentOperation, runInTransactionScope, type TransactionScope } from './transaction-scope.js'

export class TransactionTimeoutError extends Error {
  override name = 'TransactionTimeoutError'
  readonly code = 'CANDOR_TRANSACTION_TIMEOUT'
}

export interface TransactionLimits {
  /** The longest a transaction may stay open; past it, it is rolled back and the caller gets an error. */
  timeoutMs: number
  logger?: { error(fields: object, message: string): void }
}

/** Refuses queries on a transaction whose time ran out, so a late query cannot run after its rollback. */
class ExpiryGuard implements KyselyPlugin {
  constructor(private readonly scope: TransactionScope) {}
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (this.scope.isExpired) {
      throw new TransactionTimeoutError(
        `the transaction of "${this.scope.name}" ran out of time; this query was refused`,
      )
    }
    return node
  }
  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<Record<string, unknown>>> {
    return result
  }
}

/**
 * The one way to open a transaction: named (for the log), time-limited, and run in a scope
 * that makes a second database call or a network send inside it fail at once.
 */
export async function runTransaction<T>(
  db: Db,
  limits: TransactionLimits,
  name: string | undefined,
  fn: (trx: Executor) => Promise<T>,
): Promise<T> {
  const scope: TransactionScope = {
    name: name ?? currentOperation() ?? 'unnamed transaction',
    startedAt: Date.now(),
    isActive: true,
    isExpired: false,
  }
  let timer: NodeJS.Timeout | undefined
  try {
    return await db.transaction().execute(async (trx) => {
      const expired = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          scope.isExpired = true
          const error = new TransactionTimeoutError(
            `the transaction of "${scope.name}" was still open after ${limits.timeoutMs} ms and was rolled back`,
          )
          limits.logger?.error({ useCase: scope.name, limitMs: limits.timeoutMs }, error.message)
          reject(error)
        }, limits.timeoutMs)
      })
      const guarded = trx.withPlugin(new ExpiryGuard(scope)) as unknown as Executor
      return Promise.race([runInTransactionScope(scope, () => fn(guarded)), expired])
    })
  } finally {
    scope.isActive = false
    clearTimeout(timer)
  }
}

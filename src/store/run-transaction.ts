import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
} from 'kysely'
import { auditStore } from './audit-store.js'
import { auditRowFor, owedChangeAudit } from './change-audit.js'
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

const writeKinds = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode'])
const writeSql = /\b(insert|update|delete|merge)\b/i

/** Whether a query may change data: an audit row is owed only by a transaction that changed something. */
function mayWrite(node: RootOperationNode): boolean {
  if (writeKinds.has(node.kind)) return true
  if (node.kind === 'RawNode') return writeSql.test(node.sqlFragments.join(' '))
  return node.kind === 'SelectQueryNode' && node.with !== undefined
}

/**
 * Refuses queries on a transaction whose time ran out, so a late query cannot run after its
 * rollback, and notes whether the transaction changed any row: only a change owes an audit row
 * (an update of another tenant's id changes nothing, and its request answers 404).
 */
class TransactionGuard implements KyselyPlugin {
  wrote = false
  private readonly writes = new WeakSet<object>()
  constructor(private readonly scope: TransactionScope) {}
  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    if (this.scope.isExpired) {
      throw new TransactionTimeoutError(
        `the transaction of "${this.scope.name}" ran out of time; this query was refused`,
      )
    }
    if (!this.wrote && mayWrite(node)) this.writes.add(queryId)
    return node
  }
  async transformResult({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<Record<string, unknown>>> {
    if (!this.wrote && this.writes.has(queryId))
      this.wrote = (result.numAffectedRows ?? 0n) > 0n || result.rows.length > 0
    return result
  }
}

/**
 * The one way to open a transaction: named (for the log), time-limited, and run in a scope
 * that makes a second database call or a network send inside it fail at once. A transaction of
 * one organisation (`orgId`) that writes also appends the audit row its caller owes
 * (`change-audit.ts`), before commit.
 */
export async function runTransaction<T>(
  db: Db,
  limits: TransactionLimits,
  name: string | undefined,
  fn: (trx: Executor) => Promise<T>,
  orgId?: string,
): Promise<T> {
  const scope: TransactionScope = {
    name: name ?? currentOperation() ?? 'unnamed transaction',
    startedAt: Date.now(),
    isActive: true,
    isExpired: false,
  }
  let timer: NodeJS.Timeout | undefined
  const audit = orgId === undefined ? undefined : owedChangeAudit(orgId)
  let audited = false
  try {
    const result = await db.transaction().execute(async (trx) => {
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
      const guard = new TransactionGuard(scope)
      const guarded = trx.withPlugin(guard) as unknown as Executor
      const work = async () => {
        const value = await fn(guarded)
        if (audit && orgId !== undefined && guard.wrote) {
          await auditStore(guarded, orgId).append(auditRowFor(audit, value))
          audited = true
        }
        return value
      }
      return Promise.race([runInTransactionScope(scope, work), expired])
    })
    if (audit && audited) audit.written = true
    return result
  } finally {
    scope.isActive = false
    clearTimeout(timer)
  }
}

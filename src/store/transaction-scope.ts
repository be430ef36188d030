import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * What runs inside a database transaction, known wherever the code goes: PGlite has one
 * connection, so a second database call or a network wait inside a transaction would wait
 * for ever. Both are refused at once instead, naming the use case.
 */
export interface TransactionScope {
  /** The use case that opened the transaction ("POST /api/incidents", "delivery: ack batch"). */
  readonly name: string
  readonly startedAt: number
  /** False once the transaction has ended: work it spawned may go on without it. */
  isActive: boolean
  /** Set when the time limit passed: whatever the use case still does is refused, in or out of it. */
  isExpired: boolean
}

const scopes = new AsyncLocalStorage<TransactionScope>()
const operations = new AsyncLocalStorage<string>()

export function currentTransaction(): TransactionScope | undefined {
  const scope = scopes.getStore()
  return scope && (scope.isActive || scope.isExpired) ? scope : undefined
}

export function runInTransactionScope<T>(scope: TransactionScope, fn: () => Promise<T>): Promise<T> {
  return scopes.run(scope, fn)
}

/** Names what the code below is doing (a route, a background job), for the transactions it opens. */
export function runOperation<T>(name: string, fn: () => T): T {
  return operations.run(name, fn)
}

export function currentOperation(): string | undefined {
  return operations.getStore()
}

export class TransactionRuleError extends Error {
  override name = 'TransactionRuleError'
}

/** Channels call this before touching the network: a send inside a transaction is a bug, never a wait. */
export function assertOutsideTransaction(what: string): void {
  const scope = currentTransaction()
  if (scope) throw new TransactionRuleError(`${what} inside the transaction of "${scope.name}": send after commit`)
}

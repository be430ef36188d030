import { AsyncLocalStorage } from 'node:async_hooks'
import type { AuditRecord } from './audit-store.js'

/**
 * The audit row an edge (an API request) owes for the change it is about to make. The first
 * transaction of that organisation that writes something appends it before commit, so the change
 * and its audit row commit together or not at all.
 */
export interface ChangeAudit {
  readonly orgId: string
  /** Who, where, which route and the object before: all known before the change runs. */
  readonly record: Omit<AuditRecord, 'after'>
  /** The state after, from what the transaction returned: kept small and free of secrets by the edge. */
  readonly describeAfter: (result: unknown) => unknown
  /** Set once the transaction that holds the row has committed. */
  written: boolean
  /** Set when the change wrote outside any transaction, where no audit row could go with it. */
  wroteOutsideTransaction?: boolean
}

const audits = new AsyncLocalStorage<ChangeAudit>()

export function runWithChangeAudit<T>(audit: ChangeAudit, fn: () => T): T {
  return audits.run(audit, fn)
}

/** The audit row still owed by the code running now, if it belongs to this organisation. */
export function owedChangeAudit(orgId: string): ChangeAudit | undefined {
  const audit = audits.getStore()
  return audit && !audit.written && audit.orgId === orgId ? audit : undefined
}

export function owedChangeAuditOfAnyOrg(): ChangeAudit | undefined {
  const audit = audits.getStore()
  return audit && !audit.written ? audit : undefined
}

const auditedPart = Symbol('the part of a transaction result that the audit row keeps')

/**
 * Marks the part of a transaction's result that is the object after the change, when the
 * result also carries what is only needed after commit (events to announce, counts).
 */
export function withAuditedPart<T extends object>(result: T, part: unknown): T {
  Object.defineProperty(result, auditedPart, { value: part, enumerable: false })
  return result
}

/** The row to append, with the object's id taken from the result when the route did not name it. */
export function auditRowFor(audit: ChangeAudit, whole: unknown): AuditRecord {
  const result = whole && typeof whole === 'object' && auditedPart in whole ? whole[auditedPart] : whole
  const after = audit.describeAfter(result)
  const resultId =
    result && typeof result === 'object' && 'id' in result && typeof result.id === 'string' ? result.id : null
  return { ...audit.record, objectId: audit.record.objectId ?? resultId, after }
}

import type { OrgStore } from '../../store/store.js'
import type { AppContext } from '../context.js'

export interface AuditEntry {
  /** What happened, as `noun.verb`: `member.role_changed`, `token.created`. */
  action: string
  objectType?: string
  objectId?: string | null
  before?: unknown
  after?: unknown
}

/**
 * Writes one audit row in the caller's transaction, so the change and its record commit
 * together or not at all. Who, when and from where come from the context.
 */
export async function writeAudit(tx: Pick<OrgStore, 'accounts'>, ctx: AppContext, entry: AuditEntry): Promise<void> {
  await tx.accounts.audit.append({
    occurredAt: ctx.now,
    actorKind: ctx.actor.kind,
    actorId: ctx.actor.id,
    actorName: ctx.actor.name,
    ip: ctx.ip ?? null,
    userAgent: ctx.userAgent ?? null,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    before: redactSecrets(entry.before),
    after: redactSecrets(entry.after),
  })
}

const secretKey = /pass(word)?|secret|token|hash|nonce|accept_url|sign_in_url|^link$/i

/** Audit rows are read by admins and exported: secrets never go in, whoever calls. */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined || typeof value !== 'object') return value
  if (depth > 20) return '[too deep]'
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, depth + 1))
  if (value instanceof Date) return value
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      k,
      secretKey.test(k) && typeof v === 'string' ? '[redacted]' : redactSecrets(v, depth + 1),
    ]),
  )
}

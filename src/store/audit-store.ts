import { sql } from 'kysely'
import type { Executor } from './schema/index.js'
import { json } from './schema/index.js'

export interface AuditRecord {
  occurredAt: Date
  actorKind: string
  actorId: string
  actorName: string
  action: string
  objectType?: string | null
  objectId?: string | null
  ip?: string | null
  userAgent?: string | null
  before?: unknown
  after?: unknown
}

export interface AuditQuery {
  from?: Date
  to?: Date
  actorId?: string
  action?: string
  objectType?: string
  objectId?: string
  /** Rows older than this cursor (a `seq` from an earlier page). */
  before?: string
  limit: number
}

/** Append and read only: the table's trigger refuses updates and deletes. */
export function auditStore(db: Executor, orgId: string) {
  return {
    async append(record: AuditRecord) {
      await db
        .insertInto('audit_log')
        .values({
          org_id: orgId,
          occurred_at: record.occurredAt,
          actor_kind: record.actorKind,
          actor_id: record.actorId,
          actor_name: record.actorName,
          action: record.action,
          object_type: record.objectType ?? null,
          object_id: record.objectId ?? null,
          ip: record.ip ?? null,
          user_agent: record.userAgent?.slice(0, 500) ?? null,
          before: record.before === undefined ? null : json(record.before),
          after: record.after === undefined ? null : json(record.after),
        })
        .execute()
    },
    query(q: AuditQuery) {
      let query = db
        .selectFrom('audit_log')
        .select([
          'id',
          sql<string>`seq::text`.as('seq'),
          'occurred_at',
          'actor_kind',
          'actor_id',
          'actor_name',
          'action',
          'object_type',
          'object_id',
          'ip',
          'user_agent',
          'before',
          'after',
        ])
        .where('org_id', '=', orgId)
      if (q.from) query = query.where('occurred_at', '>=', q.from)
      if (q.to) query = query.where('occurred_at', '<', q.to)
      if (q.actorId) query = query.where('actor_id', '=', q.actorId)
      if (q.action) query = query.where('action', '=', q.action)
      if (q.objectType) query = query.where('object_type', '=', q.objectType)
      if (q.objectId) query = query.where('object_id', '=', q.objectId)
      if (q.before) query = query.where(sql`seq`, '<', sql`${q.before}::bigint`)
      return query.orderBy(sql`seq`, 'desc').limit(q.limit).execute()
    },
  }
}

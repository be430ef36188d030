import type { EscalationPolicy } from '../domain/oncall/escalation-policy.js'
import type { EscalationStatus } from '../domain/oncall/escalation.js'
import { sql } from 'kysely'
import type { Executor } from './schema/index.js'
import { json } from './schema/index.js'
import { textArray as texts, uuidArray as uuids } from './sql-arrays.js'

export interface PageStateWrite {
  status: EscalationStatus
  levelIndex: number
  round: number
  isExhausted: boolean
  dueAt: Date | null
  acknowledgedBy: string | null
  acknowledgedAt: Date | null
  resolvedAt: Date | null
}

export interface PageCreate {
  id: string
  policyId: string
  policy: EscalationPolicy
  summary: string
  details: string
  alertId: string | null
  incidentId: string | null
  /** A page for a group of alerts: later alerts of the group join it while it is open. */
  groupKey?: string | null
  state: PageStateWrite
  at: Date
}

export interface NotificationWrite {
  pageId: string
  userId: string
  contactMethodId: string | null
  kind: string
  address: string
  levelIndex: number
  round: number
  isFallback: boolean
  dueAt: Date
  /** In-app notifications are delivered by being written. */
  status?: 'pending' | 'sent'
}

/** Inserts stay under PostgreSQL's 65,535 bind parameters. */
function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size))
  return out
}

export function oncallPagesStore(db: Executor, orgId: string) {
  /** A notification as people read it: how sending went is the outbox row's, when it has one. */
  const notifications = () =>
    db
      .selectFrom('oncall_notifications as n')
      .leftJoin('deliveries as d', (join) => join.onRef('d.source_id', '=', 'n.id').on('d.kind', '=', 'page'))
      .select([
        'n.id',
        'n.page_id',
        'n.user_id',
        'n.kind',
        'n.address',
        'n.level_index',
        'n.is_fallback',
        'n.round',
        'n.due_at',
        'n.created_at',
        sql<string>`CASE WHEN d.id IS NULL THEN n.status WHEN d.status IN ('pending', 'sending') THEN 'pending'
          WHEN d.status = 'skipped' THEN 'cancelled' ELSE d.status END`.as('status'),
        sql<Date | null>`coalesce(d.sent_at, n.sent_at)`.as('sent_at'),
        sql<number>`coalesce(d.attempts, n.attempts)`.as('attempts'),
        sql<string | null>`coalesce(d.last_error, n.last_error)`.as('last_error'),
      ])
      .where('n.org_id', '=', orgId)
  const scoped = () => db.selectFrom('oncall_pages').selectAll().where('org_id', '=', orgId)
  return {
    /** New pages with ids chosen by the caller, so their notifications can be written in the same batch. */
    async createMany(pages: readonly PageCreate[]) {
      for (const chunk of chunks(pages, 1000)) {
        await db
          .insertInto('oncall_pages')
          .values(
            chunk.map((p) => ({
              id: p.id,
              org_id: orgId,
              policy_id: p.policyId,
              summary: p.summary,
              details: p.details,
              alert_id: p.alertId,
              incident_id: p.incidentId,
              group_key: p.groupKey ?? null,
              policy_snapshot: json(p.policy),
              status: p.state.status,
              level_index: p.state.levelIndex,
              round: p.state.round,
              is_exhausted: p.state.isExhausted,
              due_at: p.state.dueAt,
              acknowledged_by: p.state.acknowledgedBy,
              acknowledged_at: p.state.acknowledgedAt,
              resolved_at: p.state.resolvedAt,
              created_at: p.at,
              updated_at: p.at,
            })),
          )
          .execute()
      }
    },
    get: (id: string) => scoped().where('id', '=', id).executeTakeFirst(),
    getForUpdate: (id: string) => scoped().where('id', '=', id).forUpdate().executeTakeFirst(),
    list: (filter: { statuses?: EscalationStatus[]; limit?: number } = {}) => {
      let query = scoped()
      if (filter.statuses?.length) query = query.where('status', 'in', filter.statuses)
      return query
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(Math.min(filter.limit ?? 100, 500))
        .execute()
    },
    /** Open pages the alert opened or joined (a group page), locked. */
    openForAlert: (alertId: string) =>
      scoped()
        .where((eb) =>
          eb.or([
            eb('alert_id', '=', alertId),
            eb(
              'id',
              'in',
              eb
                .selectFrom('oncall_page_alerts')
                .select('page_id')
                .where('org_id', '=', orgId)
                .where('alert_id', '=', alertId),
            ),
          ]),
        )
        .where('status', '!=', 'resolved')
        .forUpdate()
        .execute(),
    /**
     * Until the transaction ends, nobody else opens or joins this group's page for the policy,
     * so two nodes taking alerts of one group at once still page once.
     */
    async lockGroup(policyId: string, groupKey: string) {
      await sql`SELECT pg_advisory_xact_lock(hashtextextended(${
        `page-group\n${orgId}` + `\n${policyId}\n${groupKey}`
      }, 0))`.execute(db)
    },
    openForGroup: (policyId: string, groupKey: string) =>
      scoped()
        .where('policy_id', '=', policyId)
        .where('group_key', '=', groupKey)
        .where('status', '!=', 'resolved')
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst(),
    async attachAlerts(links: readonly { pageId: string; alertId: string }[], at: Date) {
      if (links.length === 0) return
      await db
        .insertInto('oncall_page_alerts')
        .values(links.map((l) => ({ page_id: l.pageId, alert_id: l.alertId, org_id: orgId, attached_at: at })))
        .onConflict((oc) => oc.columns(['page_id', 'alert_id']).doNothing())
        .execute()
    },
    /** Whether any alert of a group page is still firing or acknowledged (read after this transaction's writes). */
    async hasUnresolvedAlerts(pageId: string): Promise<boolean> {
      const row = await db
        .selectFrom('oncall_page_alerts')
        .innerJoin('alerts', 'alerts.id', 'oncall_page_alerts.alert_id')
        .select('alerts.id')
        .where('oncall_page_alerts.org_id', '=', orgId)
        .where('oncall_page_alerts.page_id', '=', pageId)
        .where('alerts.status', '<>', 'resolved')
        .limit(1)
        .executeTakeFirst()
      return row !== undefined
    },
    /** Many pages' states in one statement: a batch of timers costs one UPDATE, not one per page. */
    async saveStates(states: readonly { id: string; state: PageStateWrite }[], now: Date) {
      for (const chunk of chunks(states, 1000)) {
        const rows = chunk.map(
          ({ id, state: s }) =>
            sql`(${id}::uuid, ${s.status}, ${s.levelIndex}::int, ${s.round}::int,
            ${s.isExhausted}::boolean, ${s.dueAt}::timestamptz, ${s.acknowledgedBy}::uuid,
            ${s.acknowledgedAt}::timestamptz, ${s.resolvedAt}::timestamptz)`,
        )
        await sql`
          UPDATE oncall_pages AS p SET status = v.status, level_index =
          v.level_index, round = v.round, is_exhausted = v.is_exhausted,
            due_at = v.due_at, acknowledged_by = v.acknowledged_by, acknowledged_at =
            v.acknowledged_at, resolved_at = v.resolved_at, updated_at = ${now}::timestamptz
          FROM (VALUES ${sql.join(rows)}) AS v(id, status, level_index, round,
          is_exhausted, due_at, acknowledged_by, acknowledged_at, resolved_at)
          WHERE p.id = v.id AND p.org_id = ${orgId}::uuid`.execute(db)
      }
    },
    async addEvents(
      events: readonly { pageId: string; type: string; actor: string; detail: Record<string, unknown>; at: Date }[],
    ) {
      for (const chunk of chunks(events, 2000)) {
        await db
          .insertInto('oncall_page_events')
          .values(
            chunk.map((e) => ({
              org_id: orgId,
              page_id: e.pageId,
              type: e.type,
              actor: e.actor,
              detail: json(e.detail),
              at: e.at,
            })),
          )
          .execute()
      }
    },
    listEvents: (pageId: string) =>
      db
        .selectFrom('oncall_page_events')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('page_id', '=', pageId)
        .orderBy('id')
        .execute(),
    /**
     * The notifications of a level; each one that leaves Candor (email, webhook, Slack) is also
     * an outbox row, written here in the same transaction and sent by the delivery worker.
     */
    async addNotifications(rows: readonly NotificationWrite[]) {
      for (const chunk of chunks(rows, 2000)) {
        const written = await db
          .insertInto('oncall_notifications')
          .values(
            chunk.map((n) => ({
              org_id: orgId,
              page_id: n.pageId,
              user_id: n.userId,
              contact_method_id: n.contactMethodId,
              kind: n.kind,
              address: n.address,
              level_index: n.levelIndex,
              round: n.round,
              is_fallback: n.isFallback,
              due_at: n.dueAt,
              status: n.status ?? 'pending',
              sent_at: n.status === 'sent' ? n.dueAt : null,
            })),
          )
          .returning(['id', 'page_id', 'user_id', 'kind', 'address', 'due_at', 'contact_method_id', 'created_at'])
          .execute()
        const outbound = written.filter((n) => n.kind !== 'in_app' && n.address !== '')
        if (outbound.length === 0) continue
        await sql`
          INSERT INTO deliveries (org_id, incident_id, kind, channel, address, source_id, content, next_attempt_at,
            created_at, updated_at)
          SELECT ${orgId}::uuid, p.incident_id, 'page', v.kind, v.address, v.id,
            jsonb_build_object('userId', v.user_id, 'pageId', v.page_id), v.due_at, v.created_at, v.created_at
          FROM unnest(${uuids(outbound.map((n) => n.id))}, ${uuids(outbound.map((n) => n.page_id))},
            ${uuids(outbound.map((n) => n.user_id))}, ${texts(outbound.map((n) => n.kind))},
            ${texts(outbound.map((n) => n.address))},
            ${texts(outbound.map((n) => n.due_at.toISOString()))}::timestamptz[],
            ${texts(outbound.map((n) => n.created_at.toISOString()))}::timestamptz[])
            AS v(id, page_id, user_id, kind, address, due_at, created_at)
          JOIN oncall_pages p ON p.id = v.page_id`.execute(db)
      }
    },
    /** Notifications still waiting on a delay: nobody needs them once the page is acknowledged or resolved. */
    async cancelPending(pageIds: readonly string[]) {
      if (pageIds.length === 0) return
      // Outbound ones are settled in the outbox (those already sent stay sent); the record follows.
      const skipped = await sql<{ id: string }>`
        UPDATE deliveries d SET status = 'skipped', last_error = 'the page was answered before this was sent'
        FROM oncall_notifications n
        WHERE d.kind = 'page' AND d.source_id = n.id AND d.status IN ('pending', 'retrying')
          AND n.org_id = ${orgId}::uuid AND n.page_id = ANY(${uuids(pageIds)})
        RETURNING n.id`.execute(db)
      const ids = skipped.rows.map((r) => r.id)
      if (ids.length)
        await db.updateTable('oncall_notifications').set({ status: 'cancelled' }).where('id', 'in', ids).execute()
    },
    listNotifications: (pageId: string) =>
      notifications().where('n.page_id', '=', pageId).orderBy('n.due_at').orderBy('n.kind').orderBy('n.id').execute(),
    listNotificationsOf: (userId: string, limit = 50) =>
      notifications().where('n.user_id', '=', userId).orderBy('n.created_at', 'desc').limit(limit).execute(),
    /** Records a link's nonce; false when it was spent before (the link works once). */
    async spendNonce(nonce: string, pageId: string, at: Date) {
      const rows = await db
        .insertInto('oncall_link_nonces')
        .values({ nonce, org_id: orgId, page_id: pageId, used_at: at })
        .onConflict((oc) => oc.column('nonce').doNothing())
        .returning('nonce')
        .execute()
      return rows.length === 1
    },
  }
}
export type OncallPagesStore = ReturnType<typeof oncallPagesStore>

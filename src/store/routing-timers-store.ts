import { sql, type Selectable } from 'kysely'
import type { RoutingTimersTable } from './schema/alerts.js'
import type { Executor } from './schema/index.js'

export type RoutingTimerRow = Selectable<RoutingTimersTable>

export interface RoutingTimerWrite {
  alertId: string
  ruleId: string
  fireCount: number
  firingSinceAt: Date
  dueAt: Date
}

/** Pending "firing for N minutes" triggers of one organisation (one per alert). */
export function routingTimersStore(db: Executor, orgId: string) {
  return {
    /**
     * Sets the alert's timer unless one already waits on the same rule and firing (a re-route on
     * escalation keeps the earlier due time). Nothing is written for a rule deleted meanwhile.
     */
    async schedule(t: RoutingTimerWrite): Promise<Date | null> {
      const row = await db
        .insertInto('routing_timers')
        .columns(['alert_id', 'org_id', 'rule_id', 'fire_count', 'firing_since_at', 'due_at'])
        .expression(
          db
            .selectFrom('routing_rules')
            .select([
              sql<string>`${t.alertId}::uuid`.as('alert_id'),
              'org_id',
              'id',
              sql<number>`${t.fireCount}::int`.as('fire_count'),
              sql<Date>`${t.firingSinceAt}::timestamptz`.as('firing_since_at'),
              sql<Date>`${t.dueAt}::timestamptz`.as('due_at'),
            ])
            .where('org_id', '=', orgId)
            .where('id', '=', t.ruleId),
        )
        .onConflict((oc) =>
          oc
            .column('alert_id')
            .doUpdateSet((eb) => ({
              rule_id: eb.ref('excluded.rule_id'),
              fire_count: eb.ref('excluded.fire_count'),
              firing_since_at: eb.ref('excluded.firing_since_at'),
              due_at: eb.ref('excluded.due_at'),
            }))
            .where((eb) =>
              eb.or([
                eb('routing_timers.rule_id', '<>', eb.ref('excluded.rule_id')),
                eb('routing_timers.fire_count', '<>', eb.ref('excluded.fire_count')),
              ]),
            ),
        )
        .returning('due_at')
        .executeTakeFirst()
      if (row) return row.due_at
      const kept = await db
        .selectFrom('routing_timers')
        .select('due_at')
        .where('org_id', '=', orgId)
        .where('alert_id', '=', t.alertId)
        .executeTakeFirst()
      return kept?.due_at ?? null
    },
    async reschedule(alertId: string, dueAt: Date) {
      await db
        .updateTable('routing_timers')
        .set({ due_at: dueAt })
        .where('org_id', '=', orgId)
        .where('alert_id', '=', alertId)
        .execute()
    },
    async remove(alertId: string) {
      await db.deleteFrom('routing_timers').where('org_id', '=', orgId).where('alert_id', '=', alertId).execute()
    },
  }
}

/**
 * The timer job's view across organisations (a timer does not know its tenant until claimed);
 * the work on a claimed row goes through the scoped stores.
 */
export function dueRoutingTimersStore(db: Executor) {
  return {
    /**
     * The earliest timer past its due time, locked with its alert for this transaction; rows others hold are skipped.
     */
    claimNext: (now: Date) =>
      db
        .selectFrom('routing_timers')
        .innerJoin('alerts', 'alerts.id', 'routing_timers.alert_id')
        .selectAll('routing_timers')
        .where('routing_timers.due_at', '<', now)
        .orderBy('routing_timers.due_at')
        .limit(1)
        // The alert too, and first: intake locks an alert before its timer, so a timer whose
        // alert intake holds is skipped this round rather than deadlocking with it.
        .forUpdate(['routing_timers', 'alerts'])
        .skipLocked()
        .executeTakeFirst(),
    /** A timer whose work failed waits a little, so it does not block the ones behind it. */
    async postpone(alertId: string, dueAt: Date) {
      await db.updateTable('routing_timers').set({ due_at: dueAt }).where('alert_id', '=', alertId).execute()
    },
  }
}

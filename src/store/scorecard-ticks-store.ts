import type { Executor } from './schema/index.js'

export interface TickWrite {
  itemKey: string
  status: string
  note: string | null
  by: { id: string; name: string }
  at: Date
}

/** A reviewer's verdicts on scorecard items; the rest of the scorecard is computed from the timeline. */
export function scorecardTicksStore(db: Executor, orgId: string) {
  return {
    list: (incidentId: string) =>
      db
        .selectFrom('scorecard_ticks')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('incident_id', '=', incidentId)
        .orderBy('item_key')
        .execute(),

    async put(incidentId: string, tick: TickWrite) {
      const values = {
        status: tick.status,
        note: tick.note,
        ticked_by_id: tick.by.id,
        ticked_by_name: tick.by.name,
        ticked_at: tick.at,
      }
      await db
        .insertInto('scorecard_ticks')
        .values({ incident_id: incidentId, org_id: orgId, item_key: tick.itemKey, ...values })
        .onConflict((oc) => oc.columns(['incident_id', 'item_key']).doUpdateSet(values))
        .execute()
    },

    async remove(incidentId: string, itemKey: string): Promise<boolean> {
      const result = await db
        .deleteFrom('scorecard_ticks')
        .where('org_id', '=', orgId)
        .where('incident_id', '=', incidentId)
        .where('item_key', '=', itemKey)
        .executeTakeFirst()
      return result.numDeletedRows > 0n
    },
  }
}

import type { Selectable } from 'kysely'
import { incidentStatuses, isOpen } from '../domain/incident/incident-status.js'
import type { RoutingRulesTable } from './schema/alerts.js'
import type { Executor } from './schema/index.js'
import { json } from './schema/index.js'
import { definedColumns } from './defined-columns.js'

export type RoutingRuleRow = Selectable<RoutingRulesTable>

export interface RoutingRuleWrite {
  name?: string
  position?: number
  isEnabled?: boolean
  conditions?: unknown[]
  actions?: unknown[]
  continueMatching?: boolean
}

const openIncidentStatuses = incidentStatuses.filter(isOpen)

function columns(w: RoutingRuleWrite) {
  return {
    ...definedColumns(w, ['name', 'position', 'isEnabled']),
    ...(w.conditions !== undefined ? { conditions: json(w.conditions) } : {}),
    ...(w.actions !== undefined ? { actions: json(w.actions) } : {}),
    ...(w.continueMatching !== undefined ? { continue_matching: w.continueMatching } : {}),
  }
}

export function routingRulesStore(db: Executor, orgId: string) {
  const scoped = () => db.selectFrom('routing_rules').selectAll().where('org_id', '=', orgId)
  return {
    list: () => scoped().orderBy('position').orderBy('created_at').orderBy('id').execute(),
    get: (id: string) => scoped().where('id', '=', id).executeTakeFirst(),
    create: (input: RoutingRuleWrite & { name: string; actions: unknown[] }) =>
      db
        .insertInto('routing_rules')
        .values({ org_id: orgId, name: input.name, actions: json(input.actions), ...columns(input) })
        .returningAll()
        .executeTakeFirstOrThrow(),
    update: (id: string, input: RoutingRuleWrite, now: Date) =>
      db
        .updateTable('routing_rules')
        .set({ ...columns(input), updated_at: now })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst(),
    async remove(id: string) {
      const result = await db
        .deleteFrom('routing_rules')
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst()
      return result.numDeletedRows > 0n
    },
    /** Serialises incident opening per rule, so two alerts at once do not open two incidents. */
    async lock(id: string): Promise<boolean> {
      return (
        (await db
          .selectFrom('routing_rules')
          .select('id')
          .where('org_id', '=', orgId)
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst()) !== undefined
      )
    },
    /** The still-open incident this rule opened for this group, if any. */
    findOpenIncident: (ruleId: string, groupKey: string) =>
      db
        .selectFrom('routing_incidents')
        .innerJoin('incidents', 'incidents.id', 'routing_incidents.incident_id')
        .select(['incidents.id', 'incidents.status'])
        .where('routing_incidents.org_id', '=', orgId)
        .where('routing_incidents.rule_id', '=', ruleId)
        .where('routing_incidents.group_key', '=', groupKey)
        .where('incidents.status', 'in', openIncidentStatuses)
        .orderBy('routing_incidents.opened_at', 'desc')
        .executeTakeFirst(),
    async linkIncident(ruleId: string, groupKey: string, incidentId: string, now: Date) {
      await db
        .insertInto('routing_incidents')
        .values({ org_id: orgId, rule_id: ruleId, group_key: groupKey, incident_id: incidentId, opened_at: now })
        .execute()
    },
  }
}

import type { EscalationTarget } from '../domain/oncall/escalation-policy.js'
import type { Executor } from './schema/index.js'
import { definedColumns } from './defined-columns.js'

export interface LevelWrite {
  ackTimeoutMinutes: number
  targets: readonly EscalationTarget[]
}

function targetRows(
  orgId: string,
  policyId: string,
  levelPosition: number | null,
  targets: readonly EscalationTarget[],
) {
  return targets.map((t, position) => ({
    org_id: orgId,
    policy_id: policyId,
    level_position: levelPosition,
    position,
    schedule_id: t.kind === 'schedule' ? t.scheduleId : null,
    user_id: t.kind === 'user' ? t.userId : null,
  }))
}

export function escalationPoliciesStore(db: Executor, orgId: string) {
  const scoped = () => db.selectFrom('escalation_policies').selectAll().where('org_id', '=', orgId)
  return {
    list: () => scoped().orderBy('name').orderBy('id').limit(1000).execute(),
    get: (id: string) => scoped().where('id', '=', id).executeTakeFirst(),
    getForUpdate: (id: string) => scoped().where('id', '=', id).forUpdate().executeTakeFirst(),
    create: (input: { name: string; description: string; repeatCount: number }) =>
      db
        .insertInto('escalation_policies')
        .values({ org_id: orgId, name: input.name, description: input.description, repeat_count: input.repeatCount })
        .returningAll()
        .executeTakeFirstOrThrow(),
    update: (id: string, input: { name?: string; description?: string; repeatCount?: number }, now: Date) =>
      db
        .updateTable('escalation_policies')
        .set({
          ...definedColumns(input, ['name', 'description', 'repeatCount']),
          updated_at: now,
        })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst(),
    async remove(id: string) {
      const result = await db
        .deleteFrom('escalation_policies')
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst()
      return result.numDeletedRows > 0n
    },
    listLevels: (policyIds: readonly string[]) =>
      policyIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('escalation_levels')
            .selectAll()
            .where('org_id', '=', orgId)
            .where('policy_id', 'in', [...policyIds])
            .orderBy('policy_id')
            .orderBy('position')
            .execute(),
    listTargets: (policyIds: readonly string[]) =>
      policyIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('escalation_targets')
            .selectAll()
            .where('org_id', '=', orgId)
            .where('policy_id', 'in', [...policyIds])
            .orderBy('policy_id')
            .orderBy('position')
            .execute(),
    async replaceLevels(policyId: string, levels: readonly LevelWrite[], fallback: readonly EscalationTarget[]) {
      await db.deleteFrom('escalation_targets').where('org_id', '=', orgId).where('policy_id', '=', policyId).execute()
      await db.deleteFrom('escalation_levels').where('org_id', '=', orgId).where('policy_id', '=', policyId).execute()
      if (levels.length > 0) {
        await db
          .insertInto('escalation_levels')
          .values(
            levels.map((l, position) => ({
              org_id: orgId,
              policy_id: policyId,
              position,
              ack_timeout_minutes: l.ackTimeoutMinutes,
            })),
          )
          .execute()
      }
      const rows = [
        ...levels.flatMap((l, i) => targetRows(orgId, policyId, i, l.targets)),
        ...targetRows(orgId, policyId, null, fallback),
      ]
      if (rows.length > 0) await db.insertInto('escalation_targets').values(rows).execute()
    },
    /** Policies that page a schedule: it cannot be deleted while they do. */
    policyIdsUsingSchedule: async (scheduleId: string) =>
      (
        await db
          .selectFrom('escalation_targets')
          .select('policy_id')
          .distinct()
          .where('org_id', '=', orgId)
          .where('schedule_id', '=', scheduleId)
          .execute()
      ).map((r) => r.policy_id),
  }
}
export type EscalationPoliciesStore = ReturnType<typeof escalationPoliciesStore>

import type { z } from 'zod'
import type { EscalationPolicy, EscalationTarget } from '../../domain/oncall/escalation-policy.js'
import type { OncallStore } from '../../store/oncall-store.js'
import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps } from '../context.js'
import { invalid, notFound } from '../../domain/app-error.js'
import { parseInput } from '../parse-input.js'
import { requireMembers } from './manage-schedules.js'
import { createPolicyInput, updatePolicyInput, type targetSchema } from './oncall-input.js'

type PolicyRow = Awaited<ReturnType<OncallStore['policies']['list']>>[number]

const targetFromInput = (t: z.infer<typeof targetSchema>): EscalationTarget =>
  t.type === 'schedule' ? { kind: 'schedule', scheduleId: t.id } : { kind: 'user', userId: t.id }
const targetView = (t: EscalationTarget) =>
  t.kind === 'schedule' ? { type: 'schedule', id: t.scheduleId } : { type: 'user', id: t.userId }

/** Policies as the domain's state machine takes them, keyed by id. */
export async function loadPolicies(store: OncallStore, rows: PolicyRow[]): Promise<Map<string, EscalationPolicy>> {
  const ids = rows.map((r) => r.id)
  const [levels, targets] = await Promise.all([store.policies.listLevels(ids), store.policies.listTargets(ids)])
  const toTarget = (t: (typeof targets)[number]): EscalationTarget =>
    t.schedule_id ? { kind: 'schedule', scheduleId: t.schedule_id } : { kind: 'user', userId: t.user_id! }
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        name: row.name,
        repeatCount: row.repeat_count,
        levels: levels
          .filter((l) => l.policy_id === row.id)
          .map((l) => ({
            ackTimeoutMinutes: l.ack_timeout_minutes,
            targets: targets.filter((t) => t.policy_id === row.id && t.level_position === l.position).map(toTarget),
          })),
        fallbackTargets: targets.filter((t) => t.policy_id === row.id && t.level_position === null).map(toTarget),
      },
    ]),
  )
}

function policyView(row: PolicyRow, policy: EscalationPolicy) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    repeat_count: row.repeat_count,
    levels: policy.levels.map((l) => ({
      ack_timeout_minutes: l.ackTimeoutMinutes,
      targets: l.targets.map(targetView),
    })),
    fallback_targets: policy.fallbackTargets.map(targetView),
    created_at: row.created_at,
    updated_at: row.updated_at,
  }
}

async function requireTargets(store: OncallStore, targets: readonly EscalationTarget[]) {
  const scheduleIds = [...new Set(targets.flatMap((t) => (t.kind === 'schedule' ? [t.scheduleId] : [])))]
  const found = new Set((await store.schedules.getMany(scheduleIds)).map((s) => s.id))
  const missing = scheduleIds.filter((id) => !found.has(id))
  if (missing.length)
    throw invalid(
      'The request is invalid',
      missing.map((id) => ({ path: 'targets', message: `no schedule ${id}` })),
    )
  await requireMembers(
    store,
    targets.flatMap((t) => (t.kind === 'user' ? [t.userId] : [])),
    'targets',
  )
}

async function viewOf(store: OncallStore, id: string) {
  const row = await store.policies.get(id)
  if (!row) throw notFound('Escalation policy')
  return policyView(row, (await loadPolicies(store, [row])).get(id)!)
}

export async function listEscalationPolicies(deps: AppDeps, ctx: AppContext) {
  requirePermission(ctx, 'oncall.read')
  const store = deps.store.forOrg(ctx.orgId).oncall
  const rows = await store.policies.list()
  const policies = await loadPolicies(store, rows)
  return rows.map((row) => policyView(row, policies.get(row.id)!))
}

export async function getEscalationPolicy(deps: AppDeps, ctx: AppContext, id: string) {
  requirePermission(ctx, 'oncall.read')
  return viewOf(deps.store.forOrg(ctx.orgId).oncall, id)
}

export async function createEscalationPolicy(deps: AppDeps, ctx: AppContext, raw: unknown) {
  requirePermission(ctx, 'oncall.manage')
  const input = parseInput(createPolicyInput, raw)
  return deps.store.transaction(ctx.orgId, async (tx) => {
    const levels = input.levels.map((l) => ({
      ackTimeoutMinutes: l.ack_timeout_minutes,
      targets: l.targets.map(targetFromInput),
    }))
    const fallback = input.fallback_targets.map(targetFromInput)
    await requireTargets(tx.oncall, [...levels.flatMap((l) => l.targets), ...fallback])
    const row = await tx.oncall.policies.create({
      name: input.name,
      description: input.description,
      repeatCount: input.repeat_count,
    })
    await tx.oncall.policies.replaceLevels(row.id, levels, fallback)
    return viewOf(tx.oncall, row.id)
  })
}

/** Pages already walking the policy keep the copy they started with. */
export async function updateEscalationPolicy(deps: AppDeps, ctx: AppContext, id: string, raw: unknown) {
  requirePermission(ctx, 'oncall.manage')
  const input = parseInput(updatePolicyInput, raw)
  return deps.store.transaction(ctx.orgId, async (tx) => {
    const row = await tx.oncall.policies.getForUpdate(id)
    if (!row) throw notFound('Escalation policy')
    await tx.oncall.policies.update(
      id,
      { name: input.name, description: input.description, repeatCount: input.repeat_count },
      ctx.now,
    )
    if (input.levels || input.fallback_targets) {
      const current = (await loadPolicies(tx.oncall, [row])).get(id)!
      const levels =
        input.levels?.map((l) => ({
          ackTimeoutMinutes: l.ack_timeout_minutes,
          targets: l.targets.map(targetFromInput),
        })) ?? current.levels
      const fallback = input.fallback_targets?.map(targetFromInput) ?? current.fallbackTargets
      await requireTargets(tx.oncall, [...levels.flatMap((l) => l.targets), ...fallback])
      await tx.oncall.policies.replaceLevels(id, levels, fallback)
    }
    return viewOf(tx.oncall, id)
  })
}

export async function deleteEscalationPolicy(deps: AppDeps, ctx: AppContext, id: string) {
  requirePermission(ctx, 'oncall.manage')
  const removed = await deps.store.transaction(ctx.orgId, (tx) => tx.oncall.policies.remove(id))
  if (!removed) throw notFound('Escalation policy')
}

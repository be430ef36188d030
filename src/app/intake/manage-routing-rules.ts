import type { RoutingAction, RoutingRule, RuleCondition } from '../../domain/alert/routing-rule.js'
import { routingRuleProblems } from '../../domain/alert/routing-rule.js'
import type { RoutingRuleRow } from '../../store/routing-rules-store.js'
import type { OrgStore } from '../../store/store.js'
import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps } from '../context.js'
import { invalid, notFound } from '../../domain/app-error.js'
import { parseInput } from '../parse-input.js'
import { loadPolicy } from '../process/load-policy.js'
import { createRoutingRuleInput, updateRoutingRuleInput } from './routing-rule-input.js'

export function ruleFromRow(row: RoutingRuleRow): RoutingRule {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    isEnabled: row.is_enabled,
    conditions: row.conditions as RuleCondition[],
    actions: row.actions as RoutingAction[],
    continueMatching: row.continue_matching,
  }
}

function view(row: RoutingRuleRow) {
  const { org_id: _org, ...rest } = row
  return rest
}

type RuleParts = { conditions: readonly RuleCondition[]; actions: readonly RoutingAction[] }

/** Checks a rule against what the organisation has: its process (scale, crisis types, playbooks), pages, policies. */
async function check(tx: OrgStore, rule: RuleParts) {
  const policy = await loadPolicy(tx)
  const problems = routingRuleProblems(rule, {
    severityLevels: policy.severityScale.map((s) => s.level),
    crisisTypes: policy.crisisTypes.map((t) => t.key),
    playbooks: policy.playbooks.map((p) => p.key),
  })
  for (const [i, action] of rule.actions.entries()) {
    if (action.type !== 'open_incident') continue
    if (action.page_id !== undefined && !(await tx.pages.get(action.page_id)))
      problems.push({ path: `actions.${i}.page_id`, message: 'no such status page' })
    for (const [j, id] of (action.escalation_policy_ids ?? []).entries()) {
      if (!(await tx.oncall.policies.get(id)))
        problems.push({ path: `actions.${i}.escalation_policy_ids.${j}`, message: 'no such escalation policy' })
    }
  }
  if (problems.length > 0) throw invalid('The routing rule is invalid', problems)
}

// Intake reads the rules for every alert; they change rarely, so each node keeps them briefly.
const RULES_TTL_MS = 2_000
export async function rulesForIntake(
  deps: Pick<AppDeps, 'store' | 'intake'>,
  orgId: string,
  nowMs = Date.now(),
): Promise<RoutingRule[]> {
  const cache = deps.intake.rules
  const hit = cache.get(orgId)
  if (hit && hit.until > nowMs) return hit.rules
  const rules = (await deps.store.forOrg(orgId).routingRules.list()).map(ruleFromRow)
  if (cache.size > 10_000) cache.clear()
  cache.set(orgId, { rules, until: nowMs + RULES_TTL_MS })
  return rules
}

const forgetRules = (deps: Pick<AppDeps, 'intake'>, orgId: string) => deps.intake.rules.delete(orgId)

export async function createRoutingRule(deps: AppDeps, ctx: AppContext, raw: unknown) {
  requirePermission(ctx, 'integration.manage')
  const input = parseInput(createRoutingRuleInput, raw)
  const created = await deps.store.transaction(ctx.orgId, async (tx) => {
    await check(tx, input)
    const row = await tx.routingRules.create({
      name: input.name,
      position: input.position,
      isEnabled: input.is_enabled,
      conditions: input.conditions,
      actions: input.actions,
      continueMatching: input.continue_matching,
    })
    return view(row)
  })
  forgetRules(deps, ctx.orgId)
  return created
}

export async function listRoutingRules(deps: AppDeps, ctx: AppContext) {
  requirePermission(ctx, 'alert.read')
  return (await deps.store.forOrg(ctx.orgId).routingRules.list()).map(view)
}

export async function getRoutingRule(deps: AppDeps, ctx: AppContext, id: string) {
  requirePermission(ctx, 'alert.read')
  const row = await deps.store.forOrg(ctx.orgId).routingRules.get(id)
  if (!row) throw notFound('Routing rule')
  return view(row)
}

export async function updateRoutingRule(deps: AppDeps, ctx: AppContext, id: string, raw: unknown) {
  requirePermission(ctx, 'integration.manage')
  const input = parseInput(updateRoutingRuleInput, raw)
  const row = await deps.store.transaction(ctx.orgId, async (tx) => {
    const current = await tx.routingRules.get(id)
    if (!current) throw notFound('Routing rule')
    const merged = ruleFromRow(current)
    await check(tx, {
      conditions: input.conditions ?? merged.conditions,
      actions: input.actions ?? merged.actions,
    })
    return tx.routingRules.update(
      id,
      {
        name: input.name,
        position: input.position,
        isEnabled: input.is_enabled,
        conditions: input.conditions,
        actions: input.actions,
        continueMatching: input.continue_matching,
      },
      ctx.now,
    )
  })
  forgetRules(deps, ctx.orgId)
  return view(row!)
}

export async function deleteRoutingRule(deps: AppDeps, ctx: AppContext, id: string) {
  requirePermission(ctx, 'integration.manage')
  const removed = await deps.store.transaction(ctx.orgId, (tx) => tx.routingRules.remove(id))
  if (!removed) throw notFound('Routing rule')
  forgetRules(deps, ctx.orgId)
}

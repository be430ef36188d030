import { z } from 'zod'
import { freezeWebhookSecret } from './freeze-webhook-secret.js'
import { validateCrisisType } from '../../domain/process/crisis-types.js'
import { stakeholderEvents, stakeholderGroups } from '../../domain/process/stakeholders.js'
import { validateTriagePolicy } from '../../domain/process/triage-timebox.js'
import { requirePermission } from '../authorize.js'
import { httpUrlSchema, nameSchema } from '../common-schemas.js'
import type { AppContext, AppDeps } from '../context.js'
import { invalid, notFound } from '../../domain/app-error.js'
import { parseInput } from '../parse-input.js'
import { json } from '../../store/schema/index.js'
import { loadPolicy } from './load-policy.js'

const minutes = z
  .int()
  .min(0)
  .max(31 * 24 * 60)
export const processSettingsInput = z
  .object({
    triage_window_minutes: minutes.min(1),
    triage_reminder_minutes: minutes.min(1),
    takeover_minutes: minutes.min(1),
    cadence_reminder_minutes: minutes,
    cadence_escalate_minutes: minutes,
    freeze_min_severity: z.int().min(1).max(20),
    freeze_include_triage: z.boolean(),
    freeze_webhook_url: httpUrlSchema.nullable(),
    /** Days after the resolution before a missing postmortem is reminded, by severity level; null: defaults. */
    postmortem_reminder_days: z
      .record(z.string().regex(/^[1-9]\d?$/, 'must be a severity level'), z.int().min(0).max(365))
      .nullable(),
    /** From this severity level up a postmortem may not be skipped; null: the default (3). */
    postmortem_required_from: z.int().min(1).max(20).nullable(),
  })
  .partial()
  .strict()

export const crisisTypeBody = z
  .object({
    name: nameSchema,
    description: z.string().max(2000).default(''),
    criteria: z
      .array(
        z.object({ id: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/), text: z.string().trim().min(1).max(500) }).strict(),
      )
      .min(1)
      .max(20),
  })
  .strict()

export const stakeholderGroupBody = z
  .object({
    name: nameSchema,
    emails: z.array(z.email()).max(100).default([]),
    webhook_url: httpUrlSchema.nullable().default(null),
  })
  .strict()

export const stakeholderRulesBody = z
  .object({
    rules: z
      .array(
        z
          .object({
            crisis_type: z.string().regex(/^(\*|[a-z][a-z0-9_]{0,62})$/),
            min_severity: z.int().min(1).max(20).default(1),
            groups: z.array(z.enum(stakeholderGroups)).min(1),
            events: z.array(z.enum(stakeholderEvents)).min(1).nullable().default(null),
          })
          .strict(),
      )
      .max(200),
  })
  .strict()

/** The effective process: defaults with the organisation's settings, types and rules applied. */
export async function getProcessConfig(deps: AppDeps, ctx: AppContext) {
  requirePermission(ctx, 'page.read')
  const tx = deps.store.forOrg(ctx.orgId)
  const [policy, settings, groups] = await Promise.all([
    loadPolicy(tx),
    tx.process.config.getSettings(),
    tx.process.config.listStakeholderGroups(),
  ])
  const canSeeSecret = ctx.role === 'owner' || ctx.role === 'admin'
  return {
    ...policy,
    freeze_webhook_url: settings?.freeze_webhook_url ?? null,
    // Marketing tools verify the Candor-Signature of freeze webhooks with this key.
    ...(canSeeSecret ? { freeze_webhook_secret: freezeWebhookSecret(deps.secret, ctx.orgId) } : {}),
    stakeholder_groups: groups.map(({ org_id: _o, ...g }) => g),
  }
}

export async function updateProcessSettings(deps: AppDeps, ctx: AppContext, raw: unknown) {
  requirePermission(ctx, 'page.write')
  const input = parseInput(processSettingsInput, raw)
  return deps.store.transaction(ctx.orgId, async (tx) => {
    const current = await loadPolicy(tx)
    const triage = {
      validationWindowMinutes: input.triage_window_minutes ?? current.triage.validationWindowMinutes,
      reminderAfterMinutes: input.triage_reminder_minutes ?? current.triage.reminderAfterMinutes,
    }
    const problems = validateTriagePolicy(triage)
    if (problems.length)
      throw invalid(
        'The request is invalid',
        problems.map((message) => ({ path: 'triage_reminder_minutes', message })),
      )
    const { postmortem_reminder_days: days, ...rest } = input
    const changes = { ...rest, ...(days !== undefined ? { postmortem_reminder_days: days && json(days) } : {}) }
    const { org_id: _o, ...row } = await tx.process.config.putSettings(changes, ctx.now)
    return row
  })
}

export async function putCrisisType(deps: AppDeps, ctx: AppContext, key: string, raw: unknown) {
  requirePermission(ctx, 'page.write')
  const input = parseInput(crisisTypeBody, raw)
  const problems = validateCrisisType({ key, ...input })
  if (problems.length)
    throw invalid(
      'The request is invalid',
      problems.map((message) => ({ message })),
    )
  return deps.store.transaction(ctx.orgId, async (tx) => {
    await tx.process.config.putCrisisType({ key, ...input }, ctx.now)
    return { key, ...input }
  })
}

export async function deleteCrisisType(deps: AppDeps, ctx: AppContext, key: string) {
  requirePermission(ctx, 'page.write')
  const removed = await deps.store.transaction(ctx.orgId, (tx) => tx.process.config.deleteCrisisType(key))
  if (!removed) throw notFound('Custom crisis type')
}

export async function putStakeholderGroup(deps: AppDeps, ctx: AppContext, key: string, raw: unknown) {
  requirePermission(ctx, 'page.write')
  const group = parseInput(z.enum(stakeholderGroups), key)
  const input = parseInput(stakeholderGroupBody, raw)
  return deps.store.transaction(ctx.orgId, async (tx) => {
    await tx.process.config.putStakeholderGroup(
      { key: group, name: input.name, emails: input.emails, webhookUrl: input.webhook_url },
      ctx.now,
    )
    return { key: group, ...input }
  })
}

/** Replaces the organisation's rules as a whole; an empty list goes back to the defaults. */
export async function replaceStakeholderRules(deps: AppDeps, ctx: AppContext, raw: unknown) {
  requirePermission(ctx, 'page.write')
  const input = parseInput(stakeholderRulesBody, raw)
  return deps.store.transaction(ctx.orgId, async (tx) => {
    await tx.process.config.replaceStakeholderRules(
      input.rules.map((r) => ({
        crisisType: r.crisis_type,
        minSeverity: r.min_severity,
        groups: r.groups,
        events: r.events,
      })),
    )
    return input
  })
}

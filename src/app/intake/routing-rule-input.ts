import { z } from 'zod'
import { alertSeverities } from '../../domain/alert/alert-severity.js'
import { MAX_CONDITIONS } from '../../domain/alert/routing-rule.js'
import { nameSchema } from '../common-schemas.js'

const field = z.string().min(1).max(210)

export const ruleCondition = z.discriminatedUnion('op', [
  z.strictObject({ field, op: z.literal('equals'), value: z.string().max(1024) }),
  z.strictObject({ field, op: z.literal('not_equals'), value: z.string().max(1024) }),
  z.strictObject({ field, op: z.literal('matches'), pattern: z.string().max(500) }),
  z.strictObject({ field, op: z.literal('not_matches'), pattern: z.string().max(500) }),
  z.strictObject({ field: z.literal('severity'), op: z.literal('severity_at_least'), value: z.enum(alertSeverities) }),
])

export const alertThresholdInput = z.strictObject({
  minAlerts: z.number().int(),
  windowMinutes: z.number().int(),
  groupByLabel: z.string().min(1).max(200).optional(),
})

export const routingAction = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ignore') }),
  z.strictObject({ type: z.literal('record') }),
  z.strictObject({ type: z.literal('page'), escalationPolicyId: z.string().min(1).max(200) }),
  z.strictObject({
    type: z.literal('open_incident'),
    severity: z.number().int().optional(),
    threshold: alertThresholdInput.optional(),
  }),
])

export const createRoutingRuleInput = z.strictObject({
  name: nameSchema,
  position: z.number().int().min(0).max(1_000_000).default(0),
  is_enabled: z.boolean().default(true),
  conditions: z.array(ruleCondition).max(MAX_CONDITIONS).default([]),
  actions: z.array(routingAction).min(1).max(10),
  continue_matching: z.boolean().default(false),
})

export const updateRoutingRuleInput = z.strictObject({
  name: nameSchema.optional(),
  position: z.number().int().min(0).max(1_000_000).optional(),
  is_enabled: z.boolean().optional(),
  conditions: z.array(ruleCondition).max(MAX_CONDITIONS).optional(),
  actions: z.array(routingAction).min(1).max(10).optional(),
  continue_matching: z.boolean().optional(),
})

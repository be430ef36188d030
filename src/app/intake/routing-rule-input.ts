import { z } from 'zod'
import { alertSeverities } from '../../domain/alert/alert-severity.js'
import { MAX_INCIDENT_POLICIES } from '../../domain/alert/open-incident-action.js'
import { MAX_CONDITIONS } from '../../domain/alert/routing-rule.js'
import { MAX_SEVERITY_MAP_ENTRIES } from '../../domain/alert/severity-choice.js'
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

// Levels are checked against the organisation's severity scale by the use case, not here.
const severityLevel = z.number().int()

export const severityChoiceInput = z.union([
  severityLevel,
  z.strictObject({
    from_label: z.string().min(1).max(200).describe('the label whose value picks the level'),
    map: z
      .record(z.string().max(1024), severityLevel)
      .describe(`label value → severity level; at most ${MAX_SEVERITY_MAP_ENTRIES} values`),
    default: severityLevel.describe('the level for any other value, or no label'),
  }),
])

export const openIncidentActionInput = z.strictObject({
  type: z.literal('open_incident'),
  severity: severityChoiceInput
    .optional()
    .describe("a level of the severity scale, or read from a label; left out: suggested by the alert's severity"),
  threshold: alertThresholdInput.optional().describe('open only once ≥ minAlerts alerts fired within windowMinutes'),
  firing_for: z
    .strictObject({ minutes: z.number().int() })
    .optional()
    .describe('open only once a matching alert has been firing (not resolved) for longer than this'),
  page_id: z.uuid().optional().describe('the status page the incident belongs to'),
  crisis_type: z.string().min(1).max(63).optional().describe('a crisis type key; left out: service_outage'),
  playbook: z.string().min(1).max(100).optional().describe("a playbook key; left out: the crisis type's own"),
  escalation_policy_ids: z
    .array(z.uuid())
    .max(MAX_INCIDENT_POLICIES)
    .optional()
    .describe('escalation policies paged once when the incident opens'),
})

export const routingAction = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ignore') }),
  z.strictObject({ type: z.literal('record') }),
  z.strictObject({ type: z.literal('page'), escalationPolicyId: z.string().min(1).max(200) }),
  openIncidentActionInput,
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

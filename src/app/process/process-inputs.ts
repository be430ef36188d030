import { z } from 'zod'
import { incidentStatuses } from '../../domain/incident/incident-status.js'
import { incidentRoles } from '../../domain/process/incident-roles.js'
import type { ProcessCommand } from '../../domain/process/process-commands.js'
import type { ScopeChecklist, ScopeChecklistItem } from '../../domain/process/scope-checklist.js'
import { messageStages } from '../../domain/process/timeline.js'
import { dateTimeSchema, textSchema } from '../common-schemas.js'

const shortText = z.string().trim().min(1, 'must not be empty').max(2000)
const label = z.string().trim().min(1).max(200)
export const personSchema = z.object({ id: z.string().trim().min(1).max(200), name: label }).strict()
const unknown = z.object({ kind: z.literal('unknown') }).strict()
const labels = z.array(label).max(100).default([])

/** API names are snake_case; the domain's checklist keys are camelCase. */
const checklistItems = {
  started_at: 'startedAt',
  expected_duration: 'expectedDuration',
  affected: 'affected',
  workaround: 'workaround',
} as const

export const checklistAnswerInput = z.discriminatedUnion('item', [
  z
    .object({
      item: z.literal('started_at'),
      answer: z.discriminatedUnion('kind', [z.object({ kind: z.literal('at'), at: dateTimeSchema }).strict(), unknown]),
    })
    .strict(),
  z
    .object({
      item: z.literal('expected_duration'),
      answer: z.discriminatedUnion('kind', [
        z
          .object({
            kind: z.literal('minutes'),
            minutes: z
              .int()
              .min(1)
              .max(366 * 24 * 60),
          })
          .strict(),
        z.object({ kind: z.literal('until'), at: dateTimeSchema }).strict(),
        unknown,
      ]),
    })
    .strict(),
  z
    .object({
      item: z.literal('affected'),
      answer: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('all') }).strict(),
        z
          .object({ kind: z.literal('some'), regions: labels, plans: labels, components: labels, features: labels })
          .strict(),
        unknown,
      ]),
    })
    .strict(),
  z
    .object({
      item: z.literal('workaround'),
      answer: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('none') }).strict(),
        z.object({ kind: z.literal('described'), text: shortText }).strict(),
        unknown,
      ]),
    })
    .strict(),
])

export function checklistCommand(input: z.infer<typeof checklistAnswerInput>): ProcessCommand {
  const item: ScopeChecklistItem = checklistItems[input.item]
  return { type: 'answer_scope', item, answer: input.answer as NonNullable<ScopeChecklist[ScopeChecklistItem]> }
}

export const confirmCriterionInput = z.object({ criterion_id: label, is_met: z.boolean() }).strict()
export const declareInput = z.object({ override_reason: shortText.optional() }).strict()
export const standDownInput = z.object({ reason: shortText }).strict()
export const transitionInput = z.object({ to: z.enum(incidentStatuses), reason: shortText.optional() }).strict()
export const severityInput = z.object({ level: z.int().min(1).max(20) }).strict()
export const crisisTypeInput = z
  .object({ crisis_type: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'must be a crisis type key') })
  .strict()
export const cadenceInput = z
  .object({
    minutes: z
      .int()
      .min(1)
      .max(31 * 24 * 60),
  })
  .strict()
export const checkInInput = z
  .object({ role: z.enum([...incidentRoles, 'shadow', 'responder']), person: personSchema.optional() })
  .strict()
export const assignRoleInput = z.union([
  z.object({ person: personSchema.nullable(), backup: personSchema.nullable().optional() }).strict(),
  // The seed's rota: whoever the schedule has on call now takes the role (and the backup from a second schedule).
  z.object({ from_schedule: z.uuid(), backup_from_schedule: z.uuid().optional() }).strict(),
])
export const roleParam = z.enum(incidentRoles)
export const shadowInput = z
  .object({ person: personSchema, shadowing: z.enum(incidentRoles).nullable().default(null) })
  .strict()
export const answerQuestionInput = z.object({ question_id: label, answer: z.boolean() }).strict()
export const checkTaskInput = z.object({ is_done: z.boolean() }).strict()
export const noteInput = z.object({ text: textSchema.trim().min(1, 'must not be empty') }).strict()
export const decisionInput = z.object({ text: shortText, rationale: shortText.optional() }).strict()
/** An alert Candor received (its id; summary and source come from it) or one known elsewhere (give its summary). */
export const attachAlertInput = z
  .object({ alert_id: label, summary: shortText.optional(), source: label.optional() })
  .strict()
export const publishInput = z
  .object({
    stage: z.enum(['acknowledgement', 'scope', 'update', 'all_clear', 'postmortem']),
    text: textSchema.trim().min(1, 'must not be empty'),
    channels: z
      .array(z.string().regex(/^[a-z][a-z0-9_]{0,40}$/, 'must be a channel name such as status_page'))
      .max(20)
      .default([]),
    status: z.enum(['investigating', 'identified', 'monitoring']).optional(),
  })
  .strict()
export const deliveryReportInput = z
  .object({
    stage: z.enum(messageStages),
    channel: label,
    audience: label,
    recipient_count: z.int().min(0),
    text: textSchema.optional(),
  })
  .strict()

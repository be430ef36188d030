import { z } from 'zod'
import { initialIncidentStatuses, incidentStatuses } from '../../domain/incident/incident-status.js'
import {
  componentStatusSchema,
  dateTimeSchema,
  idSchema,
  impactSchema,
  nameSchema,
  textSchema,
} from '../common-schemas.js'

export const componentChangesSchema = z
  .array(z.object({ id: idSchema, status: componentStatusSchema }).strict())
  .max(500)
  .refine((list) => new Set(list.map((c) => c.id)).size === list.length, 'each component may appear once')

const shortText = (max: number) => z.string().trim().min(1).max(max).nullable()

/** What every channel tells customers beside the update text; null clears a fact. */
export const communicationFactsShape = {
  who_is_affected: shortText(500),
  expected_duration: shortText(200),
  workaround: shortText(2000),
  contact: shortText(300),
  response_time_minutes: z
    .int()
    .min(1)
    .max(31 * 24 * 60)
    .nullable(),
  third_party_provider: shortText(200),
  /** The status page may name the provider; emails, webhooks and social drafts never do. */
  show_provider_on_page: z.boolean(),
}

export const createIncidentInput = z
  .object({
    ...z.object(communicationFactsShape).partial().shape,
    title: nameSchema,
    page_id: idSchema.nullable().optional(),
    status: z.enum(initialIncidentStatuses).default('investigating'),
    severity: z.int().min(1).max(20).optional(),
    impact: impactSchema.optional(),
    type: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,40}$/, 'must be a lowercase identifier such as service_outage')
      .optional(),
    is_drill: z.boolean().optional(),
    started_at: dateTimeSchema.optional(),
    body: textSchema.optional(),
    body_technical: textSchema.nullable().optional(),
    components: componentChangesSchema.optional(),
    deliver_notifications: z.boolean().optional(),
  })
  .strict()

export const updateIncidentInput = z
  .object({
    title: nameSchema,
    page_id: idSchema.nullable(),
    severity: z.int().min(1).max(20),
    /** What customers see; null to follow the affected components again. */
    impact: impactSchema.nullable(),
    type: z.string().regex(/^[a-z][a-z0-9_]{0,40}$/),
    started_at: dateTimeSchema,
    ...communicationFactsShape,
  })
  .strict()
  .partial()

export const postUpdateInput = z
  .object({
    status: z.enum(incidentStatuses),
    body: textSchema.min(1, 'must not be empty'),
    body_technical: textSchema.nullable().optional(),
    components: componentChangesSchema.optional(),
    deliver_notifications: z.boolean().optional(),
    display_at: dateTimeSchema.optional(),
  })
  .strict()

export const editUpdateInput = z
  .object({ body: textSchema.min(1), body_technical: textSchema.nullable() })
  .strict()
  .partial()

type CommunicationFactsInput = Partial<{
  [K in keyof typeof communicationFactsShape]: z.infer<(typeof communicationFactsShape)[K]>
}>

/** The facts as the store writes them; a field not given stays as it is. */
export function communicationFacts(input: CommunicationFactsInput) {
  return {
    whoIsAffected: input.who_is_affected,
    expectedDuration: input.expected_duration,
    workaround: input.workaround,
    contact: input.contact,
    responseTimeMinutes: input.response_time_minutes,
    thirdPartyProvider: input.third_party_provider,
    showProviderOnPage: input.show_provider_on_page,
  }
}

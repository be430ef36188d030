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

export const createIncidentInput = z
  .object({
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

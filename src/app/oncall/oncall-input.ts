import { z } from 'zod'
import { contactKinds } from '../../domain/oncall/notification-plan.js'
import { parseTimeOfDay } from '../../domain/oncall/restriction.js'
import { dateTimeSchema, idSchema, nameSchema, textSchema, timeZoneSchema } from '../common-schemas.js'

const timeOfDay = z.string().refine((t) => parseTimeOfDay(t) !== null, 'must be a time of day HH:mm, e.g. 09:00')
const weekday = z.int().min(1, 'must be 1 (Monday) to 7 (Sunday)').max(7, 'must be 1 (Monday) to 7 (Sunday)')

export const restrictionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('daily'),
    start_time: timeOfDay,
    end_time: timeOfDay,
    time_zone: timeZoneSchema.optional(),
  }),
  z.strictObject({
    kind: z.literal('weekly'),
    start_day: weekday,
    start_time: timeOfDay,
    end_day: weekday,
    end_time: timeOfDay,
    time_zone: timeZoneSchema.optional(),
  }),
])

export const layerSchema = z
  .strictObject({
    name: z.string().trim().max(200).default(''),
    participant_ids: z.array(idSchema).max(200),
    shift_length: z
      .int()
      .min(1)
      .max(24 * 366),
    shift_unit: z.enum(['hours', 'days', 'weeks']),
    /** The first handoff; its local time in `time_zone` is the handoff time of day. */
    start_at: dateTimeSchema,
    end_at: dateTimeSchema.nullable().optional(),
    time_zone: timeZoneSchema,
    restrictions: z.array(restrictionSchema).max(50).default([]),
  })
  .refine((l) => !l.end_at || l.end_at > l.start_at, { path: ['end_at'], message: 'must be after start_at' })
  .refine((l) => l.shift_unit === 'hours' || l.shift_length <= 366, {
    path: ['shift_length'],
    message: 'at most 366 days or weeks',
  })

export const createScheduleInput = z.strictObject({
  name: nameSchema,
  description: textSchema.default(''),
  time_zone: timeZoneSchema,
  /** Later layers take precedence over earlier ones. */
  layers: z.array(layerSchema).max(20).default([]),
})

export const updateScheduleInput = z
  .strictObject({
    name: nameSchema,
    description: textSchema,
    time_zone: timeZoneSchema,
    layers: z.array(layerSchema).max(20),
  })
  .partial()

const regionSchema = z.strictObject({
  name: nameSchema,
  time_zone: timeZoneSchema,
  participant_ids: z.array(idSchema).max(200),
})

export const followTheSunInput = z.strictObject({
  name: nameSchema.default('Follow the sun'),
  start_at: dateTimeSchema,
  regions: z.tuple([regionSchema, regionSchema, regionSchema]),
  first_shift_start_utc: timeOfDay.default('22:00'),
  handoff_every_days: z.int().min(1).max(28).default(7),
})

export const overrideInput = z
  .strictObject({
    user_id: idSchema,
    replaces_user_id: idSchema.nullable().optional(),
    start_at: dateTimeSchema,
    end_at: dateTimeSchema,
  })
  .refine((o) => o.end_at > o.start_at, { path: ['end_at'], message: 'must be after start_at' })

export const targetSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('schedule'), id: idSchema }),
  z.strictObject({ type: z.literal('user'), id: idSchema }),
])

export const levelSchema = z.strictObject({
  ack_timeout_minutes: z
    .int()
    .min(1)
    .max(7 * 24 * 60),
  targets: z.array(targetSchema).min(1, 'a level needs at least one target').max(20),
})

export const createPolicyInput = z.strictObject({
  name: nameSchema,
  description: textSchema.default(''),
  repeat_count: z.int().min(0).max(20).default(0),
  levels: z.array(levelSchema).min(1, 'a policy needs at least one level').max(20),
  fallback_targets: z.array(targetSchema).max(20).default([]),
})

export const updatePolicyInput = z
  .strictObject({
    name: nameSchema,
    description: textSchema,
    repeat_count: z.int().min(0).max(20),
    levels: z.array(levelSchema).min(1).max(20),
    fallback_targets: z.array(targetSchema).max(20),
  })
  .partial()

export const contactMethodInput = z
  .strictObject({
    user_id: idSchema,
    kind: z.enum(contactKinds),
    address: z.string().trim().max(2000).default(''),
    delay_minutes: z.int().min(0).max(1440).default(0),
  })
  .superRefine((m, ctx) => {
    if (m.kind === 'email' && !z.email().safeParse(m.address).success)
      ctx.addIssue({ code: 'custom', path: ['address'], message: 'must be an email address' })
    if ((m.kind === 'webhook' || m.kind === 'slack') && !z.url({ protocol: /^https?$/ }).safeParse(m.address).success) {
      ctx.addIssue({ code: 'custom', path: ['address'], message: 'must be an http(s) URL' })
    }
  })

export const triggerPageInput = z.strictObject({
  escalation_policy_id: idSchema,
  summary: nameSchema,
  details: textSchema.default(''),
  incident_id: idSchema.nullable().optional(),
})

export const pageActionInput = z.strictObject({ user_id: idSchema.optional() })

export const rangeQuery = z.strictObject({ from: dateTimeSchema.optional(), to: dateTimeSchema.optional() })
export const atQuery = z.strictObject({ at: dateTimeSchema.optional() })
export const nextShiftsQuery = z.strictObject({
  at: dateTimeSchema.optional(),
  count: z.coerce.number().int().min(1).max(100).default(10),
})
export const listPagesQuery = z.strictObject({
  status: z.enum(['triggered', 'acknowledged', 'resolved']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})

export const readinessInput = z.strictObject({
  role: z.string().trim().min(1).max(100),
  from: dateTimeSchema,
  to: dateTimeSchema,
  trainings: z
    .array(
      z.strictObject({
        user_id: idSchema,
        role: z.string().max(100),
        kind: z.enum(['shadowed_incident', 'drill']),
        at: dateTimeSchema,
      }),
    )
    .max(10_000)
    .default([]),
  companion_schedule_ids: z.array(idSchema).max(20).default([]),
  turn_break_hours: z
    .number()
    .positive()
    .max(24 * 60)
    .optional(),
})

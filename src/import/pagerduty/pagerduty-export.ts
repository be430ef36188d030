import { z } from 'zod'

/**
 * PagerDuty REST API v2 objects (developer.pagerduty.com) as `GET /users?include[]=contact_methods`,
 * `GET /schedules/{id}`, `GET /schedules/{id}/overrides`, `GET /escalation_policies` and
 * `GET /services?include[]=integrations` return them, gathered in one file (the API client
 * writes the same with --save). Unknown fields are kept and ignored.
 */
const text = z.string().nullish()
const reference = z.looseObject({ id: z.string().min(1), type: z.string().nullish() })

export const pagerdutyContactMethod = z.looseObject({
  id: z.string().min(1),
  type: z.string(),
  address: z.string().nullish(),
  label: text,
})

export const pagerdutyUser = z.looseObject({
  id: z.string().min(1),
  name: z.string().default(''),
  email: z.string(),
  time_zone: text,
  role: text,
  contact_methods: z.array(z.union([pagerdutyContactMethod, reference])).default([]),
  notification_rules: z
    .array(
      z.looseObject({
        start_delay_in_minutes: z.number().int().nonnegative(),
        urgency: text,
        contact_method: reference,
      }),
    )
    .default([]),
})

export const pagerdutyRestriction = z.looseObject({
  type: z.enum(['daily_restriction', 'weekly_restriction']),
  start_time_of_day: z.string().regex(/^\d{2}:\d{2}(:\d{2})?$/, 'must be HH:MM:SS'),
  duration_seconds: z.number().int().positive(),
  start_day_of_week: z.number().int().min(1).max(7).nullish(),
})

export const pagerdutyLayer = z.looseObject({
  id: z.string().min(1),
  name: z.string().default(''),
  start: z.string(),
  end: text,
  rotation_virtual_start: z.string(),
  rotation_turn_length_seconds: z.number().int().positive(),
  users: z.array(z.looseObject({ user: reference })),
  restrictions: z.array(pagerdutyRestriction).default([]),
})

export const pagerdutyOverride = z.looseObject({
  id: z.string().min(1),
  start: z.string(),
  end: z.string(),
  user: reference,
})

export const pagerdutySchedule = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  description: text,
  time_zone: z.string(),
  /** As GET returns them: the highest-precedence layer first (the reverse of how they are created). */
  schedule_layers: z.array(pagerdutyLayer).default([]),
  overrides: z.array(pagerdutyOverride).default([]),
  /** With `?since=&until=`: who PagerDuty itself puts on call, used to confirm the layers' precedence. */
  final_schedule: z
    .looseObject({
      rendered_schedule_entries: z
        .array(z.looseObject({ start: z.string(), end: z.string(), user: reference.nullish() }))
        .default([]),
    })
    .nullish(),
})

export const pagerdutyPolicy = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  description: text,
  num_loops: z.number().int().nonnegative().default(0),
  escalation_rules: z.array(
    z.looseObject({
      id: z.string().nullish(),
      escalation_delay_in_minutes: z.number().int().positive(),
      targets: z.array(reference),
    }),
  ),
})

export const pagerdutyService = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  escalation_policy: reference.nullish(),
  integrations: z.array(z.looseObject({ id: z.string().min(1), type: z.string(), summary: text })).default([]),
})

export const pagerdutyExport = z.looseObject({
  users: z.array(pagerdutyUser).default([]),
  schedules: z.array(pagerdutySchedule).default([]),
  escalation_policies: z.array(pagerdutyPolicy).default([]),
  services: z.array(pagerdutyService).default([]),
})
export type PagerdutyExport = z.infer<typeof pagerdutyExport>
export type PagerdutySchedule = z.infer<typeof pagerdutySchedule>

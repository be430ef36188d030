import { z } from 'zod'

/**
 * Opsgenie REST API v2 objects (docs.opsgenie.com): users with their contacts
 * (`GET /v2/users/{id}/contacts`), schedules with rotations (`GET /v2/schedules?expand=rotation`)
 * and overrides (`GET /v2/schedules/{id}/overrides`), escalations and integrations, gathered in
 * one file (the API client writes the same with --save). Unknown fields are kept and ignored.
 */
const text = z.string().nullish()
const weekday = z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])
const hour = z.number().int().min(0).max(24)
const minute = z.number().int().min(0).max(59)

export const opsgenieParticipant = z.looseObject({ type: z.string(), id: text, username: text, name: text })

export const opsgenieRotation = z.looseObject({
  id: z.string().min(1),
  name: z.string().default(''),
  startDate: z.string(),
  endDate: text,
  type: z.enum(['hourly', 'daily', 'weekly']),
  length: z.number().int().positive().default(1),
  participants: z.array(opsgenieParticipant).default([]),
  timeRestriction: z
    .union([
      z.looseObject({
        type: z.literal('time-of-day'),
        restriction: z.looseObject({ startHour: hour, startMin: minute, endHour: hour, endMin: minute }),
      }),
      z.looseObject({
        type: z.literal('weekday-and-time-of-day'),
        restrictions: z.array(
          z.looseObject({
            startDay: weekday,
            startHour: hour,
            startMin: minute,
            endDay: weekday,
            endHour: hour,
            endMin: minute,
          }),
        ),
      }),
    ])
    .nullish(),
})

export const opsgenieOverride = z.looseObject({
  alias: z.string().min(1),
  user: opsgenieParticipant,
  startDate: z.string(),
  endDate: z.string(),
  rotations: z.array(z.looseObject({ id: z.string(), name: text })).nullish(),
})

export const opsgenieSchedule = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  description: text,
  timezone: z.string(),
  enabled: z.boolean().nullish(),
  rotations: z.array(opsgenieRotation).default([]),
  overrides: z.array(opsgenieOverride).default([]),
})

export const opsgenieUser = z.looseObject({
  id: z.string().min(1),
  username: z.string(),
  fullName: z.string().default(''),
  contacts: z
    .array(z.looseObject({ id: z.string().min(1), method: z.string(), to: z.string(), enabled: z.boolean().nullish() }))
    .default([]),
})

export const opsgenieEscalation = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  description: text,
  rules: z.array(
    z.looseObject({
      condition: z.string().default('if-not-acked'),
      notifyType: z.string().default('default'),
      delay: z.looseObject({ timeAmount: z.number().nonnegative(), timeUnit: z.string().default('minutes') }),
      recipient: opsgenieParticipant,
    }),
  ),
  repeat: z
    .looseObject({
      waitInterval: z.number().nonnegative().default(0),
      count: z.number().int().nonnegative().default(0),
    })
    .nullish(),
})

export const opsgenieIntegration = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  type: z.string(),
  enabled: z.boolean().nullish(),
})

export const opsgenieExport = z.looseObject({
  users: z.array(opsgenieUser).default([]),
  schedules: z.array(opsgenieSchedule).default([]),
  escalations: z.array(opsgenieEscalation).default([]),
  integrations: z.array(opsgenieIntegration).default([]),
})
export type OpsgenieExport = z.infer<typeof opsgenieExport>
export type OpsgenieRotation = z.infer<typeof opsgenieRotation>

import { z } from 'zod'
import { intakeKinds, type IntakeKind } from '../../domain/alert/alert-event.js'
import { defaultFlapPolicy, MAX_FLAP_CHANGES, type FlapPolicy } from '../../domain/alert/flapping.js'
import {
  defaultEmailIntakeSettings,
  emailIntakeSettings,
  type EmailIntakeSettings,
} from '../../intake/payloads/email.js'

export const flapPolicySchema = z.strictObject({
  windowMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60),
  minChanges: z.number().int().min(2).max(MAX_FLAP_CHANGES),
})

/** Per-integration settings: flap detection for every kind, mail handling for email. */
export const integrationConfig = z.strictObject({
  flap: flapPolicySchema.optional(),
  email: emailIntakeSettings.optional(),
})
export type IntegrationConfig = z.infer<typeof integrationConfig>

export const intakeKindSchema = z.enum(intakeKinds, { error: `must be one of ${intakeKinds.join(', ')}` })

export interface IntegrationSettings {
  flap: FlapPolicy
  email: EmailIntakeSettings
}

/** Stored config is re-read leniently: a setting that no longer parses falls back to the default. */
export function settingsOf(config: unknown): IntegrationSettings {
  const parsed = integrationConfig.safeParse(config)
  const value = parsed.success ? parsed.data : {}
  return { flap: value.flap ?? defaultFlapPolicy, email: value.email ?? defaultEmailIntakeSettings }
}

export type { IntakeKind }

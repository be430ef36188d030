import { z } from 'zod'
import { lintKinds } from '../../domain/template/brand-voice.js'
import { audiences, messageStages, templateChannels } from '../../domain/template/message-kinds.js'
import { idSchema, localeSchema } from '../common-schemas.js'

export const stageSchema = z.enum(messageStages)
export const channelSchema = z.enum(templateChannels)
export const audienceSchema = z.enum(audiences)

export const templateKeyParams = z
  .object({ stage: stageSchema, channel: channelSchema, audience: audienceSchema, locale: localeSchema })
  .strict()

export const listTemplatesQuery = z
  .object({
    stage: stageSchema.optional(),
    channel: channelSchema.optional(),
    audience: audienceSchema.optional(),
    locale: localeSchema.optional(),
    /** `true`: only the organisation's own. */
    overridden: z.enum(['true', 'false']).optional(),
  })
  .strict()

const source = (max: number) => z.string().max(max).nullable().optional()

/** Fields left out or null keep the built-in template. */
export const templateSourcesInput = z
  .object({ subject: source(1_000), body: source(20_000), short: source(2_000) })
  .strict()
  .refine((s) => s.subject != null || s.body != null || s.short != null, {
    message: 'give at least one of subject, body and short (DELETE the template to go back to the built-in one)',
  })

export const previewInput = z
  .object({
    stage: stageSchema,
    audience: audienceSchema.default('customer'),
    locale: localeSchema.optional(),
    channels: z
      .array(channelSchema)
      .min(1)
      .max(4)
      .default([...templateChannels]),
    /** Real facts from this incident; without it, sample facts. */
    incident_id: idSchema.optional(),
    /** The communicator's text to render in place of the incident's latest update ("": none yet). */
    message: z.string().max(20_000).optional(),
    /** Unsaved sources for one channel, as the editor holds them. */
    draft: z
      .object({
        channel: channelSchema,
        subject: source(1_000),
        body: source(20_000),
        short: source(2_000),
      })
      .strict()
      .optional(),
  })
  .strict()

const phrase = z.string().trim().min(1, 'must not be blank').max(100)

export const brandVoiceInput = z
  .object({
    sign_off: z.string().max(500),
    words_to_avoid: z.array(phrase).max(200),
    /** The blame and speculation list; null goes back to the defaults. */
    lint_rules: z
      .array(z.object({ phrase, kind: z.enum(lintKinds), reason: z.string().max(300).optional() }).strict())
      .max(500)
      .nullable(),
  })
  .partial()
  .strict()

export const lintInput = z.object({ text: z.string().max(20_000) }).strict()

import { z } from 'zod'
import { subscriberChannels, subscriberStates } from '../../domain/delivery/subscription.js'
import { httpUrlSchema, idSchema, localeSchema } from '../common-schemas.js'

export const audienceSchema = z.enum(['customer', 'technical'])

export const createSubscriberInput = z
  .object({
    channel: z.enum(subscriberChannels).default('email'),
    /** Email address, or the webhook / Slack incoming-webhook URL. */
    address: z.string().trim().min(3).max(2000),
    locale: localeSchema.nullable().optional(),
    audience: audienceSchema.optional(),
    component_ids: z.array(idSchema).max(500).optional(),
    /** Email only: the operator attests consent, so no confirmation mail is sent. */
    skip_confirmation: z.boolean().optional(),
  })
  .strict()

export const updateSubscriberInput = z
  .object({
    locale: localeSchema.nullable().optional(),
    audience: audienceSchema.optional(),
    component_ids: z.array(idSchema).max(500).optional(),
    /** Re-activate a disabled subscriber, or unsubscribe one. */
    state: z.enum(['active', 'unsubscribed']).optional(),
  })
  .strict()

export const listSubscribersQuery = z
  .object({
    q: z.string().max(200).optional(),
    channel: z.enum(subscriberChannels).optional(),
    state: z.enum(subscriberStates).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    cursor: z.string().max(200).optional(),
  })
  .strict()

export const bulkRemoveInput = z
  .object({
    ids: z.array(idSchema).min(1).max(10_000).optional(),
    state: z.enum(subscriberStates).optional(),
    channel: z.enum(subscriberChannels).optional(),
    q: z.string().max(200).optional(),
    /** A filter-less bulk remove must say so, so an empty body never empties a page. */
    all: z.literal(true).optional(),
  })
  .strict()
  .refine((v) => v.ids || v.state || v.channel || v.q || v.all, {
    message: 'name ids, a filter (state, channel, q) or all: true',
  })

export const publicSubscribeInput = z.object({
  email: z.string().trim().min(3).max(254),
  locale: localeSchema.optional().or(z.literal('').transform(() => undefined)),
  /** A form sends one value or several under the same name. */
  component_ids: z.union([idSchema, z.array(idSchema).max(500)]).optional(),
})

export const deliveriesQuery = z
  .object({
    status: z.enum(['pending', 'sending', 'sent', 'retrying', 'failed', 'skipped']).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    after: idSchema.optional(),
  })
  .strict()

export const webhookUrlSchema = httpUrlSchema

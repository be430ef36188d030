import { z } from 'zod'
import { contactChannels } from '../../domain/key-customer/key-customer.js'
import { idSchema, nameSchema } from '../common-schemas.js'
import { personSchema } from '../process/process-inputs.js'

const contactSchema = z
  .object({
    name: nameSchema,
    email: z.email({ message: 'must be an email address' }).max(320).nullable().default(null),
    phone: z
      .string()
      .trim()
      .max(40)
      .regex(/^\+?[0-9 ()./-]{3,}$/, 'must be a phone number such as +49 30 1234567')
      .nullable()
      .default(null),
  })
  .strict()

/** The fields of a key customer; creating fills the defaults, changing takes any subset. */
const fields = {
  name: nameSchema,
  // Up to a week: longer is not a promise of direct contact during an incident.
  notify_within_minutes: z
    .int()
    .min(1)
    .max(7 * 24 * 60),
  channel: z.enum(contactChannels, { message: `must be one of ${contactChannels.join(', ')}` }),
  contacts: z.array(contactSchema).max(20),
  mrr: z.number().min(0).max(1e12).nullable(),
  component_ids: z.array(idSchema).max(500),
  is_affected_by_every_incident: z.boolean(),
  notes: z.string().max(2000).nullable(),
}

export const createKeyCustomerInput = z
  .object({
    ...fields,
    channel: fields.channel.default('email'),
    contacts: fields.contacts.default([]),
    mrr: fields.mrr.default(null),
    component_ids: fields.component_ids.default([]),
    is_affected_by_every_incident: fields.is_affected_by_every_incident.default(false),
    notes: fields.notes.default(null),
  })
  .strict()
export type CreateKeyCustomerInput = z.infer<typeof createKeyCustomerInput>

export const updateKeyCustomerInput = z.object(fields).partial().strict()

/** A task's holder, its state and the customer ticket it is worked in; any subset. */
export const updateContactTaskInput = z
  .object({
    state: z.enum(['open', 'done']),
    ticket_id: z.string().trim().min(1).max(200).nullable(),
    holder: personSchema.nullable(),
  })
  .partial()
  .strict()

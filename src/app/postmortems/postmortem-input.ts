import { z } from 'zod'
import { actionItemStates, isCalendarDate } from '../../domain/postmortem/action-items.js'
import { factorCategories } from '../../domain/postmortem/contributing-factors.js'
import { maxSectionChars, postmortemSections } from '../../domain/postmortem/postmortem-sections.js'

const section = z.string().max(maxSectionChars)
/** Any of the seeds' sections; those left out keep what they had. */
export const sectionsPatch = z
  .object(Object.fromEntries(postmortemSections.map((s) => [s, section])))
  .partial()
  .strict()

const label = z.string().trim().min(1).max(200)
export const factorInput = z
  .object({
    category: z.enum(factorCategories),
    area: label.nullable().default(null),
    note: z.string().trim().min(1).max(2000).nullable().default(null),
  })
  .strict()

export const createPostmortemInput = z.object({}).strict()

export const editPostmortemInput = z
  .object({
    internal: sectionsPatch.optional(),
    public: sectionsPatch.optional(),
    contributing_factors: z.array(factorInput).max(50).optional(),
    /** The revision this edit was made on: refused (409) when someone saved a newer one meanwhile. */
    revision: z.int().min(1).optional(),
  })
  .strict()

export const regenerateTimelineInput = z
  .object({ version: z.enum(['internal', 'public', 'both']).default('both') })
  .strict()

export const publishPostmortemInput = z
  .object({
    /** What subscribers and the incident's updates say of it; a sentence from the seeds by default. */
    message: z.string().trim().min(1).max(2000).optional(),
    revision: z.int().min(1).optional(),
  })
  .strict()

export const skipPostmortemInput = z
  .object({ reason: z.string().trim().min(1, 'must not be empty').max(2000) })
  .strict()

export const postmortemQuery = z
  .object({
    format: z.enum(['json', 'markdown']).default('json'),
    version: z.enum(['internal', 'public', 'published']).default('internal'),
  })
  .strict()

// Years PostgreSQL's date and JavaScript's Date both hold, with room for the day after.
const isDueDate = (v: string) => isCalendarDate(v) && v >= '1970-01-01' && v <= '9999-12-30'
const dueOn = z.string().refine(isDueDate, 'must be a date such as 2026-05-31').nullable()
const tags = z.array(z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'must be a short lowercase tag such as plan')).max(10)

export const createActionItemInput = z
  .object({
    title: z.string().trim().min(1, 'must not be empty').max(500),
    owner_id: z.uuid({ message: 'must be the id of a member' }).nullable().default(null),
    due_on: dueOn.default(null),
    tags: tags.default([]),
  })
  .strict()

export const updateActionItemInput = z
  .object({
    title: z.string().trim().min(1, 'must not be empty').max(500),
    owner_id: z.uuid({ message: 'must be the id of a member' }).nullable(),
    due_on: dueOn,
    state: z.enum(actionItemStates),
    tags,
  })
  .partial()
  .strict()

const flag = z.enum(['true', 'false']).transform((v) => v === 'true')
export const listActionItemsQuery = z
  .object({
    state: z.enum(actionItemStates).optional(),
    overdue: flag.optional(),
    owner_id: z.uuid().optional(),
    incident_id: z.uuid().optional(),
    tag: z.string().max(40).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(200),
  })
  .strict()

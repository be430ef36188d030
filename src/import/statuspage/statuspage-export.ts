import { z } from 'zod'

/**
 * Statuspage's API v1 objects (developer.statuspage.io), as the API returns them and as
 * `candor import statuspage --save FILE` writes them. Unknown fields are kept and ignored,
 * so newer exports still read.
 */
const text = z.string().nullish()

export const statuspageComponent = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  description: text,
  status: z.string().nullish(),
  position: z.number().nullish(),
  group: z.boolean().nullish(),
  group_id: text,
  showcase: z.boolean().nullish(),
  only_show_if_degraded: z.boolean().nullish(),
  start_date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullish(),
  /** On a group: its children's ids. */
  components: z.array(z.string()).nullish(),
})

const affectedComponent = z.looseObject({
  code: z.string(),
  name: z.string().nullish(),
  old_status: z.string().nullish(),
  new_status: z.string().nullish(),
})

export const statuspageIncidentUpdate = z.looseObject({
  id: z.string().min(1),
  status: z.string(),
  body: z.string().nullish(),
  created_at: z.string(),
  display_at: text,
  affected_components: z.array(affectedComponent).nullish(),
})

export const statuspageIncident = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  status: z.string(),
  impact: z.string().nullish(),
  created_at: z.string(),
  started_at: text,
  monitoring_at: text,
  resolved_at: text,
  scheduled_for: text,
  scheduled_until: text,
  postmortem_body: text,
  postmortem_published_at: text,
  incident_updates: z.array(statuspageIncidentUpdate).default([]),
  components: z.array(z.union([z.string(), z.looseObject({ id: z.string() })])).nullish(),
})

export const statuspageSubscriber = z.looseObject({
  id: z.string().min(1),
  mode: z.string(),
  email: text,
  endpoint: text,
  quarantined_at: text,
  created_at: text,
  components: z.array(z.union([z.string(), z.looseObject({ id: z.string() })])).nullish(),
  /** Which list it came from: the API lists confirmed (`active`) and `unconfirmed` ones apart. */
  state: z.enum(['active', 'unconfirmed', 'quarantined']).nullish(),
})

export const statuspageExport = z.looseObject({
  page: z.looseObject({
    id: z.string().min(1),
    name: z.string(),
    subdomain: text,
    time_zone: text,
  }),
  components: z.array(statuspageComponent).default([]),
  incidents: z.array(statuspageIncident).default([]),
  scheduled_maintenances: z.array(statuspageIncident).default([]),
  subscribers: z.array(statuspageSubscriber).default([]),
})
export type StatuspageExport = z.infer<typeof statuspageExport>
export type StatuspageIncident = z.infer<typeof statuspageIncident>

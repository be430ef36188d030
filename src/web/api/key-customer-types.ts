/** Key customers and their contact tasks as the API shows them (src/app/key-customers/key-customer-view.ts). */
export const contactChannels = ['email', 'phone', 'slack', 'teams', 'video_call', 'other'] as const
export type ContactChannel = (typeof contactChannels)[number]

export const channelLabels: Record<string, string> = {
  email: 'Email',
  phone: 'Phone',
  slack: 'Slack',
  teams: 'Teams',
  video_call: 'Video call',
  other: 'Other',
}

export interface CustomerContact {
  name: string
  email: string | null
  phone: string | null
}

export interface KeyCustomer {
  id: string
  name: string
  notify_within_minutes: number
  channel: ContactChannel
  contacts: CustomerContact[]
  mrr: number | null
  component_ids: string[]
  is_affected_by_every_incident: boolean
  notes: string | null
}

export interface ContactTask {
  id: string
  incident_id: string
  customer_name: string
  channel: string
  notify_within_minutes: number
  holder: { id: string; name: string } | null
  state: 'open' | 'done'
  ticket_id: string | null
  deadline_at: string
  is_overdue: boolean
  done_at: string | null
  done_by: string | null
}

/**
 * A key customer (PRODUCT.md §4, "direct contact of key customers"): someone the organisation
 * promised, by SLA, to tell personally within N minutes that an incident affects them.
 */
export const contactChannels = ['email', 'phone', 'slack', 'teams', 'video_call', 'other'] as const
export type ContactChannel = (typeof contactChannels)[number]

export function isContactChannel(value: unknown): value is ContactChannel {
  return typeof value === 'string' && (contactChannels as readonly string[]).includes(value)
}

export interface CustomerContact {
  name: string
  email: string | null
  phone: string | null
}

export interface KeyCustomerTerms {
  id: string
  name: string
  notifyWithinMinutes: number
  /** Told of every incident, whatever it affects (a customer who uses everything, or asked to be). */
  isAffectedByEveryIncident: boolean
  /** The components and services this customer depends on. */
  componentIds: readonly string[]
}

/** Which key customers an incident on these components affects, in the order given. */
export function affectedCustomers<C extends KeyCustomerTerms>(
  customers: readonly C[],
  incidentComponentIds: readonly string[],
): C[] {
  const affected = new Set(incidentComponentIds)
  return customers.filter((c) => c.isAffectedByEveryIncident || c.componentIds.some((id) => affected.has(id)))
}

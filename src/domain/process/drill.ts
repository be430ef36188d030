/**
 * A drill runs the whole process for practice: everything works the same, but nothing
 * reaches customers or a public page, and every message says it is a drill.
 */
export const drillMarker = 'DRILL'

/** Audiences outside the company; a drill never reaches them. */
export const publicAudiences = [
  'customers',
  'subscribers',
  'public_page',
  'social',
  'key_customers',
  'partners',
] as const
export type PublicAudience = (typeof publicAudiences)[number]

export function isPublicAudience(audience: string): boolean {
  return (publicAudiences as readonly string[]).includes(audience)
}

export function mayReach(isDrill: boolean, audience: string): boolean {
  return !isDrill || !isPublicAudience(audience)
}

/** Marks a subject or body once; marking twice changes nothing. */
export function markDrill(isDrill: boolean, text: string): string {
  if (!isDrill || text.startsWith(`[${drillMarker}] `)) return text
  return `[${drillMarker}] ${text}`
}

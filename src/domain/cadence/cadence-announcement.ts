import { Duration } from 'luxon'

/**
 * A change of cadence is itself announced (the Zendesk seed: "communicate what the new
 * cadence will be"), in words, never as a bare number of minutes.
 */
export function describeInterval(minutes: number, locale = 'en'): string {
  const d = Duration.fromObject({ minutes }, { locale }).shiftTo('days', 'hours', 'minutes')
  const units = (['days', 'hours', 'minutes'] as const).filter((u) => d.get(u) !== 0)
  if (units.length === 1 && d.get(units[0]!) === 1 && locale === 'en') return units[0]!.slice(0, -1)
  return d.shiftTo(...units).toHuman({ listStyle: 'long', unitDisplay: 'long' })
}

export function cadenceChangeAnnouncement(toMinutes: number): string {
  return `We'll now post updates every ${describeInterval(toMinutes)}.`
}

import { IANAZone, Info, type Zone } from 'luxon'

const DAY_MS = 86_400_000
const MAX_CACHED_DAYS = 100_000

/**
 * Luxon asks Intl for a zone's offset on every calculation, which dominated rendering a
 * year of schedules. Offsets only change at transitions, so we remember them per UTC
 * hour; an hour that contains a transition is never cached and is always asked afresh.
 */
class MemoisedZone extends IANAZone {
  private readonly offsets = new Map<number, number>()

  override offset(ts: number): number {
    const day = Math.floor(ts / DAY_MS)
    const cached = this.offsets.get(day)
    if (cached !== undefined) return cached
    const exact = super.offset(ts)
    const start = day * DAY_MS
    if (super.offset(start) === exact && super.offset(start + DAY_MS - 1) === exact) {
      if (this.offsets.size >= MAX_CACHED_DAYS) this.offsets.clear()
      this.offsets.set(day, exact)
    }
    return exact
  }
}

const zones = new Map<string, Zone>()

/** The zone to hand luxon for an IANA name; fixed zones such as "UTC" are luxon's own (cheap already). */
export function zoneFor(name: string): Zone {
  let zone = zones.get(name)
  if (zone === undefined) {
    const fixed = Info.normalizeZone(name)
    zone = fixed.type === 'iana' && fixed.isValid ? new MemoisedZone(name) : fixed
    zones.set(name, zone)
  }
  return zone
}

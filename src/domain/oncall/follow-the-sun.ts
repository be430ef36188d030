import { parseTimeOfDay } from './restriction.js'
import type { Layer, Schedule } from './schedule-types.js'

const HOUR_MS = 3_600_000
const DAY_MS = 86_400_000

export interface FollowTheSunRegion {
  name: string
  timeZone: string
  participants: readonly string[]
}

export interface FollowTheSunInput {
  id: string
  name?: string
  /** Coverage starts here. */
  startAt: Date
  /** Three regions, in the order the day passes between them. */
  regions: readonly [FollowTheSunRegion, FollowTheSunRegion, FollowTheSunRegion]
  /** UTC time the first region's shift starts; 22:00 is 09:00 in Sydney in summer. */
  firstShiftStartUtc?: string
  /** How long each person in a region holds their shift before the next one takes over (the seed: a week at a time). */
  handoffEveryDays?: number
  displayTimeZone?: string
}

export const followTheSunExample: Omit<FollowTheSunInput, 'id' | 'startAt'> = {
  name: 'Follow the sun',
  regions: [
    { name: 'Sydney', timeZone: 'Australia/Sydney', participants: [] },
    { name: 'Berlin', timeZone: 'Europe/Berlin', participants: [] },
    { name: 'New York', timeZone: 'America/New_York', participants: [] },
  ],
  firstShiftStartUtc: '22:00',
  handoffEveryDays: 7,
}

/**
 * Three 8-hour shifts that tile the day. The windows are fixed in UTC because the three
 * regions change clocks on different dates: local working hours drift by an hour with
 * DST, but the day never has a gap or an overlap. Rotations count elapsed hours for the
 * same reason, so a handoff always falls on a window's start.
 */
export function followTheSun(input: FollowTheSunInput): Schedule {
  const firstMinutes = parseTimeOfDay(input.firstShiftStartUtc ?? '22:00')
  if (firstMinutes === null) throw new RangeError('firstShiftStartUtc must be HH:mm')
  const handoffHours = (input.handoffEveryDays ?? 7) * 24
  const startMs = input.startAt.getTime()
  const midnightUtc = Math.floor(startMs / DAY_MS) * DAY_MS

  const layers: Layer[] = input.regions.map((region, i) => {
    const windowStart = (firstMinutes + i * 8 * 60) % (24 * 60)
    const windowEnd = (windowStart + 8 * 60) % (24 * 60)
    // Anchor on the window in progress at the start (or the next), so coverage begins at once.
    let anchorMs = midnightUtc + windowStart * 60_000
    if (anchorMs > startMs) anchorMs -= DAY_MS
    if (anchorMs + 8 * HOUR_MS <= startMs) anchorMs += DAY_MS
    return {
      id: `${input.id}-${slug(region.name)}`,
      name: region.name,
      participants: region.participants,
      shiftLength: { unit: 'hours', length: handoffHours },
      startAt: new Date(anchorMs),
      timeZone: region.timeZone,
      restrictions: [{ kind: 'daily', startTime: hhmm(windowStart), endTime: hhmm(windowEnd), timeZone: 'UTC' }],
    }
  })
  return {
    id: input.id,
    name: input.name ?? 'Follow the sun',
    timeZone: input.displayTimeZone ?? 'UTC',
    layers,
    overrides: [],
  }
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

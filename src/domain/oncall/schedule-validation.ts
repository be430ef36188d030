import { IANAZone } from 'luxon'
import { parseTimeOfDay } from './restriction.js'
import type { Layer, Restriction, Schedule } from './schedule-types.js'

export interface Problem {
  path: string
  message: string
}

const isWeekday = (n: number) => Number.isInteger(n) && n >= 1 && n <= 7
const isValidInstant = (d: Date | null | undefined) => d instanceof Date && !Number.isNaN(d.getTime())

export function isTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone)
}

function restrictionProblems(r: Restriction, path: string): Problem[] {
  const problems: Problem[] = []
  if (parseTimeOfDay(r.startTime) === null) problems.push({ path: `${path}.startTime`, message: 'must be HH:mm' })
  if (parseTimeOfDay(r.endTime) === null) problems.push({ path: `${path}.endTime`, message: 'must be HH:mm' })
  if (r.timeZone !== undefined && !isTimeZone(r.timeZone))
    problems.push({ path: `${path}.timeZone`, message: `unknown time zone "${r.timeZone}"` })
  if (r.kind === 'weekly') {
    if (!isWeekday(r.startDay)) problems.push({ path: `${path}.startDay`, message: 'must be 1 (Monday) to 7 (Sunday)' })
    if (!isWeekday(r.endDay)) problems.push({ path: `${path}.endDay`, message: 'must be 1 (Monday) to 7 (Sunday)' })
  }
  return problems
}

function layerProblems(layer: Layer, path: string): Problem[] {
  const problems: Problem[] = []
  const { unit, length } = layer.shiftLength
  if (!Number.isInteger(length) || length < 1)
    problems.push({ path: `${path}.shiftLength.length`, message: 'must be a positive whole number' })
  if (unit === 'hours' && length > 24 * 366)
    problems.push({ path: `${path}.shiftLength.length`, message: 'at most a year of hours' })
  if (!isTimeZone(layer.timeZone))
    problems.push({ path: `${path}.timeZone`, message: `unknown time zone "${layer.timeZone}"` })
  if (!isValidInstant(layer.startAt)) problems.push({ path: `${path}.startAt`, message: 'must be a valid instant' })
  if (layer.endAt && (!isValidInstant(layer.endAt) || layer.endAt.getTime() <= layer.startAt.getTime())) {
    problems.push({ path: `${path}.endAt`, message: 'must come after startAt' })
  }
  layer.restrictions?.forEach((r, i) => problems.push(...restrictionProblems(r, `${path}.restrictions.${i}`)))
  return problems
}

/** Everything wrong with a schedule at once, so a form can show every problem together. */
export function scheduleProblems(schedule: Schedule): Problem[] {
  const problems: Problem[] = []
  if (!isTimeZone(schedule.timeZone))
    problems.push({ path: 'timeZone', message: `unknown time zone "${schedule.timeZone}"` })
  const layerIds = schedule.layers.map((l) => l.id)
  if (new Set(layerIds).size !== layerIds.length) problems.push({ path: 'layers', message: 'layer ids must be unique' })
  schedule.layers.forEach((layer, i) => problems.push(...layerProblems(layer, `layers.${i}`)))
  schedule.overrides?.forEach((o, i) => {
    if (!isValidInstant(o.startAt) || !isValidInstant(o.endAt) || o.endAt.getTime() <= o.startAt.getTime()) {
      problems.push({ path: `overrides.${i}.endAt`, message: 'an override must end after it starts' })
    }
  })
  return problems
}

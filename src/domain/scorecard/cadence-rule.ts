import { cadenceForSeverity } from '../cadence/cadence.js'
import type { TimelineEntry } from '../process/timeline.js'
import { durationText, minutesMs } from './duration-text.js'
import { met, missed, notApplicable, open, type Rule } from './rule-types.js'
import { isActive, statusTimeline } from './timeline-facts.js'

export interface CadenceGap {
  startAt: Date
  /** The next message, or when the incident stopped being active; null while it still waits. */
  endAt: Date | null
  /** The promise in force at the start, and every change of it before the gap ended. */
  promises: { from: Date; minutes: number }[]
  isLate: boolean
}

const isMessage = (e: TimelineEntry) => e.type === 'message_published' && e.stage !== 'internal'

/**
 * Every wait between public messages while the incident was active, each against the cadence
 * then promised. A wait is late when, at some moment, longer had passed since the last message
 * than the cadence in force at that moment (as the process's own reminder judges it); a change
 * of cadence without a message changes the promise for the wait already running.
 */
export function cadenceGaps(input: Parameters<Rule>[0]): CadenceGap[] {
  const { facts, settings, now } = input
  const { entries } = facts
  const statusAt = statusTimeline(facts, input.incident.status)
  const cadenceAfter: number[] = []
  let cadence = cadenceForSeverity(settings.severityScale, facts.initialSeverity)
  for (const e of entries) {
    if (e.type === 'cadence_change') cadence = e.toMinutes
    cadenceAfter.push(cadence)
  }
  const gaps: CadenceGap[] = []
  entries.forEach((e, i) => {
    if (!isMessage(e) || !isActive(statusAt(i))) return
    let endAt: Date | null = null
    const promises = [{ from: e.at, minutes: cadenceAfter[i]! }]
    for (let j = i + 1; j < entries.length; j++) {
      const next = entries[j]!
      if (isMessage(next) || (next.type === 'status_change' && !isActive(statusAt(j)))) {
        endAt = next.at
        break
      }
      if (next.type === 'cadence_change') promises.push({ from: next.at, minutes: next.toMinutes })
    }
    const until = endAt ?? now
    const isLate = promises.some((p, k) => {
      const segmentEnd = promises[k + 1]?.from ?? until
      return segmentEnd.getTime() > e.at.getTime() + minutesMs(p.minutes)
    })
    gaps.push({ startAt: e.at, endAt, promises, isLate })
  })
  return gaps
}

export const cadenceKept: Rule = (input) => {
  const gaps = cadenceGaps(input)
  if (gaps.length === 0)
    return notApplicable('No public message while the incident was active: no cadence was promised')
  const late = gaps.filter((g) => g.isLate)
  if (late.length > 0) {
    const worst = late
      .map((g) => ({
        waited: (g.endAt ?? input.now).getTime() - g.startAt.getTime(),
        promised: g.promises[0]!.minutes,
      }))
      .sort((a, b) => b.waited - a.waited)[0]!
    const running = late.some((g) => g.endAt === null) ? ' (the latest is overdue now)' : ''
    return missed(
      `${late.length} of ${gaps.length} waits between updates ran past the promised cadence${running}; ` +
        `the longest was ${durationText(worst.waited)} against a promise of every ` +
        durationText(minutesMs(worst.promised)),
    )
  }
  const running = gaps.find((g) => g.endAt === null)
  if (running) {
    const promise = running.promises[running.promises.length - 1]!
    const dueAt = new Date(running.startAt.getTime() + minutesMs(promise.minutes))
    return open(`On cadence so far; the next update is due by ${dueAt.toISOString()}`)
  }
  return met(`Every update came within the promised cadence (${gaps.length} wait${gaps.length === 1 ? '' : 's'})`)
}

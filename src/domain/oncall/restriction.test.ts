import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { activeWindows, isActiveAt, parseTimeOfDay, workingHours } from './restriction.js'

const local = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toFormat('ccc yyyy-MM-dd HH:mm')

describe('restriction windows', () => {
  it('reads HH:mm and refuses anything else', () => {
    expect(parseTimeOfDay('09:30')).toBe(570)
    expect(parseTimeOfDay('24:00')).toBeNull()
    expect(parseTimeOfDay('9:30')).toBeNull()
  })

  it('keeps weekday 09:00–17:00 in Berlin local through the spring-forward weekend', () => {
    const windows = activeWindows(
      workingHours([1, 2, 3, 4, 5], '09:00', '17:00'),
      'Europe/Berlin',
      Date.parse('2026-03-26T00:00:00Z'),
      Date.parse('2026-04-01T00:00:00Z'),
    )
    expect(windows.map((w) => `${local(w.startMs, 'Europe/Berlin')} → ${local(w.endMs, 'Europe/Berlin')}`)).toEqual([
      'Thu 2026-03-26 09:00 → Thu 2026-03-26 17:00',
      'Fri 2026-03-27 09:00 → Fri 2026-03-27 17:00',
      'Mon 2026-03-30 09:00 → Mon 2026-03-30 17:00',
      'Tue 2026-03-31 09:00 → Tue 2026-03-31 17:00',
    ])
    expect(new Date(windows[0]!.startMs).toISOString()).toBe('2026-03-26T08:00:00.000Z')
    expect(new Date(windows[2]!.startMs).toISOString()).toBe('2026-03-30T07:00:00.000Z')
  })

  it('lets a daily window cross midnight and clips it to the range', () => {
    const windows = activeWindows(
      [{ kind: 'daily', startTime: '22:00', endTime: '06:00' }],
      'UTC',
      Date.parse('2026-05-01T00:00:00Z'),
      Date.parse('2026-05-02T12:00:00Z'),
    )
    expect(windows.map((w) => [new Date(w.startMs).toISOString(), new Date(w.endMs).toISOString()])).toEqual([
      ['2026-05-01T00:00:00.000Z', '2026-05-01T06:00:00.000Z'],
      ['2026-05-01T22:00:00.000Z', '2026-05-02T06:00:00.000Z'],
    ])
  })

  it('wraps a weekly window from Friday evening to Monday morning over the weekend', () => {
    const weekend = [
      { kind: 'weekly' as const, startDay: 5 as const, startTime: '18:00', endDay: 1 as const, endTime: '08:00' },
    ]
    expect(isActiveAt(weekend, 'America/New_York', Date.parse('2026-05-09T12:00:00Z'))).toBe(true)
    expect(isActiveAt(weekend, 'America/New_York', Date.parse('2026-05-11T11:59:59Z'))).toBe(true)
    expect(isActiveAt(weekend, 'America/New_York', Date.parse('2026-05-11T12:00:00Z'))).toBe(false)
    expect(isActiveAt(weekend, 'America/New_York', Date.parse('2026-05-08T21:59:59Z'))).toBe(false)
  })

  it('uses a restriction time zone over the layer zone when it has one', () => {
    const utcMorning = [{ kind: 'daily' as const, startTime: '06:00', endTime: '14:00', timeZone: 'UTC' }]
    expect(isActiveAt(utcMorning, 'Australia/Sydney', Date.parse('2026-07-01T06:00:00Z'))).toBe(true)
    expect(isActiveAt(utcMorning, 'Australia/Sydney', Date.parse('2026-07-01T14:00:00Z'))).toBe(false)
  })

  it('leaves the whole range open when a layer has no restrictions', () => {
    expect(activeWindows([], 'UTC', 10, 20)).toEqual([{ startMs: 10, endMs: 20 }])
  })
})

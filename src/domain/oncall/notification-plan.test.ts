import { describe, expect, it } from 'vitest'
import type { NotifyAction } from './escalation.js'
import { planNotifications, resolveTargets, unreachableUsers, type ContactMethod } from './notification-plan.js'
import type { Schedule } from './schedule-types.js'

const now = new Date('2026-05-01T12:00:00Z')
const primary: Schedule = {
  id: 'primary',
  timeZone: 'UTC',
  layers: [
    {
      id: 'l',
      participants: ['ana', 'ben'],
      shiftLength: { unit: 'days', length: 1 },
      startAt: new Date('2026-05-01T00:00:00Z'),
      timeZone: 'UTC',
    },
  ],
}
const empty: Schedule = { id: 'empty', timeZone: 'UTC', layers: [] }
const schedules = new Map([primary, empty].map((s) => [s.id, s]))
const action: NotifyAction = { type: 'notify', levelIndex: 1, round: 0, isFallback: false, targets: [] }

describe('notification plan', () => {
  it('resolves schedules to whoever is on call then, each person once, and names the empty ones', () => {
    const resolved = resolveTargets(
      [
        { kind: 'schedule', scheduleId: 'primary' },
        { kind: 'user', userId: 'ana' },
        { kind: 'user', userId: 'cto' },
        { kind: 'schedule', scheduleId: 'empty' },
      ],
      now,
      (id) => schedules.get(id),
    )
    expect(resolved).toEqual({ userIds: ['ana', 'cto'], emptyScheduleIds: ['empty'] })
    expect(
      resolveTargets([{ kind: 'schedule', scheduleId: 'primary' }], new Date('2026-05-02T01:00:00Z'), (id) =>
        schedules.get(id),
      ).userIds,
    ).toEqual(['ben'])
  })

  it('sends email at once and the webhook two minutes later, per person', () => {
    const methods: ContactMethod[] = [
      { id: 'm2', userId: 'ana', kind: 'webhook', address: 'https://hooks.example.com/ana', delayMinutes: 2 },
      { id: 'm1', userId: 'ana', kind: 'email', address: 'ana@example.com', delayMinutes: 0 },
      { id: 'm3', userId: 'zed', kind: 'email', address: 'zed@example.com', delayMinutes: 0 },
    ]
    const planned = planNotifications(action, ['ana'], methods, now)
    expect(planned.map((p) => [p.kind, p.address, p.dueAt.toISOString(), p.levelIndex])).toEqual([
      ['email', 'ana@example.com', '2026-05-01T12:00:00.000Z', 1],
      ['webhook', 'https://hooks.example.com/ana', '2026-05-01T12:02:00.000Z', 1],
    ])
    expect(unreachableUsers(['ana', 'bob'], methods)).toEqual(['bob'])
  })
})

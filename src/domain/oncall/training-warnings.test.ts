import { describe, expect, it } from 'vitest'
import type { Schedule } from './schedule-types.js'
import { untrainedAloneWarnings, type TrainingRecord } from './training-warnings.js'

const daily = (id: string, participants: string[]): Schedule => ({
  id,
  timeZone: 'UTC',
  layers: [
    {
      id: `${id}-l`,
      participants,
      shiftLength: { unit: 'days', length: 1 },
      startAt: new Date('2026-05-01T00:00:00Z'),
      timeZone: 'UTC',
    },
  ],
})
const role = 'support_on_call_manager'
const from = new Date('2026-05-01T00:00:00Z')
const to = new Date('2026-05-04T00:00:00Z')
const drill = (userId: string, at: string, forRole = role): TrainingRecord => ({
  userId,
  role: forRole,
  kind: 'drill',
  at: new Date(at),
})

describe('untrained responders left alone', () => {
  it('warns for each shift of a person with no shadowed incident or drill in the role', () => {
    const warnings = untrainedAloneWarnings({
      schedule: daily('s', ['ana', 'new']),
      role,
      trainings: [drill('ana', '2026-01-01T00:00:00Z'), drill('new', '2026-01-01T00:00:00Z', 'incident_lead')],
      from,
      to,
    })
    expect(warnings.map((w) => [w.userId, w.startAt.toISOString(), w.endAt.toISOString()])).toEqual([
      ['new', '2026-05-02T00:00:00.000Z', '2026-05-03T00:00:00.000Z'],
    ])
    expect(warnings[0]!.message).toContain('would be alone')
  })

  it('stops warning from the moment the drill is done', () => {
    const warnings = untrainedAloneWarnings({
      schedule: daily('s', ['new']),
      role,
      trainings: [drill('new', '2026-05-02T10:00:00Z')],
      from,
      to,
    })
    expect(warnings.map((w) => [w.startAt.toISOString(), w.endAt.toISOString()])).toEqual([
      ['2026-05-01T00:00:00.000Z', '2026-05-02T10:00:00.000Z'],
    ])
  })

  it('does not warn while a trained companion from a backup schedule is on call beside them', () => {
    const backup: Schedule = {
      ...daily('backup', ['ana']),
      layers: [{ ...daily('backup', ['ana']).layers[0]!, endAt: new Date('2026-05-02T12:00:00Z') }],
    }
    const warnings = untrainedAloneWarnings({
      schedule: daily('s', ['new']),
      role,
      trainings: [drill('ana', '2026-01-01T00:00:00Z')],
      from,
      to,
      companions: [backup],
    })
    expect(warnings.map((w) => [w.startAt.toISOString(), w.endAt.toISOString()])).toEqual([
      ['2026-05-02T12:00:00.000Z', '2026-05-04T00:00:00.000Z'],
    ])
  })
})

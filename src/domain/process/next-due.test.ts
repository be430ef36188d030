import { describe, expect, it } from 'vitest'
import { nextTimerDueAt } from './next-due.js'
import { defaultProcessPolicy } from './process-policy.js'
import { bo, confirmAll, cy, minutesAfter, opened, run } from './process-test-kit.js'

describe('when the timers next need a look', () => {
  it('is the triage reminder for a fresh triage, or an earlier backup takeover', () => {
    expect(nextTimerDueAt(opened(), defaultProcessPolicy)).toEqual(minutesAfter(10))
    const withBackup = opened({ roles: [{ role: 'support_on_call_manager', person: cy, backup: bo }] })
    const policy = { ...defaultProcessPolicy, takeover: { checkInWithinMinutes: 4 } }
    expect(nextTimerDueAt(withBackup, policy)).toEqual(minutesAfter(4))
  })

  it('follows the cadence once customers have heard from us', () => {
    const { incident } = run(opened(), [
      ...confirmAll,
      { type: 'declare' },
      { type: 'publish', stage: 'acknowledgement', text: 'ack', channels: ['status_page'] },
    ])
    expect(nextTimerDueAt(incident, defaultProcessPolicy)).toEqual(minutesAfter(5 + 60 - 5))
  })

  it('is nothing for a stood-down incident', () => {
    const { incident } = run(opened(), [{ type: 'stand_down', reason: 'false alarm' }])
    expect(nextTimerDueAt(incident, defaultProcessPolicy)).toBeNull()
  })
})

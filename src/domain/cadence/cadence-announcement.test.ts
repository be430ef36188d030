import { describe, expect, it } from 'vitest'
import { cadenceChangeAnnouncement, describeInterval } from './cadence-announcement.js'

describe('the cadence announcement', () => {
  it('says the new cadence in words', () => {
    expect(cadenceChangeAnnouncement(120)).toBe("We'll now post updates every 2 hours.")
    expect(cadenceChangeAnnouncement(60)).toBe("We'll now post updates every hour.")
    expect(cadenceChangeAnnouncement(3 * 24 * 60)).toBe("We'll now post updates every 3 days.")
  })

  it('joins mixed units', () => {
    expect(describeInterval(90)).toBe('1 hour and 30 minutes')
    expect(describeInterval(30)).toBe('30 minutes')
    expect(describeInterval(7 * 24 * 60)).toBe('7 days')
  })
})

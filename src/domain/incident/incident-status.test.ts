import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  canTransition,
  incidentStatuses,
  initialIncidentStatuses,
  isOpen,
  isPublic,
  statuspageStatus,
  type IncidentStatus,
} from './incident-status.js'

describe('incident status machine', () => {
  it('lets triage become declared or stood down, nothing else', () => {
    expect(incidentStatuses.filter((s) => canTransition('triage', s))).toEqual(['declared', 'stood_down'])
  })

  it('lets public statuses move back and forth and be resolved', () => {
    expect(canTransition('identified', 'investigating')).toBe(true)
    expect(canTransition('monitoring', 'resolved')).toBe(true)
    expect(canTransition('investigating', 'investigating')).toBe(true)
  })

  it('re-opens a resolved incident but never a closed one', () => {
    expect(canTransition('resolved', 'investigating')).toBe(true)
    expect(incidentStatuses.some((s) => canTransition('closed', s))).toBe(false)
  })

  it('never reaches the public from triage without being declared', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...incidentStatuses), { maxLength: 30 }), (attempts) => {
        let status: IncidentStatus = 'triage'
        let declared = false
        for (const next of attempts) {
          if (!canTransition(status, next)) continue
          if (next === 'declared') declared = true
          status = next
          if (isPublic(status) && status !== 'stood_down') expect(declared).toBe(true)
        }
      }),
    )
  })

  it('maps every status onto the Statuspage enum', () => {
    const allowed = ['investigating', 'identified', 'monitoring', 'resolved', 'postmortem']
    for (const s of incidentStatuses) expect(allowed).toContain(statuspageStatus(s))
    expect(statuspageStatus('postmortem_published')).toBe('postmortem')
  })

  it('counts triage and active statuses as open, the rest as finished', () => {
    expect(initialIncidentStatuses.filter(isOpen)).toEqual(['triage', 'investigating', 'identified', 'monitoring'])
    expect(isOpen('stood_down')).toBe(false)
  })
})

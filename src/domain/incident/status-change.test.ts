import { describe, expect, it } from 'vitest'
import { changeStatus, type IncidentTimes } from './status-change.js'

const at = (iso: string) => new Date(iso)
const fresh = (status: IncidentTimes['status']): IncidentTimes => ({
  status,
  declaredAt: null,
  identifiedAt: null,
  monitoringAt: null,
  resolvedAt: null,
})

describe('changeStatus', () => {
  it('stamps identified, monitoring and resolved the first time they are reached', () => {
    const t1 = at('2026-01-01T10:00:00Z')
    const step1 = changeStatus(fresh('investigating'), 'identified', t1)
    expect(step1).toMatchObject({ ok: true, patch: { status: 'identified', identifiedAt: t1, declaredAt: t1 } })
    const again = changeStatus({ ...fresh('monitoring'), identifiedAt: t1 }, 'identified', at('2026-01-01T11:00:00Z'))
    expect(again.ok && again.patch.identifiedAt).toBeUndefined()
    const resolved = changeStatus(fresh('monitoring'), 'resolved', t1)
    expect(resolved.ok && resolved.patch.resolvedAt).toEqual(t1)
  })

  it('refuses an illegal transition and lists the legal ones', () => {
    const result = changeStatus(fresh('triage'), 'resolved', at('2026-01-01T10:00:00Z'))
    expect(result).toEqual({
      ok: false,
      reason: 'an incident cannot go from triage to resolved',
      allowed: ['declared', 'stood_down'],
    })
  })

  it('re-opening a resolved incident clears its resolution and says so', () => {
    const result = changeStatus(
      { ...fresh('resolved'), resolvedAt: at('2026-01-01T10:00:00Z') },
      'investigating',
      at('2026-01-01T12:00:00Z'),
    )
    expect(result).toMatchObject({ ok: true, reopened: true, patch: { resolvedAt: null } })
  })

  it('keeps triage private: standing down does not declare', () => {
    const result = changeStatus(fresh('triage'), 'stood_down', at('2026-01-01T10:00:00Z'))
    expect(result.ok && result.patch.declaredAt).toBeUndefined()
  })
})

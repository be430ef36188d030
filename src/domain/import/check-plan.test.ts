import { describe, expect, it } from 'vitest'
import { checkPlan } from './check-plan.js'
import { emptyPlan, externalKey, type ImportPlan } from './import-plan.js'

const k = (kind: string, id: string) => externalKey('statuspage', kind, id)
const at = new Date('2026-01-01T00:00:00Z')

function plan(fill: (p: ImportPlan) => void): ImportPlan {
  const p = emptyPlan('statuspage')
  p.pages.push({ key: k('page', 'p'), name: 'Page', slug: 'page' })
  fill(p)
  return p
}

describe('checking an import plan before writing it', () => {
  it('keeps the first of two items with the same key and reports the second', () => {
    const checked = checkPlan(
      plan((p) => {
        const c = { pageKey: k('page', 'p'), groupKey: null, description: null, status: 'operational' as const }
        p.components.push({ key: k('component', 'c'), name: 'First', position: 1, ...c })
        p.components.push({ key: k('component', 'c'), name: 'Second', position: 2, ...c })
      }),
    )
    expect(checked.components.map((c) => c.name)).toEqual(['First'])
    expect(checked.skipped).toEqual([
      {
        item: 'component statuspage:component:c',
        reason: 'the same id appears twice in the source; the first was kept',
      },
    ])
  })

  it('leaves out items whose page is missing and references to components that are not there', () => {
    const checked = checkPlan(
      plan((p) => {
        p.groups.push({ key: k('group', 'g'), pageKey: k('page', 'gone'), name: 'G', description: null, position: 0 })
        p.incidents.push({
          key: k('incident', 'i'),
          pageKey: k('page', 'p'),
          title: 'Outage',
          status: 'resolved',
          impact: 'major',
          startedAt: at,
          identifiedAt: null,
          monitoringAt: null,
          resolvedAt: at,
          componentKeys: [k('component', 'nope')],
          updates: [
            { key: k('incident_update', 'u1'), status: 'resolved', body: 'ok', at },
            { key: k('incident_update', 'u2'), status: 'resolved', body: 'bad', at: new Date('nonsense') },
          ],
        })
      }),
    )
    expect(checked.groups).toEqual([])
    expect(checked.skipped.map((s) => s.reason)).toEqual(['its page is missing'])
    expect(checked.incidents[0]).toMatchObject({ componentKeys: [], updates: [{ body: 'ok' }] })
    expect(checked.approximations.map((a) => a.reason)).toEqual([
      'updates without a valid time were left out',
      '1 affected component(s) not found; left out',
    ])
  })

  it('turns characters PostgreSQL refuses into U+FFFD', () => {
    const checked = checkPlan(plan((p) => void (p.pages[0]!.name = 'Sta\u0000tus \ud800')))
    expect(checked.pages[0]!.name).toBe('Sta\ufffdtus \ufffd')
  })

  it('refuses subscribers with addresses that are not email addresses or http URLs', () => {
    const checked = checkPlan(
      plan((p) => {
        const base = { pageKey: k('page', 'p'), isConfirmed: true, componentKeys: [] }
        p.subscribers.push({ key: k('subscriber', '1'), channel: 'email', address: 'not-an-address', ...base })
        p.subscribers.push({ key: k('subscriber', '2'), channel: 'webhook', address: 'ftp://x.example', ...base })
        p.subscribers.push({ key: k('subscriber', '3'), channel: 'email', address: 'ok@example.com', ...base })
      }),
    )
    expect(checked.subscribers.map((s) => s.address)).toEqual(['ok@example.com'])
    expect(checked.skipped).toHaveLength(2)
  })

  it('drops rotation members and policy targets that were not imported, and a policy left with no level', () => {
    const checked = checkPlan(
      plan((p) => {
        p.people.push({ key: k('user', 'a'), email: 'a@example.com', name: 'A' })
        p.schedules.push({
          key: k('schedule', 's'),
          name: 'S',
          description: '',
          timeZone: 'Europe/Berlin',
          layers: [
            {
              name: 'L',
              shiftUnit: 'days',
              shiftLength: 1,
              startAt: at,
              endAt: null,
              timeZone: 'Europe/Berlin',
              restrictions: [],
              participantKeys: [k('user', 'a'), k('user', 'ghost')],
            },
          ],
        })
        p.policies.push({
          key: k('policy', 'ok'),
          name: 'OK',
          description: '',
          repeatCount: 40,
          levels: [{ ackTimeoutMinutes: 0, targets: [{ kind: 'schedule', key: k('schedule', 's') }] }],
        })
        p.policies.push({
          key: k('policy', 'empty'),
          name: 'Empty',
          description: '',
          repeatCount: 0,
          levels: [{ ackTimeoutMinutes: 5, targets: [{ kind: 'person', key: k('user', 'ghost') }] }],
        })
      }),
    )
    expect(checked.schedules[0]!.layers[0]!.participantKeys).toEqual([k('user', 'a')])
    expect(checked.policies).toMatchObject([{ name: 'OK', repeatCount: 20, levels: [{ ackTimeoutMinutes: 1 }] }])
    expect(checked.skipped).toEqual([
      { item: 'escalation policy "Empty"', reason: 'a policy needs at least one level' },
    ])
  })
})

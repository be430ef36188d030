import { describe, expect, it } from 'vitest'
import { normaliseAlertmanager } from './alertmanager.js'
import { fixture } from './fixtures.js'

const receivedAt = new Date('2026-11-20T09:15:00Z')

describe('Alertmanager webhook (version 4)', () => {
  it('turns each alert of a group into a trigger keyed by its fingerprint', () => {
    const result = normaliseAlertmanager(fixture('alertmanager-webhook-v4.json'), receivedAt)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.events).toHaveLength(2)
    expect(result.events[0]).toMatchObject({
      kind: 'alertmanager',
      action: 'trigger',
      dedupKey: 'a3f1c2d4e5b60718',
      summary: 'Checkout 5xx rate above 5% for 5 minutes',
      severity: 'critical',
      source: 'checkout-7f9c:8080',
      labels: { service: 'checkout', region: 'eu-west-1', instance: 'checkout-7f9c:8080' },
      occurredAt: new Date('2026-11-20T09:14:03.125Z'),
      links: [{ href: expect.stringContaining('prometheus.example.internal') }],
    })
    expect(result.events[0]?.details).toMatchObject({
      endsAt: null,
      groupKey: expect.stringContaining('CheckoutErrorRate'),
    })
    expect(result.events[1]?.dedupKey).toBe('b7e2d9a0c1f34466')
    expect(result.raw[1]).toMatchObject({ groupKey: expect.any(String), alerts: [{ fingerprint: 'b7e2d9a0c1f34466' }] })
    expect((result.raw[1] as { alerts: unknown[] }).alerts).toHaveLength(1)
  })

  it('turns a resolved alert into a resolve dated by its endsAt', () => {
    const body = fixture('alertmanager-webhook-v4.json')
    const alerts = (body.alerts as Record<string, unknown>[]).map((a) => ({
      ...a,
      status: 'resolved',
      endsAt: '2026-11-20T09:30:00.5+01:00',
    }))
    const result = normaliseAlertmanager({ ...body, status: 'resolved', alerts }, new Date('2026-11-20T09:40:00Z'))
    expect(result.ok && result.events.map((e) => [e.action, e.occurredAt.toISOString()])).toEqual([
      ['resolve', '2026-11-20T08:30:00.500Z'],
      ['resolve', '2026-11-20T08:30:00.500Z'],
    ])
  })

  it('derives the same key from the same labels when an old Alertmanager sends no fingerprint', () => {
    const alert = { status: 'firing', labels: { alertname: 'Down', job: 'api' } }
    const a = normaliseAlertmanager({ status: 'firing', alerts: [alert] }, receivedAt)
    const b = normaliseAlertmanager(
      { status: 'firing', alerts: [{ ...alert, labels: { job: 'api', alertname: 'Down' } }] },
      receivedAt,
    )
    const c = normaliseAlertmanager(
      { status: 'firing', alerts: [{ ...alert, labels: { alertname: 'Down', job: 'web' } }] },
      receivedAt,
    )
    expect(a.ok && a.events[0]?.dedupKey).toMatch(/^labels:[0-9a-f]{32}$/)
    expect(a.ok && b.ok && a.events[0]?.dedupKey === b.events[0]?.dedupKey).toBe(true)
    expect(a.ok && c.ok && a.events[0]?.dedupKey === c.events[0]?.dedupKey).toBe(false)
  })

  it('falls back to the alert name and severity "error" when annotations and severity are missing', () => {
    const result = normaliseAlertmanager(
      { status: 'firing', alerts: [{ status: 'firing', labels: { alertname: 'Down' }, startsAt: 'yesterday' }] },
      receivedAt,
    )
    expect(result.ok && result.events[0]).toMatchObject({ summary: 'Down', severity: 'error', occurredAt: receivedAt })
  })

  it('names every problem of a malformed payload', () => {
    const result = normaliseAlertmanager(
      { status: 'burning', alerts: [{ status: 'firing', labels: { a: 1 } }] },
      receivedAt,
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems.map((p) => p.path)).toEqual(['status', 'alerts.0.labels.a'])
    expect(normaliseAlertmanager({ status: 'firing', alerts: [] }, receivedAt).ok).toBe(false)
    expect(normaliseAlertmanager('nope', receivedAt).ok).toBe(false)
  })
})

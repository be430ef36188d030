import { describe, expect, it } from 'vitest'
import { fixture } from './fixtures.js'
import { normalisePagerDuty, pagerDutyAccepted, pagerDutyInvalid } from './pagerduty.js'

const receivedAt = new Date('2026-11-20T09:21:00Z')

describe('PagerDuty Events API v2', () => {
  it('reads a trigger with its payload, severity, labels and links', () => {
    const result = normalisePagerDuty(fixture('pagerduty-events-v2-trigger.json'), receivedAt)
    expect(result).toMatchObject({
      ok: true,
      routingKey: 'R0UT1NGKEY0000000000000000000000',
      event: {
        kind: 'pagerduty',
        action: 'trigger',
        dedupKey: 'db-primary-replication-lag',
        summary: 'Replication lag on db-primary above 120s',
        severity: 'error',
        source: 'db-primary.prod.example.internal',
        labels: { component: 'postgres', group: 'prod-datastore', class: 'replication' },
        details: { custom_details: { lag_seconds: 187, replica: 'db-replica-2' }, client: 'Example Monitoring' },
        links: [{ href: 'https://grafana.example.com/d/db', text: 'DB dashboard' }],
        occurredAt: new Date('2026-11-20T09:20:00.000Z'),
      },
    })
  })

  it('reads acknowledge and resolve events that carry only the key', () => {
    for (const [file, action] of [
      ['pagerduty-events-v2-acknowledge.json', 'acknowledge'],
      ['pagerduty-events-v2-resolve.json', 'resolve'],
    ] as const) {
      const result = normalisePagerDuty(fixture(file), receivedAt)
      expect(result).toMatchObject({
        ok: true,
        event: { action, dedupKey: 'db-primary-replication-lag', summary: null, severity: null },
      })
    }
  })

  it('invents a dedup key for a trigger without one, as PagerDuty does', () => {
    const body = { ...fixture('pagerduty-events-v2-trigger.json'), dedup_key: undefined }
    const result = normalisePagerDuty(body, receivedAt, () => 'generated-key')
    expect(result.ok && result.event.dedupKey).toBe('generated-key')
    const real = normalisePagerDuty(body, receivedAt)
    expect(real.ok && real.event.dedupKey).toMatch(/^[0-9a-f]{32}$/)
  })

  it("answers invalid events in PagerDuty's words, every error at once", () => {
    const result = normalisePagerDuty(
      { routing_key: 'k', event_action: 'trigger', payload: { summary: ' ', severity: 'fatal' } },
      receivedAt,
    )
    expect(result).toEqual({
      ok: false,
      routingKey: 'k',
      errors: [
        "'payload.summary' is missing or blank",
        "'payload.source' is missing or blank",
        "'payload.severity' is invalid (must be one of the following: 'critical', 'warning', 'error' or 'info')",
      ],
    })
    expect(normalisePagerDuty({ routing_key: 'k', event_action: 'resolve' }, receivedAt)).toMatchObject({
      ok: false,
      errors: ["'dedup_key' is missing or blank"],
    })
    expect(normalisePagerDuty({ event_action: 'explode', dedup_key: 'x'.repeat(256) }, receivedAt)).toMatchObject({
      ok: false,
      routingKey: undefined,
      errors: [
        "'routing_key' is missing or blank",
        "'event_action' is invalid (must be one of the following: 'trigger', 'acknowledge' or 'resolve')",
        "Length of 'dedup_key' is too long (maximum is 255 characters)",
      ],
    })
    expect(normalisePagerDuty({ routing_key: 'k', event_action: 'trigger' }, receivedAt)).toMatchObject({
      ok: false,
      errors: ["'payload' is missing or blank"],
    })
    expect(normalisePagerDuty([1, 2], receivedAt)).toMatchObject({ ok: false, errors: ['Event object is invalid'] })
  })

  it("builds PagerDuty's response bodies", () => {
    expect(pagerDutyAccepted('k1')).toEqual({ status: 'success', message: 'Event processed', dedup_key: 'k1' })
    expect(pagerDutyInvalid(['x'])).toEqual({
      status: 'invalid event',
      message: 'Event object is invalid',
      errors: ['x'],
    })
  })
})

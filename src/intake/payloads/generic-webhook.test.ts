import { describe, expect, it } from 'vitest'
import { normaliseWebhook } from './generic-webhook.js'

const receivedAt = new Date('2026-11-20T10:00:00Z')

describe('generic JSON webhook', () => {
  it('reads a documented alert with every field', () => {
    const body = {
      summary: 'Search latency p99 above 2s',
      dedup_key: 'search-latency',
      status: 'firing',
      severity: 'critical',
      labels: { service: 'search', shard: 3, canary: false },
      details: { p99_ms: 2310 },
      source: 'grafana',
      occurred_at: '2026-11-20T09:58:00+01:00',
      links: [{ href: 'https://grafana.example.com/d/search', text: 'Dashboard' }],
    }
    const result = normaliseWebhook(body, receivedAt)
    expect(result).toEqual({
      raw: [body],
      ok: true,
      events: [
        {
          kind: 'webhook',
          action: 'trigger',
          dedupKey: 'search-latency',
          summary: 'Search latency p99 above 2s',
          severity: 'critical',
          source: 'grafana',
          labels: { service: 'search', shard: '3', canary: 'false' },
          details: { p99_ms: 2310 },
          links: [{ href: 'https://grafana.example.com/d/search', text: 'Dashboard' }],
          occurredAt: new Date('2026-11-20T08:58:00Z'),
        },
      ],
    })
  })

  it('defaults to a firing error alert keyed by its content when only a summary is given', () => {
    const a = normaliseWebhook({ summary: 'Disk full', labels: { host: 'db1' } }, receivedAt)
    const b = normaliseWebhook({ summary: 'Disk full', labels: { host: 'db1' } }, receivedAt)
    const c = normaliseWebhook({ summary: 'Disk full', labels: { host: 'db2' } }, receivedAt)
    expect(a).toMatchObject({ ok: true, events: [{ action: 'trigger', severity: 'error', occurredAt: receivedAt }] })
    expect(a.ok && b.ok && a.events[0]?.dedupKey === b.events[0]?.dedupKey).toBe(true)
    expect(a.ok && c.ok && a.events[0]?.dedupKey === c.events[0]?.dedupKey).toBe(false)
  })

  it('accepts a batch and resolves by dedup key', () => {
    const result = normaliseWebhook(
      {
        alerts: [
          { summary: 'A', dedup_key: 'a' },
          { dedup_key: 'b', status: 'resolved' },
        ],
      },
      receivedAt,
    )
    expect(result.ok && result.events.map((e) => [e.dedupKey, e.action, e.severity])).toEqual([
      ['a', 'trigger', 'error'],
      ['b', 'resolve', null],
    ])
    expect(result.ok && result.raw).toEqual([
      { summary: 'A', dedup_key: 'a' },
      { dedup_key: 'b', status: 'resolved' },
    ])
  })

  it('refuses misspelt fields, a firing alert without summary and a resolve without key', () => {
    expect(normaliseWebhook({ sumary: 'typo' }, receivedAt)).toMatchObject({ ok: false, problems: [{ path: '' }] })
    expect(normaliseWebhook({}, receivedAt)).toMatchObject({ ok: false, problems: [{ path: 'summary' }] })
    expect(normaliseWebhook({ alerts: [{ summary: 'x' }, { status: 'resolved' }] }, receivedAt)).toMatchObject({
      ok: false,
      problems: [{ path: 'alerts.1.dedup_key' }],
    })
    expect(
      normaliseWebhook(
        { summary: 'x', severity: 'purple', occurred_at: 'noon', links: [{ href: 'javascript:alert(1)' }] },
        receivedAt,
      ),
    ).toMatchObject({
      ok: false,
      problems: [{ path: 'severity' }, { path: 'occurred_at' }, { path: 'links.0.href' }],
    })
  })
})

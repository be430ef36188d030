import { describe, expect, it } from 'vitest'
import { statuspageExport } from './statuspage-export.js'
import { mapStatuspage } from './map-statuspage.js'

const page = { id: 'pg1', name: 'Acme', subdomain: 'acme' }
const incident = {
  id: 'inc1',
  name: 'Outage',
  status: 'postmortem',
  impact: 'critical',
  created_at: '2026-01-01T10:00:00Z',
  resolved_at: '2026-01-01T12:00:00Z',
  incident_updates: [
    { id: 'u1', status: 'investigating', body: 'Looking', created_at: '2026-01-01T10:00:00Z' },
    { id: 'u2', status: 'resolved', body: 'Fixed', created_at: '2026-01-01T12:00:00Z' },
  ],
}

describe('Statuspage mapping', () => {
  it('keeps a postmortem written in postmortem_body as the last update, at its publication time', () => {
    const plan = mapStatuspage(
      statuspageExport.parse({
        page,
        incidents: [
          { ...incident, postmortem_body: 'Root cause: a full disk.', postmortem_published_at: '2026-01-03T09:00:00Z' },
        ],
      }),
    )
    expect(plan.incidents[0]).toMatchObject({ status: 'postmortem_published', impact: 'critical' })
    expect(plan.incidents[0]!.updates.map((u) => [u.status, u.at.toISOString()])).toEqual([
      ['investigating', '2026-01-01T10:00:00.000Z'],
      ['resolved', '2026-01-01T12:00:00.000Z'],
      ['postmortem', '2026-01-03T09:00:00.000Z'],
    ])
  })

  it('reads a scheduled incident as a maintenance and an unknown status as skipped', () => {
    const plan = mapStatuspage(
      statuspageExport.parse({
        page,
        incidents: [
          {
            ...incident,
            id: 'm1',
            status: 'in_progress',
            scheduled_for: '2026-02-01T01:00:00Z',
            scheduled_until: null,
          },
          { ...incident, id: 'x1', status: 'exploded' },
        ],
      }),
    )
    expect(plan.maintenances).toMatchObject([{ status: 'in_progress', scheduledFor: new Date('2026-02-01T01:00:00Z') }])
    expect(plan.skipped).toEqual([{ item: 'incident "Outage"', reason: 'unknown status "exploded"' }])
  })
})

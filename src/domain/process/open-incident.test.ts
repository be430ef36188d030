import { describe, expect, it } from 'vitest'
import { openIncident } from './open-incident.js'
import { defaultProcessPolicy } from './process-policy.js'
import { ctxAt } from './process-test-kit.js'

const base = {
  id: 'inc-1',
  title: 'Checkout errors',
  crisisType: 'service_outage',
  severity: 3,
  isDrill: false,
  source: 'alert' as const,
}

describe('openIncident', () => {
  it('starts the timeline with every alert that opened the incident, then what was decided for it', () => {
    const result = openIncident(
      {
        ...base,
        alerts: [
          { alertId: 'a1', summary: 'Errors on web-1', source: 'web-1' },
          { alertId: 'a2', summary: 'Errors on web-2' },
        ],
        notes: ['Status page "Status" chosen'],
      },
      ctxAt(0),
    )
    if (!result.ok) throw new Error(result.rejection.message)
    expect(result.entries.map((e) => e.type)).toEqual(['incident_opened', 'alert_attached', 'alert_attached', 'note'])
    expect(result.entries[1]).toMatchObject({ alertId: 'a1', summary: 'Errors on web-1', source: 'web-1' })
    expect(result.incident.status).toBe('triage')
  })

  it('keeps a playbook chosen by a routing rule, and falls back to the crisis type’s for an unknown one', () => {
    const chosen = defaultProcessPolicy.playbooks.at(-1)!.key
    const kept = openIncident({ ...base, playbookKey: chosen }, ctxAt(0))
    const unknown = openIncident({ ...base, playbookKey: 'gone' }, ctxAt(0))
    const plain = openIncident(base, ctxAt(0))
    if (!kept.ok || !unknown.ok || !plain.ok) throw new Error('refused')
    expect(kept.incident.playbookKey).toBe(chosen)
    expect(unknown.incident.playbookKey).toBe(plain.incident.playbookKey)
  })
})

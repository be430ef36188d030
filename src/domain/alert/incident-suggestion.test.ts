import { describe, expect, it } from 'vitest'
import { MAX_INCIDENT_TITLE_LENGTH, suggestIncident } from './incident-suggestion.js'
import type { IncidentRequest } from './route-alert.js'

const request: IncidentRequest = {
  ruleId: 'rule-1',
  severity: 4,
  threshold: null,
  firingFor: null,
  pageId: 'page-1',
  crisisType: 'security_incident',
  playbookKey: 'default_pr',
  escalationPolicyIds: ['ep-1'],
}
const found = {
  groupKey: '*',
  title: 'Checkout 5xx',
  alertIds: ['a1', 'a2'],
  startedAt: new Date('2026-11-20T09:00:00Z'),
}
const context = {
  severityLevels: [1, 2, 3, 4, 5],
  crisisTypes: ['service_outage', 'security_incident'],
  playbooks: ['default_service_outage', 'default_pr'],
  hasPage: true,
}

describe('the incident a rule suggests', () => {
  it('carries every choice the rule made, and the alerts that opened it', () => {
    expect(suggestIncident(request, found, context)).toEqual({
      suggestion: {
        ruleId: 'rule-1',
        groupKey: '*',
        title: 'Checkout 5xx',
        pageId: 'page-1',
        crisisType: 'security_incident',
        playbookKey: 'default_pr',
        severity: 4,
        escalationPolicyIds: ['ep-1'],
        alertIds: ['a1', 'a2'],
        startedAt: found.startedAt,
      },
      fallbacks: [],
    })
  })

  it('without choices: no page, a service outage with its own playbook', () => {
    const plain = { ...request, pageId: null, crisisType: null, playbookKey: null, escalationPolicyIds: [] }
    expect(suggestIncident(plain, found, { ...context, hasPage: false })).toMatchObject({
      suggestion: { pageId: null, crisisType: 'service_outage', playbookKey: null, severity: 4 },
      fallbacks: [],
    })
  })

  it('falls back, and says so, for a page, crisis type, playbook or level removed since the rule was saved', () => {
    const gone = { severityLevels: [1, 2, 3], crisisTypes: ['service_outage'], playbooks: [], hasPage: false }
    expect(suggestIncident(request, found, gone)).toMatchObject({
      suggestion: { pageId: null, crisisType: 'service_outage', playbookKey: null, severity: 2 },
      fallbacks: ['page_id', 'crisis_type', 'playbook', 'severity'],
    })
  })

  it('keeps a long title within the limit', () => {
    const title = suggestIncident(request, { ...found, title: 'x'.repeat(500) }, context).suggestion.title
    expect(title).toHaveLength(MAX_INCIDENT_TITLE_LENGTH)
    expect(title.endsWith('…')).toBe(true)
  })
})

import { describe, expect, it } from 'vitest'
import { routeAlert } from './route-alert.js'
import {
  compilePattern,
  isRiskyPattern,
  routingRuleProblems,
  type RoutableAlert,
  type RoutingRule,
  type RuleCondition,
} from './routing-rule.js'

const alert: RoutableAlert = {
  summary: 'Checkout 5xx rate above 5%',
  severity: 'error',
  source: 'checkout-7f9c:8080',
  dedupKey: 'a3f1',
  kind: 'alertmanager',
  integrationId: 'int-1',
  labels: { service: 'checkout', region: 'eu-west-1' },
}

function rule(id: string, over: Partial<RoutingRule>): RoutingRule {
  return {
    id,
    name: id,
    position: 0,
    isEnabled: true,
    conditions: [],
    actions: [{ type: 'record' }],
    continueMatching: false,
    ...over,
  }
}

describe('routing rules', () => {
  it('records an alert no rule matches, and acts on nothing', () => {
    expect(routeAlert(alert, [])).toEqual({
      disposition: 'record',
      matchedRuleIds: [],
      escalationPolicyIds: [],
      openIncident: null,
    })
  })

  it('matches labels by equality, anchored regex and severity at least', () => {
    const page = [{ type: 'page', escalationPolicyId: 'ep-checkout' }] as const
    const eq = rule('eq', { conditions: [{ field: 'labels.service', op: 'equals', value: 'checkout' }], actions: page })
    const re = rule('re', { conditions: [{ field: 'labels.region', op: 'matches', pattern: 'eu-.*' }], actions: page })
    const partial = rule('partial', {
      conditions: [{ field: 'labels.region', op: 'matches', pattern: 'eu' }],
      actions: page,
    })
    const sevOk = rule('sev', {
      conditions: [{ field: 'severity', op: 'severity_at_least', value: 'warning' }],
      actions: page,
    })
    const sevHigh = rule('sev-high', {
      conditions: [{ field: 'severity', op: 'severity_at_least', value: 'critical' }],
      actions: page,
    })
    expect(routeAlert(alert, [eq]).disposition).toBe('act')
    expect(routeAlert(alert, [re]).disposition).toBe('act')
    expect(routeAlert(alert, [partial]).disposition).toBe('record')
    expect(routeAlert(alert, [sevOk]).disposition).toBe('act')
    expect(routeAlert(alert, [sevHigh]).disposition).toBe('record')
  })

  it('reads a missing label as empty, so not_equals holds and equals "" matches', () => {
    const r = rule('missing', {
      conditions: [{ field: 'labels.team', op: 'equals', value: '' }],
      actions: [{ type: 'ignore' }],
    })
    expect(routeAlert(alert, [r]).disposition).toBe('ignore')
    const inherited = rule('inherited', {
      conditions: [{ field: 'labels.constructor', op: 'matches', pattern: '.+' }],
      actions: [{ type: 'ignore' }],
    })
    expect(routeAlert(alert, [inherited]).disposition).toBe('record')
  })

  it('lets the first matching rule by position decide', () => {
    const late = rule('late', { position: 2, actions: [{ type: 'page', escalationPolicyId: 'ep-2' }] })
    const early = rule('early', { position: 1, actions: [{ type: 'open_incident', severity: 5 }] })
    const decision = routeAlert(alert, [late, early])
    expect(decision).toEqual({
      disposition: 'act',
      matchedRuleIds: ['early'],
      escalationPolicyIds: [],
      openIncident: {
        ruleId: 'early',
        severity: 5,
        threshold: null,
        firingFor: null,
        pageId: null,
        crisisType: null,
        playbookKey: null,
        escalationPolicyIds: [],
      },
    })
  })

  it("adds later rules' actions when a matched rule says continue, and ignore wins", () => {
    const first = rule('first', {
      position: 1,
      continueMatching: true,
      actions: [{ type: 'page', escalationPolicyId: 'ep-1' }],
    })
    const second = rule('second', {
      position: 2,
      actions: [{ type: 'open_incident' }, { type: 'page', escalationPolicyId: 'ep-1' }],
    })
    expect(routeAlert(alert, [first, second])).toMatchObject({
      disposition: 'act',
      matchedRuleIds: ['first', 'second'],
      escalationPolicyIds: ['ep-1'],
      openIncident: { ruleId: 'second', severity: 3 },
    })
    const mute = rule('mute', { position: 3, actions: [{ type: 'ignore' }] })
    expect(
      routeAlert(alert, [first, { ...second, actions: [{ type: 'record' }], continueMatching: true }, mute])
        .disposition,
    ).toBe('ignore')
  })

  it('skips disabled rules', () => {
    expect(routeAlert(alert, [rule('off', { isEnabled: false, actions: [{ type: 'ignore' }] })]).disposition).toBe(
      'record',
    )
  })

  it("carries the open_incident action's choices, reading the severity from the alert's labels", () => {
    const open = rule('open', {
      actions: [
        {
          type: 'open_incident',
          severity: { from_label: 'region', map: { 'eu-west-1': 5 }, default: 2 },
          firing_for: { minutes: 5 },
          page_id: 'page-1',
          crisis_type: 'security_incident',
          playbook: 'default_pr',
          escalation_policy_ids: ['ep-1', 'ep-2'],
        },
      ],
    })
    expect(routeAlert(alert, [open]).openIncident).toEqual({
      ruleId: 'open',
      severity: 5,
      threshold: null,
      firingFor: { minutes: 5 },
      pageId: 'page-1',
      crisisType: 'security_incident',
      playbookKey: 'default_pr',
      escalationPolicyIds: ['ep-1', 'ep-2'],
    })
    expect(routeAlert({ ...alert, labels: { region: 'us-east-1' } }, [open]).openIncident?.severity).toBe(2)
  })

  it('reads a rule saved before the new fields as before: severity and threshold only', () => {
    const old = rule('old', {
      actions: [{ type: 'open_incident', severity: 2, threshold: { minAlerts: 2, windowMinutes: 5 } }],
    })
    expect(routeAlert(alert, [old]).openIncident).toMatchObject({
      severity: 2,
      threshold: { minAlerts: 2, windowMinutes: 5 },
      firingFor: null,
      pageId: null,
      crisisType: null,
      playbookKey: null,
      escalationPolicyIds: [],
    })
  })

  it('suggests an incident severity from the alert severity unless the rule names one', () => {
    const open = rule('open', { actions: [{ type: 'open_incident' }] })
    expect(routeAlert({ ...alert, severity: 'critical' }, [open]).openIncident?.severity).toBe(4)
    expect(routeAlert({ ...alert, severity: 'info' }, [open]).openIncident?.severity).toBe(1)
  })
})

describe('routing rule validation', () => {
  const levels = {
    severityLevels: [1, 2, 3, 4, 5],
    crisisTypes: ['service_outage', 'security_incident'],
    playbooks: ['default_service_outage'],
  }

  it('accepts a well-formed rule', () => {
    expect(
      routingRuleProblems(
        {
          conditions: [{ field: 'labels.service', op: 'matches', pattern: 'checkout|payments' }],
          actions: [
            {
              type: 'open_incident',
              severity: 4,
              threshold: { minAlerts: 3, windowMinutes: 10, groupByLabel: 'service' },
            },
          ],
        },
        levels,
      ),
    ).toEqual([])
  })

  it('names every problem at once', () => {
    const problems = routingRuleProblems(
      {
        conditions: [
          { field: 'colour', op: 'equals', value: 'x' },
          { field: 'labels.x', op: 'matches', pattern: '(' },
          { field: 'summary', op: 'severity_at_least', value: 'error' } as unknown as RuleCondition,
        ],
        actions: [
          { type: 'ignore' },
          { type: 'open_incident', severity: 9, threshold: { minAlerts: 0, windowMinutes: 5 } },
        ],
      },
      levels,
    )
    expect(problems.map((p) => p.path)).toEqual([
      'conditions.0.field',
      'conditions.1.pattern',
      'conditions.2',
      'actions',
      'actions.1.severity',
      'actions.1.threshold.minAlerts',
    ])
  })

  it("checks the open_incident choices against the organisation's scale, crisis types and playbooks", () => {
    const problems = routingRuleProblems(
      {
        conditions: [],
        actions: [
          {
            type: 'open_incident',
            severity: { from_label: 'tier', map: { gold: 6, silver: 3 }, default: 0 },
            threshold: { minAlerts: 3, windowMinutes: 10 },
            firing_for: { minutes: 0 },
            crisis_type: 'alien_invasion',
            playbook: 'default_alien_invasion',
            escalation_policy_ids: ['ep-1', 'ep-1'],
          },
        ],
      },
      levels,
    )
    expect(problems.map((p) => p.path)).toEqual([
      'actions.0.severity.map.gold',
      'actions.0.severity.default',
      'actions.0.firing_for.minutes',
      'actions.0.firing_for',
      'actions.0.crisis_type',
      'actions.0.playbook',
      'actions.0.escalation_policy_ids.1',
    ])
    expect(problems.find((p) => p.path === 'actions.0.crisis_type')?.message).toBe(
      'one of: service_outage, security_incident',
    )
    const fine = {
      type: 'open_incident' as const,
      severity: 5,
      firing_for: { minutes: 5 },
      crisis_type: 'security_incident',
      playbook: 'default_service_outage',
    }
    expect(routingRuleProblems({ conditions: [], actions: [fine] }, levels)).toEqual([])
  })

  it('refuses patterns that could backtrack for minutes', () => {
    for (const risky of ['(a+)+', '(a|a)*', '(x*y*){2,}', '((ab)+)+', '(.)\\1', '(?<n>a)\\k<n>'])
      expect(isRiskyPattern(risky), risky).toBe(true)
    for (const fine of ['eu-.*', '(checkout|payments)', 'db[0-9]+', '[(a+)+]', '\\(a+\\)+', '(ab)?c+'])
      expect(isRiskyPattern(fine), fine).toBe(false)
    expect(compilePattern('(a+)+$')).toBeUndefined()
  })
})

import { describe, expect, it } from 'vitest'
import { applyCommand } from './apply-command.js'
import { ana, bo, completeScope, confirmAll, ctxAt, cy, opened, run } from './process-test-kit.js'

const declared = () => run(opened(), [...confirmAll, { type: 'declare' }]).incident

describe('triage: validating the crisis criteria', () => {
  it('opens in triage with the playbook of its crisis type', () => {
    const incident = opened()
    expect(incident.status).toBe('triage')
    expect(incident.playbookKey).toBe('default_service_outage')
    expect(incident.cadenceMinutes).toBe(60)
  })

  it('refuses to declare before the criteria are confirmed, naming each one', () => {
    const result = applyCommand(opened(), { type: 'declare' }, ctxAt(1))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.rejection.code).toBe('VALIDATION')
    expect(result.rejection.details.map((d) => d.path)).toEqual([
      'criteria.many_customers',
      'criteria.beyond_minutes',
      'criteria.public_communication',
    ])
  })

  it('declares with an override reason on record', () => {
    const { incident, entries } = run(opened(), [{ type: 'declare', override: { reason: 'Better safe than sorry' } }])
    expect(incident.status).toBe('declared')
    expect(entries.map((e) => e.type)).toEqual([
      'criteria_overridden',
      'decision',
      'status_change',
      'stakeholders_notified',
    ])
  })

  it('declares once the criteria are met, stamping the time and telling stakeholders', () => {
    const { incident, intents } = run(opened(), [...confirmAll, { type: 'declare' }])
    expect(incident.declaredAt).toEqual(ctxAt(4).now)
    expect(incident.triage.decidedAt).toEqual(ctxAt(4).now)
    expect(incident.answers.criteria_met).toBe(true)
    expect(intents).toEqual([
      expect.objectContaining({
        kind: 'notify_stakeholders',
        event: 'declared',
        groups: expect.arrayContaining(['support', 'engineering', 'management']),
      }),
    ])
  })

  it('stands down a false alarm: stakeholders are told, nothing public is sent', () => {
    const { incident, intents } = run(opened(), [{ type: 'stand_down', reason: 'Monitoring glitch' }])
    expect(incident.status).toBe('stood_down')
    expect(intents.map((i) => i.kind)).toEqual(['notify_stakeholders'])
    expect(intents[0]).toMatchObject({ event: 'stood_down' })
    const publish = applyCommand(
      incident,
      { type: 'publish', stage: 'acknowledgement', text: 'x', channels: ['status_page'] },
      ctxAt(5),
    )
    expect(publish.ok).toBe(false)
  })

  it('re-opens triage after a stand-down with a fresh clock and fresh criteria', () => {
    const { incident } = run(opened(), [
      ...confirmAll.slice(0, 1),
      { type: 'stand_down', reason: 'x' },
      { type: 'transition', to: 'triage' },
    ])
    expect(incident.status).toBe('triage')
    expect(incident.criteria).toEqual([])
    expect(incident.triage).toEqual({ startedAt: ctxAt(3).now, decidedAt: null, remindedAt: null, escalatedAt: null })
  })

  it('reminds at 10 minutes and escalates to the incident lead at 15', () => {
    const withLead = opened({ roles: [{ role: 'incident_lead', person: bo }] })
    const early = applyCommand(withLead, { type: 'tick' }, ctxAt(9))
    expect(early.ok && early.intents).toEqual([])
    const { incident, intents } = run(withLead, [{ type: 'tick' }], 10)
    expect(intents).toEqual([expect.objectContaining({ kind: 'notify_person', reason: 'triage_reminder', person: bo })])
    const late = run(incident, [{ type: 'tick' }, { type: 'tick' }], 15)
    expect(late.intents.map((i) => i.kind === 'notify_person' && i.reason)).toEqual(['triage_escalation'])
  })
})

describe('the scope checklist and public messages', () => {
  it('never holds back the first acknowledgement', () => {
    const { incident, intents } = run(
      declared(),
      [
        {
          type: 'publish',
          stage: 'acknowledgement',
          text: "We're investigating the issue and assessing next steps.",
          channels: ['status_page', 'email'],
        },
      ],
      5,
    )
    expect(incident.status).toBe('investigating')
    expect(incident.acknowledgedAt).toEqual(ctxAt(5).now)
    expect(intents[0]).toMatchObject({
      kind: 'message',
      stage: 'acknowledgement',
      audience: 'public',
      channels: ['status_page', 'email'],
    })
  })

  it('refuses the scope message until the checklist is complete, listing what is missing', () => {
    const acked = run(
      declared(),
      [
        { type: 'publish', stage: 'acknowledgement', text: 'ack', channels: ['status_page'] },
        completeScope[0]!,
        completeScope[1]!,
      ],
      5,
    ).incident
    const refused = applyCommand(
      acked,
      { type: 'publish', stage: 'scope', text: 'EU checkout is down', channels: [] },
      ctxAt(9),
    )
    expect(refused.ok).toBe(false)
    if (!refused.ok)
      expect(refused.rejection.details.map((d) => d.path)).toEqual(['scope.affected', 'scope.workaround'])
    const { incident } = run(
      acked,
      [
        completeScope[2]!,
        completeScope[3]!,
        { type: 'publish', stage: 'scope', text: 'EU checkout is down', channels: [] },
      ],
      10,
    )
    expect(incident.scopePublishedAt).toEqual(ctxAt(12).now)
  })

  it('sends every update to all channels used before', () => {
    const { intents } = run(
      declared(),
      [
        { type: 'publish', stage: 'acknowledgement', text: 'ack', channels: ['status_page', 'social'] },
        {
          type: 'publish',
          stage: 'update',
          text: "We're still working on this.",
          channels: ['email'],
          status: 'identified',
        },
      ],
      5,
    )
    expect(intents.at(-1)).toMatchObject({
      stage: 'update',
      status: 'identified',
      channels: ['status_page', 'social', 'email'],
    })
  })

  it('refuses an invalid answer outright, so a complete checklist stays complete', () => {
    const result = applyCommand(
      declared(),
      {
        type: 'answer_scope',
        item: 'affected',
        answer: { kind: 'some', regions: [], plans: [], components: [], features: [] },
      },
      ctxAt(5),
    )
    expect(result.ok || result.rejection.code).toBe('VALIDATION')
  })

  it('announces a new cadence on the channels customers already follow', () => {
    const { incident, intents, entries } = run(
      declared(),
      [
        { type: 'publish', stage: 'acknowledgement', text: 'ack', channels: ['status_page'] },
        { type: 'set_cadence', minutes: 120 },
      ],
      5,
    )
    expect(incident).toMatchObject({ cadenceMinutes: 120, isCadenceOverridden: true, lastPublicUpdateAt: ctxAt(6).now })
    expect(intents.at(-1)).toMatchObject({
      stage: 'cadence_change',
      text: "We'll now post updates every 2 hours.",
      channels: ['status_page'],
    })
    expect(entries.slice(-2)).toMatchObject([
      { type: 'cadence_change', fromMinutes: 60, toMinutes: 120 },
      { type: 'message_published', stage: 'cadence_change', audience: 'public', channels: ['status_page'] },
    ])
  })

  it('follows the severity with the cadence until someone sets it', () => {
    const { incident, intents } = run(declared(), [{ type: 'set_severity', level: 5 }], 5)
    expect(incident.cadenceMinutes).toBe(30)
    expect(intents[0]).toMatchObject({ kind: 'notify_stakeholders', event: 'severity_changed' })
    expect(applyCommand(incident, { type: 'set_severity', level: 9 }, ctxAt(6)).ok).toBe(false)
  })
})

describe('roles and check-ins', () => {
  it('lets a responder claim a vacant role by checking in, and refuses a held one', () => {
    const { incident, entries } = run(opened(), [{ type: 'check_in', role: 'incident_lead' }])
    expect(incident.roles[0]).toMatchObject({ role: 'incident_lead', primary: { id: ana.id } })
    expect(entries.map((e) => e.type)).toEqual(['role_change', 'check_in'])
    const other = applyCommand(incident, { type: 'check_in', role: 'incident_lead', person: cy }, ctxAt(3))
    expect(other.ok || other.rejection.code).toBe('CONFLICT')
  })

  it('hands the role to the backup when the primary misses the check-in window', () => {
    const start = opened({ roles: [{ role: 'support_on_call_manager', person: cy, backup: bo }] })
    const { incident, entries, intents } = run(start, [{ type: 'tick' }], 10)
    expect(incident.roles.find((r) => r.role === 'support_on_call_manager')).toMatchObject({
      primary: bo,
      backup: null,
    })
    expect(entries.find((e) => e.type === 'role_change')).toMatchObject({ reason: 'backup_takeover', from: cy, to: bo })
    expect(intents.some((i) => i.kind === 'notify_person' && i.reason === 'backup_takeover')).toBe(true)
  })

  it('keeps the primary when they checked in in time', () => {
    const start = opened({ roles: [{ role: 'support_on_call_manager', person: cy, backup: bo }] })
    const { incident } = run(
      start,
      [{ type: 'check_in', role: 'support_on_call_manager', person: cy }, { type: 'tick' }],
      9,
    )
    expect(incident.roles[0]?.primary).toEqual(cy)
  })

  it('records handovers and shadows', () => {
    const { entries, incident } = run(opened({ roles: [{ role: 'incident_lead', person: bo }] }), [
      { type: 'assign_role', role: 'incident_lead', person: cy },
      { type: 'add_shadow', person: { id: 'u-dee', name: 'Dee' }, shadowing: 'incident_lead' },
    ])
    expect(entries[0]).toMatchObject({ type: 'role_change', reason: 'handover', from: bo, to: cy })
    expect(incident.shadows).toHaveLength(1)
  })
})

describe('playbook tasks, resolution and wrap-up', () => {
  it('ticks only tasks on the current path, and a branch opens new ones', () => {
    const d = declared()
    expect(applyCommand(d, { type: 'check_task', taskId: 'security_path.legal', isDone: true }, ctxAt(5)).ok).toBe(
      false,
    )
    const { incident } = run(
      d,
      [
        { type: 'answer_question', questionId: 'customer_data_exposed', answer: true },
        { type: 'check_task', taskId: 'security_path.legal', isDone: true },
      ],
      5,
    )
    expect(incident.tasksDone).toEqual(['security_path.legal'])
  })

  it('runs from all-clear to postmortem to closed, after which nothing changes', () => {
    const { incident, intents } = run(
      declared(),
      [
        { type: 'publish', stage: 'acknowledgement', text: 'ack', channels: ['status_page'] },
        { type: 'publish', stage: 'all_clear', text: 'Checkout is back. Thank you for your patience.', channels: [] },
        { type: 'publish', stage: 'postmortem', text: 'What happened', channels: [] },
        { type: 'transition', to: 'closed' },
      ],
      5,
    )
    expect(incident.status).toBe('closed')
    expect(intents.some((i) => i.kind === 'notify_stakeholders' && i.event === 'resolved')).toBe(true)
    const after = applyCommand(incident, { type: 'add_note', text: 'late' }, ctxAt(30))
    expect(after.ok || after.rejection.code).toBe('INVALID_TRANSITION')
  })

  it('re-opens a resolved incident and records it', () => {
    const { incident, entries } = run(
      declared(),
      [
        { type: 'transition', to: 'investigating' },
        { type: 'transition', to: 'resolved' },
        { type: 'transition', to: 'identified' },
      ],
      5,
    )
    expect(incident).toMatchObject({ status: 'identified', reopenCount: 1, resolvedAt: null })
    expect(entries.at(-1)).toMatchObject({ type: 'status_change', isReopening: true })
  })

  it('refuses an illegal move and lists the allowed ones', () => {
    const result = applyCommand(opened(), { type: 'transition', to: 'monitoring' }, ctxAt(1))
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.rejection).toMatchObject({
        code: 'INVALID_TRANSITION',
        details: [{ message: 'allowed next: declared, stood_down' }],
      })
  })
})

describe('drills and the marketing freeze', () => {
  it('sends a drill to the team only, marked DRILL', () => {
    const drill = run(opened({ isDrill: true }), [
      ...confirmAll,
      { type: 'declare' },
      { type: 'publish', stage: 'acknowledgement', text: 'ack', channels: ['email'] },
    ]).intents
    for (const intent of drill) expect(intent.text.startsWith('[DRILL] ')).toBe(true)
    expect(drill.at(-1)).toMatchObject({ kind: 'message', audience: 'team', channels: [] })
    const { entries } = run(opened({ isDrill: true }), [
      ...confirmAll,
      { type: 'declare' },
      { type: 'publish', stage: 'acknowledgement', text: 'ack', channels: ['email'] },
    ])
    expect(entries.at(-1)).toMatchObject({
      type: 'message_published',
      audience: 'team',
      text: '[DRILL] ack',
      isDrill: true,
    })
  })

  it('freezes marketing from declaration of a serious incident until it resolves', () => {
    const d = declared()
    expect(d.freezeSince).toEqual(ctxAt(4).now)
    expect(run(d, [{ type: 'transition', to: 'resolved' }], 9).incident.freezeSince).toBeNull()
    expect(run(opened({ severity: 3 }), [...confirmAll, { type: 'declare' }]).incident.freezeSince).toBeNull()
  })
})

describe('updates published through the incidents API', () => {
  it('follows their status move, notices included, and records the message', () => {
    const acked = run(
      declared(),
      [{ type: 'publish', stage: 'acknowledgement', text: 'ack', channels: ['email'] }],
      5,
    ).incident
    const { incident, entries, intents } = run(acked, [{ type: 'observe_update', to: 'resolved', text: 'Fixed.' }], 20)
    expect(incident).toMatchObject({
      status: 'resolved',
      lastPublicUpdateAt: ctxAt(20).now,
      channelsUsed: ['email', 'status_page'],
    })
    expect(entries.map((e) => e.type)).toEqual(['status_change', 'stakeholders_notified', 'message_published'])
    expect(entries.at(-1)).toMatchObject({ stage: 'all_clear', audience: 'public' })
    expect(intents.map((i) => i.kind)).toEqual(['notify_stakeholders'])
  })

  it('decides triage when the update declares, and refuses an illegal move', () => {
    const { incident } = run(opened(), [{ type: 'observe_update', to: 'declared', text: 'Declared.' }])
    expect(incident.triage.decidedAt).toEqual(ctxAt(1).now)
    expect(applyCommand(opened(), { type: 'observe_update', to: 'closed', text: 'x' }, ctxAt(1)).ok).toBe(false)
  })
})

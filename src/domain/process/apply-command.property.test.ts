import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canTransition, incidentStatuses } from '../incident/incident-status.js'
import { applyCommand } from './apply-command.js'
import { incidentRoles } from './incident-roles.js'
import type { ProcessIncident } from './incident-process.js'
import { qualifiesForFreeze } from './marketing-freeze.js'
import type { ActorRef } from './people.js'
import type { ProcessCommand } from './process-commands.js'
import { defaultProcessPolicy } from './process-policy.js'
import {
  isScopeChecklistComplete,
  scopeChecklistItems,
  type ScopeChecklist,
  type ScopeChecklistItem,
} from './scope-checklist.js'
import { minutesAfter, opened } from './process-test-kit.js'

const people = [
  { id: 'u-ana', name: 'Ana' },
  { id: 'u-bo', name: 'Bo' },
  { id: 'u-cy', name: 'Cy' },
]
const person = fc.constantFrom(...people)
const actor: fc.Arbitrary<ActorRef> = fc.oneof(
  person.map((p) => ({ kind: 'user' as const, ...p })),
  fc.constant({ kind: 'system' as const, id: 'system', name: 'Candor' }),
)
const role = fc.constantFrom(...incidentRoles)
const text = fc.constantFrom('', 'We are investigating', ' ')

type AnyAnswer = NonNullable<ScopeChecklist[ScopeChecklistItem]>
const w = (weight: number, arbitrary: fc.Arbitrary<ProcessCommand>) => ({ weight, arbitrary })
const publishCommand: fc.Arbitrary<ProcessCommand> = fc
  .record({
    stage: fc.constantFrom(
      'acknowledgement' as const,
      'scope' as const,
      'update' as const,
      'all_clear' as const,
      'postmortem' as const,
    ),
    text,
    channels: fc.subarray(['status_page', 'email', 'social']),
    status: fc.option(fc.constantFrom('investigating' as const, 'identified' as const, 'monitoring' as const), {
      nil: undefined,
    }),
  })
  .map(({ status, ...rest }) => ({ type: 'publish' as const, ...rest, ...(status === undefined ? {} : { status }) }))

// Weighted so that runs often get past triage and into the public statuses and closure.
const command: fc.Arbitrary<ProcessCommand> = fc.oneof(
  w(
    3,
    fc.record({
      type: fc.constant('confirm_criterion' as const),
      criterionId: fc.constantFrom('many_customers', 'beyond_minutes', 'public_communication', 'nope'),
      isMet: fc.boolean(),
    }),
  ),
  w(1, fc.constant({ type: 'declare' as const })),
  w(3, fc.record({ type: fc.constant('declare' as const), override: fc.record({ reason: text }) })),
  w(1, fc.record({ type: fc.constant('stand_down' as const), reason: text })),
  w(6, fc.record({ type: fc.constant('transition' as const), to: fc.constantFrom(...incidentStatuses) })),
  w(1, fc.record({ type: fc.constant('set_severity' as const), level: fc.integer({ min: 0, max: 6 }) })),
  w(
    1,
    fc.record({
      type: fc.constant('set_crisis_type' as const),
      crisisType: fc.constantFrom('service_outage', 'security_incident', 'pr', 'weather'),
    }),
  ),
  w(1, fc.record({ type: fc.constant('set_cadence' as const), minutes: fc.integer({ min: -5, max: 5000 }) })),
  w(
    3,
    fc.record({
      type: fc.constant('answer_scope' as const),
      item: fc.constantFrom(...scopeChecklistItems),
      answer: fc.constantFrom<AnyAnswer[]>(
        { kind: 'unknown' },
        { kind: 'all' },
        { kind: 'none' },
        { kind: 'some', regions: [], plans: [], components: [], features: [] },
      ),
    }),
  ),
  w(5, publishCommand),
  w(
    1,
    fc.record({
      type: fc.constant('assign_role' as const),
      role,
      person: fc.option(person, { nil: null }),
      backup: fc.option(person, { nil: null }),
    }),
  ),
  w(
    1,
    fc.record({
      type: fc.constant('check_in' as const),
      role: fc.oneof(role, fc.constantFrom('shadow' as const, 'responder' as const)),
    }),
  ),
  w(
    1,
    fc.record({
      type: fc.constant('answer_question' as const),
      questionId: fc.constantFrom('criteria_met', 'customer_data_exposed', 'people_at_risk'),
      answer: fc.boolean(),
    }),
  ),
  w(
    1,
    fc.record({
      type: fc.constant('check_task' as const),
      taskId: fc.constantFrom('alert.room', 'scope.tickets', 'security_path.legal', 'wrap_up.plan'),
      isDone: fc.boolean(),
    }),
  ),
  w(
    1,
    fc.record({
      type: fc.constant('record_message' as const),
      stage: fc.constant('update' as const),
      channel: fc.constant('email'),
      audience: fc.constantFrom('subscribers', 'team'),
      recipientCount: fc.integer({ min: -1, max: 50 }),
    }),
  ),
  w(1, fc.record({ type: fc.constant('add_note' as const), text })),
  w(2, fc.constant({ type: 'tick' as const })),
  w(
    2,
    fc.record({
      type: fc.constant('observe_update' as const),
      to: fc.constantFrom(...incidentStatuses),
      text: fc.constant('From the incidents API'),
    }),
  ),
)

const step = fc.record({ command, actor, advanceMinutes: fc.integer({ min: 0, max: 20 }) })
const CLOSED_STATUSES = ['resolved', 'postmortem_published', 'closed']

function checkInvariants(i: ProcessIncident) {
  expect(incidentStatuses).toContain(i.status)
  expect(i.declaredAt === null).toBe(i.status === 'triage' || i.status === 'stood_down')
  expect(i.resolvedAt !== null).toBe(CLOSED_STATUSES.includes(i.status))
  expect(i.closedAt !== null).toBe(i.status === 'closed')
  if (i.status !== 'triage') expect(i.triage.decidedAt).not.toBeNull()
  if (i.scopePublishedAt !== null) expect(isScopeChecklistComplete(i.scope)).toBe(true)
  if (i.acknowledgedAt !== null) expect(i.declaredAt!.getTime()).toBeLessThanOrEqual(i.acknowledgedAt.getTime())
  expect(i.freezeSince !== null).toBe(qualifiesForFreeze(defaultProcessPolicy.freeze, i))
  expect(new Set(i.roles.map((r) => r.role)).size).toBe(i.roles.length)
  for (const r of i.roles) if (r.primary && r.backup) expect(r.primary.id).not.toBe(r.backup.id)
  expect(defaultProcessPolicy.severityScale.map((s) => s.level)).toContain(i.severity)
}

describe('the incident aggregate under any sequence of commands', () => {
  it('never reaches an illegal state, and every status change is a legal transition', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(step, { minLength: 5, maxLength: 80, size: 'max' }), (isDrill, steps) => {
        let incident = opened({ isDrill })
        let minute = 0
        for (const { command: cmd, actor: who, advanceMinutes } of steps) {
          minute += advanceMinutes
          const before = incident
          const result = applyCommand(before, cmd, {
            now: minutesAfter(minute),
            actor: who,
            policy: defaultProcessPolicy,
          })
          if (before.status === 'closed') expect(result.ok).toBe(false)
          if (!result.ok) continue
          incident = result.incident
          checkInvariants(incident)
          let status = before.status
          for (const e of result.entries) {
            expect(e.at).toEqual(minutesAfter(minute))
            expect(e.actor).toEqual(who)
            if (e.type === 'status_change') {
              expect(e.from).toBe(status)
              expect(canTransition(e.from, e.to)).toBe(true)
              status = e.to
            }
          }
          expect(status).toBe(incident.status)
          for (const intent of result.intents) {
            if (intent.kind === 'message') expect(before.declaredAt ?? incident.declaredAt).not.toBeNull()
            if (isDrill) {
              expect(intent.text.startsWith('[DRILL] ')).toBe(true)
              if (intent.kind === 'message') expect(intent).toMatchObject({ audience: 'team', channels: [] })
            }
          }
        }
      }),
      { numRuns: 400 },
    )
  })

  it('changes nothing when a command is rejected', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let incident = opened()
        steps.forEach(({ command: cmd, actor: who }, n) => {
          const frozen = structuredClone(incident)
          const result = applyCommand(incident, cmd, { now: minutesAfter(n), actor: who, policy: defaultProcessPolicy })
          expect(incident).toEqual(frozen)
          if (result.ok) incident = result.incident
        })
      }),
      { numRuns: 200 },
    )
  })
})

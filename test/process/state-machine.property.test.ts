import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runProcessTimers } from '../../src/app/process/run-process-timers.js'
import { canTransition, incidentStatuses } from '../../src/domain/incident/incident-status.js'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'
import { bind } from './process-api.js'

const person = fc.constantFrom({ id: 'u-ana', name: 'Ana' }, { id: 'u-bo', name: 'Bo' })
type Call = { path: string; body: unknown; method?: 'POST' | 'PUT' } | { timers: number }

const call: fc.Arbitrary<Call> = fc.oneof(
  fc.record({
    path: fc.constant('criteria'),
    body: fc.record({
      criterion_id: fc.constantFrom('many_customers', 'beyond_minutes', 'public_communication'),
      is_met: fc.boolean(),
    }),
  }),
  fc.record({ path: fc.constant('declare'), body: fc.constantFrom({}, { override_reason: 'be careful' }) }),
  fc.record({ path: fc.constant('stand-down'), body: fc.constantFrom({ reason: 'false alarm' }, { reason: '' }) }),
  fc.record({ path: fc.constant('transition'), body: fc.record({ to: fc.constantFrom(...incidentStatuses) }) }),
  fc.record({ path: fc.constant('severity'), body: fc.record({ level: fc.integer({ min: 0, max: 6 }) }) }),
  fc.record({ path: fc.constant('cadence'), body: fc.record({ minutes: fc.integer({ min: 0, max: 300 }) }) }),
  fc.record({
    path: fc.constant('checklist'),
    body: fc.record({
      item: fc.constantFrom('started_at', 'expected_duration', 'affected', 'workaround'),
      answer: fc.constant({ kind: 'unknown' }),
    }),
  }),
  fc.record({
    path: fc.constant('messages'),
    body: fc.record({
      stage: fc.constantFrom('acknowledgement', 'scope', 'update', 'all_clear', 'postmortem'),
      text: fc.constant('We are on it'),
      channels: fc.subarray(['status_page', 'email']),
    }),
  }),
  fc.record({
    path: fc.constant('check-ins'),
    body: fc.record({ role: fc.constantFrom('incident_lead', 'communications_lead', 'shadow'), person }),
  }),
  fc.record({
    path: fc.constant('roles/support_on_call_manager'),
    body: fc.record({ person, backup: fc.option(person, { nil: null }) }),
    method: fc.constant('PUT' as const),
  }),
  fc.record({ path: fc.constant('notes'), body: fc.constant({ text: 'note' }) }),
  fc.record({ timers: fc.integer({ min: 1, max: 40 }) }),
)

forEachDatabase((engine) => {
  describe('the process API under any sequence of calls', () => {
    it('answers 2xx or 4xx, never reaches an illegal state, and changes nothing when it refuses', async () => {
      const t = await createTestApp(engine)
      await fc.assert(
        fc.asyncProperty(fc.boolean(), fc.array(call, { minLength: 3, maxLength: 18 }), async (isDrill, calls) => {
          const opened = await t.app.inject({
            method: 'POST',
            url: '/api/process/incidents',
            headers: t.org.auth,
            payload: { title: 'Random walk', severity: 4, is_drill: isDrill },
          })
          const api = bind(t, opened.json().incident_id)
          for (const c of calls) {
            const before = await api.process()
            if ('timers' in c) {
              t.clock.advance(c.timers * 60_000)
              await runProcessTimers(t.deps, t.clock.now)
              continue
            }
            const response = await api.call(c.path, c.body, c.method ?? 'POST')
            expect(response.statusCode, `${c.path} ${JSON.stringify(c.body)} → ${response.body}`).toBeLessThan(500)
            const after = await api.process()
            if (response.statusCode >= 400) expect(after).toEqual(before)
            expect(incidentStatuses).toContain(after.status)
            expect(after.declared_at === null).toBe(after.status === 'triage' || after.status === 'stood_down')
            expect(after.resolved_at !== null).toBe(
              ['resolved', 'postmortem_published', 'closed'].includes(after.status),
            )
            if (after.scope_published_at !== null) expect(after.checklist.is_complete).toBe(true)
            if (isDrill) expect(after.freeze_since).toBeNull()
          }
          const changes = (await api.timeline()).filter((e) => e.type === 'status_change')
          let status = 'triage'
          for (const e of changes) {
            expect(e.from).toBe(status)
            expect(canTransition(e.from as never, e.to as never)).toBe(true)
            status = e.to as string
          }
          expect((await api.process()).status).toBe(status)
          if (isDrill) {
            const incident = (
              await t.app.inject({ url: `/api/incidents/${opened.json().incident_id}`, headers: t.org.auth })
            ).json()
            expect(incident.updates).toEqual([])
          }
        }),
        { numRuns: 12 },
      )
    }, 300_000)
  })
})

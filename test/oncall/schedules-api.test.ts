import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'
import { onCallForRole } from '../../src/app/oncall/query-schedules.js'
import { addMembers, getJson, postJson } from './oncall-fixtures.js'

const _H = 3_600_000

forEachDatabase((engine) => {
  describe('on-call schedules API', () => {
    it(
      'answers who is on call, the final shifts, the next shifts ' + "and a person's shifts, overrides included",
      async () => {
        const { app, deps, org } = await createTestApp(engine, { now: new Date('2026-03-25T12:00:00Z') })
        const [ana, ben, chi] = await addMembers(deps.store.db, org.id, ['Ana', 'Ben', 'Chi'])
        const schedule = await postJson(app, '/api/schedules', org.auth, {
          name: 'Primary',
          time_zone: 'Europe/Berlin',
          layers: [
            {
              participant_ids: [ana!.id, ben!.id],
              shift_length: 1,
              shift_unit: 'days',
              start_at: '2026-03-23T09:00:00+01:00',
              time_zone: 'Europe/Berlin',
            },
            {
              name: 'office hours',
              participant_ids: [chi!.id],
              shift_length: 1,
              shift_unit: 'weeks',
              start_at: '2026-03-23T09:00:00+01:00',
              time_zone: 'Europe/Berlin',
              restrictions: [{ kind: 'weekly', start_day: 6, start_time: '10:00', end_day: 6, end_time: '12:00' }],
            },
          ],
        })
        expect(schedule.layers).toHaveLength(2)
        // Wednesday 13:00 Berlin: day 2 of the daily rotation (ana, ben, ana …) → ana.
        expect((await getJson(app, `/api/schedules/${schedule.id}/on-call`, org.auth)).user_id).toBe(ana!.id)
        // Saturday 28 March 10:30 Berlin: the restricted top layer has chi.
        expect(
          (await getJson(app, `/api/schedules/${schedule.id}/on-call?at=2026-03-28T09:30:00Z`, org.auth)).user_id,
        ).toBe(chi!.id)

        // Across the spring-forward night the handoff stays at 09:00 Berlin: 08:00Z before, 07:00Z after.
        const segments = await getJson(
          app,
          `/api/schedules/${schedule.id}/shifts?from=2026-03-28T00:00:00Z&to=2026-03-31T00:00:00Z`,
          org.auth,
        )
        const starts = segments.map((s: { start_at: string }) => s.start_at)
        expect(starts).toContain('2026-03-28T08:00:00.000Z')
        expect(starts).toContain('2026-03-30T07:00:00.000Z')
        expect(segments[0].start_at).toBe('2026-03-28T00:00:00.000Z')
        expect(segments.at(-1).end_at).toBe('2026-03-31T00:00:00.000Z')

        await postJson(app, `/api/schedules/${schedule.id}/overrides`, org.auth, {
          user_id: chi!.id,
          start_at: '2026-03-25T11:00:00Z',
          end_at: '2026-03-25T15:00:00Z',
        })
        expect((await getJson(app, `/api/schedules/${schedule.id}/on-call`, org.auth)).user_id).toBe(chi!.id)
        const next = await getJson(app, `/api/schedules/${schedule.id}/next-shifts?count=3`, org.auth)
        expect(next.map((s: { user_id: string }) => s.user_id)).toEqual([chi!.id, ana!.id, ben!.id])

        expect(await onCallForRole(deps, org.id, schedule.id, new Date('2026-03-26T12:00:00Z'))).toBe(ben!.id)
        const everywhere = await getJson(app, '/api/on-call', org.auth)
        expect(everywhere).toEqual([
          expect.objectContaining({ schedule_id: schedule.id, user_id: chi!.id, until: '2026-03-25T15:00:00.000Z' }),
        ])
        const bens = await getJson(
          app,
          `/api/oncall/users/${ben!.id}/shifts?from=2026-03-23T00:00:00Z&to=2026-03-27T00:00:00Z`,
          org.auth,
        )
        expect(bens.map((s: { start_at: string }) => s.start_at)).toEqual([
          '2026-03-24T08:00:00.000Z',
          '2026-03-26T08:00:00.000Z',
        ])
      },
    )

    it('creates the follow-the-sun template with one region on call at any hour', async () => {
      const { app, deps, org } = await createTestApp(engine, { now: new Date('2026-06-01T00:00:00Z') })
      const people = await addMembers(deps.store.db, org.id, ['S1', 'B1', 'N1'])
      const schedule = await postJson(app, '/api/schedules/follow-the-sun', org.auth, {
        start_at: '2026-06-01T00:00:00Z',
        regions: [
          { name: 'Sydney', time_zone: 'Australia/Sydney', participant_ids: [people[0]!.id] },
          { name: 'Berlin', time_zone: 'Europe/Berlin', participant_ids: [people[1]!.id] },
          { name: 'New York', time_zone: 'America/New_York', participant_ids: [people[2]!.id] },
        ],
      })
      expect(schedule.layers.map((l: { name: string }) => l.name)).toEqual(['Sydney', 'Berlin', 'New York'])
      const day = await getJson(
        app,
        `/api/schedules/${schedule.id}/shifts?from=2026-06-02T22:00:00Z&to=2026-06-03T22:00:00Z`,
        org.auth,
      )
      expect(day.map((s: { user_id: string; start_at: string }) => [s.user_id, s.start_at])).toEqual([
        [people[0]!.id, '2026-06-02T22:00:00.000Z'],
        [people[1]!.id, '2026-06-03T06:00:00.000Z'],
        [people[2]!.id, '2026-06-03T14:00:00.000Z'],
      ])
    })

    it('serves iCalendar feeds of a schedule and of a person through secret URLs', async () => {
      const { app, deps, org } = await createTestApp(engine, { now: new Date('2026-03-25T12:00:00Z') })
      const [ana] = await addMembers(deps.store.db, org.id, ['Ana'])
      const schedule = await postJson(app, '/api/schedules', org.auth, {
        name: 'Solo',
        time_zone: 'Europe/Berlin',
        layers: [
          {
            participant_ids: [ana!.id],
            shift_length: 12,
            shift_unit: 'hours',
            start_at: '2026-03-25T08:00:00Z',
            time_zone: 'Europe/Berlin',
            restrictions: [{ kind: 'daily', start_time: '09:00', end_time: '17:00' }],
          },
        ],
      })
      const { url } = await getJson(app, `/api/schedules/${schedule.id}/calendar`, org.auth)
      const path = (u: string) => new URL(u).pathname + new URL(u).search
      const feed = await app.inject({ url: path(url) })
      expect(feed.statusCode).toBe(200)
      expect(feed.headers['content-type']).toContain('text/calendar')
      expect(feed.body).toContain('DTSTART:20260325T080000Z')
      // After 29 March, 09:00 Berlin is 07:00 UTC.
      expect(feed.body).toContain('DTSTART:20260330T070000Z')
      expect(feed.body).toContain('SUMMARY:On call: Ana (Solo)')
      const person = await getJson(app, `/api/oncall/users/${ana!.id}/calendar`, org.auth)
      expect((await app.inject({ url: path(person.url) })).body).toContain('BEGIN:VEVENT')
      const forged = `${path(url).slice(0, -3)}AAA`
      expect((await app.inject({ url: forged })).statusCode).toBe(404)
      expect(
        (await app.inject({ url: `/api/schedules/${schedule.id}/calendar.ics`, headers: org.auth })).body,
      ).toContain('BEGIN:VCALENDAR')
    })

    it('reports load and warns when an untrained responder would be alone', async () => {
      const { app, deps, org } = await createTestApp(engine, { now: new Date('2026-05-01T00:00:00Z') })
      const [vet, rookie] = await addMembers(deps.store.db, org.id, ['Vet', 'Rookie'])
      const schedule = await postJson(app, '/api/schedules', org.auth, {
        name: 'Support',
        time_zone: 'UTC',
        layers: [
          {
            participant_ids: [vet!.id, rookie!.id],
            shift_length: 1,
            shift_unit: 'weeks',
            start_at: '2026-05-04T00:00:00Z',
            time_zone: 'UTC',
          },
        ],
      })
      const readiness = await postJson(
        app,
        `/api/schedules/${schedule.id}/readiness`,
        org.auth,
        {
          role: 'support_on_call_manager',
          from: '2026-05-04T00:00:00Z',
          to: '2026-06-01T00:00:00Z',
          trainings: [{ user_id: vet!.id, role: 'support_on_call_manager', kind: 'drill', at: '2026-04-01T00:00:00Z' }],
        },
        200,
      )
      const load = new Map(readiness.load.map((p: { user_id: string }) => [p.user_id, p]))
      expect(load.get(vet!.id)).toMatchObject({ on_call_hours: 336, shift_count: 2, gaps_between_turns_hours: [168] })
      expect(load.get(rookie!.id)).toMatchObject({ on_call_hours: 336, shift_count: 2 })
      expect(readiness.warnings.map((w: { user_id: string; start_at: string }) => [w.user_id, w.start_at])).toEqual([
        [rookie!.id, '2026-05-11T00:00:00.000Z'],
        [rookie!.id, '2026-05-25T00:00:00.000Z'],
      ])
    })

    it('refuses bad layers with every problem, people from elsewhere, and deleting a paged schedule', async () => {
      const { app, deps, org, createOrg } = await createTestApp(engine)
      const other = await createOrg()
      const [outsider] = await addMembers(deps.store.db, other.id, ['Out'])
      const bad = await app.inject({
        method: 'POST',
        url: '/api/schedules',
        headers: org.auth,
        payload: {
          name: 'X',
          time_zone: 'Mars/Base',
          layers: [
            {
              participant_ids: [],
              shift_length: 0,
              shift_unit: 'days',
              start_at: 'soon',
              time_zone: 'UTC',
              restrictions: [{ kind: 'daily', start_time: '25:00', end_time: '09:00' }],
            },
          ],
        },
      })
      expect(bad.statusCode).toBe(400)
      expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(
        expect.arrayContaining([
          'time_zone',
          'layers.0.shift_length',
          'layers.0.start_at',
          'layers.0.restrictions.0.start_time',
        ]),
      )
      const foreign = await app.inject({
        method: 'POST',
        url: '/api/schedules',
        headers: org.auth,
        payload: {
          name: 'X',
          time_zone: 'UTC',
          layers: [
            {
              participant_ids: [outsider!.id],
              shift_length: 1,
              shift_unit: 'days',
              start_at: '2026-01-01T00:00:00Z',
              time_zone: 'UTC',
            },
          ],
        },
      })
      expect(foreign.statusCode).toBe(400)
      const schedule = await postJson(app, '/api/schedules', org.auth, { name: 'S', time_zone: 'UTC' })
      expect((await app.inject({ url: `/api/schedules/${schedule.id}`, headers: other.auth })).statusCode).toBe(404)
      await postJson(app, '/api/escalation-policies', org.auth, {
        name: 'P',
        levels: [{ ack_timeout_minutes: 5, targets: [{ type: 'schedule', id: schedule.id }] }],
      })
      expect(
        (await app.inject({ method: 'DELETE', url: `/api/schedules/${schedule.id}`, headers: org.auth })).statusCode,
      ).toBe(409)
      const viewer = await org.tokenFor('viewer')
      expect(
        (
          await app.inject({
            method: 'POST',
            url: '/api/schedules',
            headers: viewer,
            payload: { name: 'V', time_zone: 'UTC' },
          })
        ).statusCode,
      ).toBe(403)
      expect((await app.inject({ url: '/api/schedules', headers: viewer })).statusCode).toBe(200)
    })
  })
})

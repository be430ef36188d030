import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'
import { addPerson } from './accounts-fixtures.js'

forEachDatabase((engine) => {
  describe('audit log', () => {
    it('records who changed a role, from where, with the member before and after', async () => {
      const t = await createTestApp(engine)
      const person = await addPerson(t, t.org.id, 'viewer')
      await t.app.inject({
        method: 'PATCH',
        url: `/api/members/${person.id}`,
        remoteAddress: '203.0.113.9',
        headers: { ...t.org.auth, 'user-agent': 'ops-script/1.0' },
        payload: { role: 'responder' },
      })
      const { entries } = (
        await t.app.inject({ url: '/api/audit?action=member.role_changed', headers: t.org.auth })
      ).json()
      expect(entries).toHaveLength(1)
      expect(entries[0]).toMatchObject({
        actor_kind: 'token',
        actor_name: 'owner token',
        action: 'member.role_changed',
        object_type: 'member',
        object_id: person.id,
        ip: '203.0.113.9',
        user_agent: 'ops-script/1.0',
        before: { role: 'viewer', email: person.email },
        after: { role: 'responder' },
        occurred_at: t.clock.now.toISOString(),
      })
    })

    it('believes X-Forwarded-For only from a trusted proxy (TRUST_PROXY)', async () => {
      const ipOfRoleChange = async (t: Awaited<ReturnType<typeof createTestApp>>) => {
        const person = await addPerson(t, t.org.id, 'viewer')
        const headers = { ...t.org.auth, 'x-forwarded-for': '198.51.100.7' }
        await t.app.inject({
          method: 'PATCH',
          url: `/api/members/${person.id}`,
          remoteAddress: '10.1.2.3',
          headers,
          payload: { role: 'responder' },
        })
        const { entries } = (
          await t.app.inject({ url: '/api/audit?action=member.role_changed', headers: t.org.auth })
        ).json()
        return entries[0].ip
      }
      expect(await ipOfRoleChange(await createTestApp(engine))).toBe('10.1.2.3')
      expect(await ipOfRoleChange(await createTestApp(engine, { env: { TRUST_PROXY: '10.0.0.0/8' } }))).toBe(
        '198.51.100.7',
      )
      expect(await ipOfRoleChange(await createTestApp(engine, { env: { TRUST_PROXY: '192.168.0.0/16' } }))).toBe(
        '10.1.2.3',
      )
    })

    it('records every other change made through the API, with the object before and after', async () => {
      const t = await createTestApp(engine)
      const id = (
        await t.app.inject({
          method: 'POST',
          url: '/api/incidents',
          headers: t.org.auth,
          payload: { title: 'Slow API', status: 'triage' },
        })
      ).json().id
      await t.app.inject({
        method: 'PATCH',
        url: `/api/incidents/${id}`,
        headers: t.org.auth,
        payload: { title: 'Slow API in eu-west' },
      })
      const { entries } = (await t.app.inject({ url: `/api/audit?object_id=${id}`, headers: t.org.auth })).json()
      expect(entries.map((e: { action: string }) => e.action)).toEqual([
        'PATCH /api/incidents/:id',
        'POST /api/incidents',
      ])
      expect(entries[0]).toMatchObject({
        object_type: 'incidents',
        before: { title: 'Slow API' },
        after: { title: 'Slow API in eu-west' },
      })
      expect(entries[1]).toMatchObject({ before: null, after: { id, title: 'Slow API' } })
    })

    it('keeps secrets out: a created token is logged without its value', async () => {
      const t = await createTestApp(engine)
      const { token } = (
        await t.app.inject({
          method: 'POST',
          url: '/api/tokens',
          headers: t.org.auth,
          payload: { name: 'bot', kind: 'organisation', role: 'viewer' },
        })
      ).json()
      const exported = (await t.app.inject({ url: '/api/audit/export?format=json', headers: t.org.auth })).payload
      expect(exported).toContain('token.created')
      expect(exported).not.toContain(token)
      expect(exported).not.toMatch(/[0-9a-f]{64}/)
    })

    it('is append-only: the database refuses to change or delete a row, except with its organisation', async () => {
      const t = await createTestApp(engine)
      await t.app.inject({
        method: 'POST',
        url: '/api/invitations',
        headers: t.org.auth,
        payload: { email: 'a@example.com', role: 'viewer' },
      })
      const db = t.deps.database.db
      await expect(sql`update audit_log set action = 'nothing happened'`.execute(db)).rejects.toThrow(/append-only/)
      await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/)
      await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/)
      await sql`delete from organisations where id = ${t.org.id}`.execute(db)
      expect((await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(db)).rows[0]!.n).toBe(0)
    })

    it('pages newest first with a cursor and filters by time, actor and action', async () => {
      const t = await createTestApp(engine)
      for (let i = 0; i < 5; i++) {
        await t.app.inject({
          method: 'POST',
          url: '/api/invitations',
          headers: t.org.auth,
          payload: { email: `p${i}@example.com`, role: 'viewer' },
        })
        t.clock.advance(60_000)
      }
      const first = (await t.app.inject({ url: '/api/audit?limit=2', headers: t.org.auth })).json()
      const second = (
        await t.app.inject({ url: `/api/audit?limit=2&before=${first.next_cursor}`, headers: t.org.auth })
      ).json()
      const emails = [...first.entries, ...second.entries].map((e: { after: { email: string } }) => e.after.email)
      expect(emails).toEqual(['p4@example.com', 'p3@example.com', 'p2@example.com', 'p1@example.com'])
      const from = new Date(t.clock.now.getTime() - 2.5 * 60_000).toISOString()
      const recent = (
        await t.app.inject({ url: `/api/audit?from=${encodeURIComponent(from)}`, headers: t.org.auth })
      ).json()
      expect(recent.entries).toHaveLength(2)
    })

    it('exports CSV that a spreadsheet cannot run as formulas', async () => {
      const t = await createTestApp(engine)
      await t.app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: t.org.auth,
        payload: { name: '=HYPERLINK("http://evil.example")', kind: 'organisation', role: 'viewer' },
      })
      const response = await t.app.inject({ url: '/api/audit/export?format=csv', headers: t.org.auth })
      expect(response.headers['content-type']).toContain('text/csv')
      expect(response.headers['content-disposition']).toBe('attachment; filename="audit-log.csv"')
      const [header, row] = response.payload.split('\r\n')
      expect(header).toBe(
        'occurred_at,actor_kind,actor_id,actor_name,action,object_type,object_id,ip,user_agent,before,after',
      )
      expect(row).toContain('token.created')
      expect(row).not.toMatch(/(^|,)=HYPERLINK/)
    })

    it('is readable by owners and admins only', async () => {
      const t = await createTestApp(engine)
      for (const role of ['responder', 'communicator', 'viewer'] as const) {
        expect((await t.app.inject({ url: '/api/audit', headers: await t.org.tokenFor(role) })).statusCode).toBe(403)
      }
      expect((await t.app.inject({ url: '/api/audit', headers: await t.org.tokenFor('admin') })).statusCode).toBe(200)
    })
  })
})

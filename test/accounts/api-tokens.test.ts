import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'
import { addPerson, signIn } from './accounts-fixtures.js'

forEachDatabase((engine) => {
  describe('API tokens', () => {
    it('shows a new token once, stores only its hash, and lets it act within its scopes until revoked', async () => {
      const t = await createTestApp(engine)
      const person = await addPerson(t, t.org.id, 'admin')
      const s = await signIn(t, person.email)
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: s.unsafe,
        payload: { name: 'CI reader', scopes: ['page.read', 'incident.*'] },
      })
      expect(created.statusCode).toBe(201)
      const { token, id, scopes, role, kind } = created.json()
      expect(token).toMatch(/^cnd_[A-Za-z0-9_-]{43}$/)
      expect({ role, kind }).toEqual({ role: 'admin', kind: 'personal' })
      expect(scopes).toEqual([
        'page.read',
        'incident.read',
        'incident.create',
        'incident.update',
        'incident.publish',
        'incident.delete',
      ])
      const stored = await t.deps.database.db
        .selectFrom('api_tokens')
        .select('token_hash')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/)
      expect(stored.token_hash).not.toContain(token.slice(4, 20))
      const listed = (await t.app.inject({ url: '/api/tokens', headers: s.headers })).payload
      expect(listed).toContain(id)
      expect(listed).not.toContain(token)

      const bearer = { authorization: `Bearer ${token}` }
      expect((await t.app.inject({ url: '/api/incidents', headers: bearer })).statusCode).toBe(200)
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/pages',
            headers: bearer,
            payload: { slug: 'nope', name: 'No' },
          })
        ).statusCode,
      ).toBe(403)
      expect((await t.app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: s.unsafe })).statusCode).toBe(
        204,
      )
      expect((await t.app.inject({ url: '/api/incidents', headers: bearer })).statusCode).toBe(401)
    })

    it('never gives a token more than its maker has', async () => {
      const t = await createTestApp(engine)
      const responder = await addPerson(t, t.org.id, 'responder')
      const s = await signIn(t, responder.email)
      const post = (payload: Record<string, unknown>) =>
        t.app.inject({ method: 'POST', url: '/api/tokens', headers: s.unsafe, payload })
      expect((await post({ name: 'x', role: 'admin' })).statusCode).toBe(403)
      expect((await post({ name: 'x', kind: 'organisation', role: 'viewer' })).statusCode).toBe(403)
      const beyond = await post({ name: 'x', scopes: ['incident.publish'] })
      expect(beyond.statusCode).toBe(400)
      expect(beyond.json().errors).toEqual([{ path: 'scopes', message: 'the responder role cannot incident.publish' }])
      expect((await post({ name: 'x', scopes: ['incidents.read'] })).statusCode).toBe(400)
      expect((await post({ name: 'x', role: 'viewer' })).statusCode).toBe(201)
    })

    it('lets admins make organisation tokens below owner, and revoke anyone’s token', async () => {
      const t = await createTestApp(engine)
      const admin = await t.org.tokenFor('admin')
      const make = (role: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/tokens',
          headers: admin,
          payload: { name: `${role} bot`, kind: 'organisation', role },
        })
      expect((await make('owner')).statusCode).toBe(403)
      const bot = await make('communicator')
      expect(bot.statusCode).toBe(201)
      expect(bot.json()).toMatchObject({ kind: 'organisation', user_id: null, role: 'communicator' })
      const person = await addPerson(t, t.org.id, 'viewer')
      const s = await signIn(t, person.email)
      const mine = (
        await t.app.inject({ method: 'POST', url: '/api/tokens', headers: s.unsafe, payload: { name: 'mine' } })
      ).json()
      expect(
        (await t.app.inject({ url: '/api/tokens', headers: s.headers })).json().map((x: { id: string }) => x.id),
      ).toEqual([mine.id])
      expect(
        (await t.app.inject({ method: 'DELETE', url: `/api/tokens/${bot.json().id}`, headers: s.unsafe })).statusCode,
      ).toBe(404)
      expect((await t.app.inject({ method: 'DELETE', url: `/api/tokens/${mine.id}`, headers: admin })).statusCode).toBe(
        204,
      )
    })

    it('expires a token at its expiry time', async () => {
      const t = await createTestApp(engine)
      const expiresAt = new Date(t.clock.now.getTime() + 3_600_000).toISOString()
      const { token } = (
        await t.app.inject({
          method: 'POST',
          url: '/api/tokens',
          headers: t.org.auth,
          payload: { name: 'short', kind: 'organisation', role: 'viewer', expires_at: expiresAt },
        })
      ).json()
      expect(
        (await t.app.inject({ url: '/api/pages', headers: { authorization: `Bearer ${token}` } })).statusCode,
      ).toBe(200)
      t.clock.advance(3_600_000)
      expect(
        (await t.app.inject({ url: '/api/pages', headers: { authorization: `Bearer ${token}` } })).statusCode,
      ).toBe(401)
    })

    it('revokes a person’s tokens that outgrow a lowered role, and all of them when they leave', async () => {
      const t = await createTestApp(engine)
      const person = await addPerson(t, t.org.id, 'admin')
      const s = await signIn(t, person.email)
      const make = async (role: string) =>
        (
          await t.app.inject({ method: 'POST', url: '/api/tokens', headers: s.unsafe, payload: { name: role, role } })
        ).json().token as string
      const adminToken = await make('admin')
      const viewerToken = await make('viewer')
      const works = async (token: string) =>
        (await t.app.inject({ url: '/api/pages', headers: { authorization: `Bearer ${token}` } })).statusCode === 200
      await t.app.inject({
        method: 'PATCH',
        url: `/api/members/${person.id}`,
        headers: t.org.auth,
        payload: { role: 'responder' },
      })
      expect([await works(adminToken), await works(viewerToken)]).toEqual([false, true])
      await t.app.inject({ method: 'DELETE', url: `/api/members/${person.id}`, headers: t.org.auth })
      expect(await works(viewerToken)).toBe(false)
    })
  })

  describe('members', () => {
    it('keeps at least one owner, and keeps admins away from owners', async () => {
      const t = await createTestApp(engine)
      const owner = await addPerson(t, t.org.id, 'owner')
      const admin = await t.org.tokenFor('admin')
      expect(
        (
          await t.app.inject({
            method: 'PATCH',
            url: `/api/members/${owner.id}`,
            headers: t.org.auth,
            payload: { role: 'admin' },
          })
        ).statusCode,
      ).toBe(409)
      expect(
        (await t.app.inject({ method: 'DELETE', url: `/api/members/${owner.id}`, headers: t.org.auth })).statusCode,
      ).toBe(409)
      const second = await addPerson(t, t.org.id, 'owner')
      expect(
        (await t.app.inject({ method: 'DELETE', url: `/api/members/${second.id}`, headers: admin })).statusCode,
      ).toBe(403)
      const viewer = await addPerson(t, t.org.id, 'viewer')
      expect(
        (
          await t.app.inject({
            method: 'PATCH',
            url: `/api/members/${viewer.id}`,
            headers: admin,
            payload: { role: 'owner' },
          })
        ).statusCode,
      ).toBe(403)
      expect(
        (
          await t.app.inject({
            method: 'PATCH',
            url: `/api/members/${viewer.id}`,
            headers: admin,
            payload: { role: 'communicator' },
          })
        ).json().role,
      ).toBe('communicator')
      expect(
        (await t.app.inject({ method: 'DELETE', url: `/api/members/${second.id}`, headers: t.org.auth })).statusCode,
      ).toBe(204)
      const roles = (await t.app.inject({ url: '/api/members', headers: admin }))
        .json()
        .map((m: { role: string }) => m.role)
      expect(roles.sort()).toEqual(['communicator', 'owner'])
    })
  })
})

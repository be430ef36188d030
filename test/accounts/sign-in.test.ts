import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'
import { addPerson, defaultPassword, signIn } from './accounts-fixtures.js'

forEachDatabase((engine) => {
  describe('signing in with email and password', () => {
    it('sets a secure-by-default session cookie and signs the person in to their organisation', async () => {
      const t = await createTestApp(engine)
      const person = await addPerson(t, t.org.id, 'responder')
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: person.email.toUpperCase(), password: defaultPassword },
      })
      expect(response.statusCode).toBe(200)
      const cookie = response.cookies[0]!
      expect(cookie).toMatchObject({ name: 'candor_session', httpOnly: true, sameSite: 'Lax', path: '/' })
      expect(response.headers['cache-control']).toBe('no-store')
      expect(response.json()).toMatchObject({
        user: { id: person.id },
        organisation: { id: t.org.id },
        role: 'responder',
      })
      const me = await t.app.inject({ url: '/api/me', headers: { cookie: `${cookie.name}=${cookie.value}` } })
      expect(me.json()).toMatchObject({
        actor: { kind: 'user', id: person.id },
        role: 'responder',
        csrf_token: response.json().csrf_token,
      })
      expect(me.json().permissions).toContain('incident.update')
      expect(me.json().permissions).not.toContain('incident.publish')
    })

    it('answers a wrong password and an unknown email the same way', async () => {
      const t = await createTestApp(engine)
      const person = await addPerson(t, t.org.id, 'viewer')
      const wrong = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: person.email, password: 'not the password at all' },
      })
      const unknown = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: 'nobody@example.com', password: 'not the password at all' },
      })
      expect(wrong.statusCode).toBe(401)
      expect(unknown.statusCode).toBe(401)
      expect(wrong.json().title).toBe(unknown.json().title)
      expect(wrong.cookies).toEqual([])
    })

    it(
      'locks an email with backoff after repeated failures, known ' +
        'account or not, and lets it in once the wait is over',
      async () => {
        const t = await createTestApp(engine)
        const person = await addPerson(t, t.org.id, 'viewer')
        for (const email of [person.email, 'ghost@example.com']) {
          for (let i = 0; i < 6; i++) {
            const r = await t.app.inject({
              method: 'POST',
              url: '/api/auth/sign-in',
              remoteAddress: `10.0.${i}.1`,
              payload: { email, password: 'wrong password here' },
            })
            expect(r.statusCode).toBe(401)
          }
          const locked = await t.app.inject({
            method: 'POST',
            url: '/api/auth/sign-in',
            remoteAddress: '10.1.0.1',
            payload: { email, password: defaultPassword },
          })
          expect(locked.statusCode).toBe(429)
          expect(locked.json().code).toBe('RATE_LIMITED')
        }
        t.clock.advance(30_000)
        expect(
          (
            await t.app.inject({
              method: 'POST',
              url: '/api/auth/sign-in',
              payload: { email: person.email, password: defaultPassword },
            })
          ).statusCode,
        ).toBe(200)
      },
    )

    it('allows ten sign-in attempts a minute from one address', async () => {
      const t = await createTestApp(engine)
      const codes: number[] = []
      for (let i = 0; i < 11; i++) {
        const r = await t.app.inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          remoteAddress: '192.0.2.7',
          payload: { email: `x${i}@example.com`, password: 'wrong password here' },
        })
        codes.push(r.statusCode)
      }
      expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true)
      expect(codes[10]).toBe(429)
    })

    it('refuses changes from a session without the CSRF token or from another site', async () => {
      const t = await createTestApp(engine)
      const person = await addPerson(t, t.org.id, 'admin')
      const s = await signIn(t, person.email)
      const payload = { slug: 'csrf-page', name: 'Page' }
      expect((await t.app.inject({ method: 'POST', url: '/api/pages', headers: s.headers, payload })).statusCode).toBe(
        403,
      )
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/pages',
            headers: { ...s.headers, 'x-csrf-token': 'forged' },
            payload,
          })
        ).statusCode,
      ).toBe(403)
      const crossSite = await t.app.inject({
        method: 'POST',
        url: '/api/pages',
        headers: { ...s.unsafe, origin: 'https://evil.example' },
        payload,
      })
      expect(crossSite.statusCode).toBe(403)
      expect((await t.app.inject({ method: 'POST', url: '/api/pages', headers: s.unsafe, payload })).statusCode).toBe(
        201,
      )
    })

    it('signs out one session, or every session of the person', async () => {
      const t = await createTestApp(engine)
      const person = await addPerson(t, t.org.id, 'communicator')
      const laptop = await signIn(t, person.email)
      const phone = await signIn(t, person.email)
      const tablet = await signIn(t, person.email)
      const out = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: laptop.unsafe })
      expect(out.statusCode).toBe(204)
      expect(out.cookies[0]).toMatchObject({ value: '', expires: new Date(0) })
      expect((await t.app.inject({ url: '/api/me', headers: laptop.headers })).statusCode).toBe(401)
      expect((await t.app.inject({ url: '/api/me', headers: phone.headers })).statusCode).toBe(200)
      const everywhere = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-out-everywhere',
        headers: phone.unsafe,
      })
      expect(everywhere.json()).toEqual({ sessions_ended: 2 })
      expect((await t.app.inject({ url: '/api/me', headers: tablet.headers })).statusCode).toBe(401)
    })

    it('ends a session after 12 idle hours, and at once when the person is removed', async () => {
      const t = await createTestApp(engine)
      const person = await addPerson(t, t.org.id, 'viewer')
      const idle = await signIn(t, person.email)
      t.clock.advance(12 * 3_600_000)
      expect((await t.app.inject({ url: '/api/me', headers: idle.headers })).statusCode).toBe(401)
      const active = await signIn(t, person.email)
      expect(
        (await t.app.inject({ method: 'DELETE', url: `/api/members/${person.id}`, headers: t.org.auth })).statusCode,
      ).toBe(204)
      expect((await t.app.inject({ url: '/api/me', headers: active.headers })).statusCode).toBe(401)
    })

    it('follows a role change on the next request', async () => {
      const t = await createTestApp(engine)
      const person = await addPerson(t, t.org.id, 'communicator')
      const s = await signIn(t, person.email)
      await t.app.inject({
        method: 'PATCH',
        url: `/api/members/${person.id}`,
        headers: t.org.auth,
        payload: { role: 'viewer' },
      })
      const me = await t.app.inject({ url: '/api/me', headers: s.headers })
      expect(me.json().role).toBe('viewer')
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/pages',
            headers: s.unsafe,
            payload: { slug: 'x-page', name: 'X' },
          })
        ).statusCode,
      ).toBe(403)
    })
  })
})

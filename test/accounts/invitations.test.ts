import { describe, expect, it } from 'vitest'
import { findExecutableMarkup } from '../../src/text/executable-markup.js'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp, type TestApp } from '../support/test-app.js'
import { addPerson, signIn } from './accounts-fixtures.js'

async function invite(t: TestApp, headers: Record<string, string>, email: string, role = 'responder') {
  return t.app.inject({ method: 'POST', url: '/api/invitations', headers, payload: { email, role } })
}

const tokenOf = (url: string) => new URL(url).searchParams.get('token')!

forEachDatabase((engine) => {
  describe('invitations', () => {
    it('invites by a signed link that signs the new member in with the invited role, once', async () => {
      const t = await createTestApp(engine)
      const created = await invite(t, t.org.auth, 'New.Person@example.com')
      expect(created.statusCode).toBe(201)
      const { accept_url: url, email, role, emailed } = created.json()
      expect({ email, role, emailed }).toEqual({ email: 'new.person@example.com', role: 'responder', emailed: false })
      const page = await t.app.inject({ url: new URL(url).pathname + new URL(url).search })
      expect(page.statusCode).toBe(200)
      expect(page.headers['content-type']).toContain('text/html')
      expect(page.payload).toContain('name="password"')
      const accepted = await t.app.inject({
        method: 'POST',
        url: '/api/invitations/accept',
        payload: { token: tokenOf(url), name: 'New Person', password: 'a long and fine passphrase' },
      })
      expect(accepted.statusCode).toBe(200)
      expect(accepted.json()).toMatchObject({ role: 'responder', organisation: { id: t.org.id } })
      expect(accepted.cookies[0]?.httpOnly).toBe(true)
      const again = await t.app.inject({
        method: 'POST',
        url: '/api/invitations/accept',
        payload: { token: tokenOf(url), password: 'a long and fine passphrase' },
      })
      expect(again.statusCode).toBe(401)
      const members = (await t.app.inject({ url: '/api/members', headers: t.org.auth })).json()
      expect(members.map((m: { email: string }) => m.email)).toContain('new.person@example.com')
      expect((await signIn(t, 'new.person@example.com', 'a long and fine passphrase')).body.role).toBe('responder')
    })

    it('works without JavaScript: the form posts, signs in and redirects', async () => {
      const t = await createTestApp(engine)
      const url = (await invite(t, t.org.auth, 'form@example.com', 'viewer')).json().accept_url
      const response = await t.app.inject({
        method: 'POST',
        url: '/invitations/accept',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://status.test' },
        payload: new URLSearchParams({
          token: tokenOf(url),
          name: 'Form',
          password: 'another fine passphrase',
        }).toString(),
      })
      expect(response.statusCode).toBe(303)
      expect(response.headers.location).toBe('/console/')
      expect(response.cookies[0]?.name).toBe('candor_session')
    })

    it('refuses a weak password and shows the form again', async () => {
      const t = await createTestApp(engine)
      const url = (await invite(t, t.org.auth, 'weak@example.com')).json().accept_url
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/invitations/accept',
        payload: { token: tokenOf(url), password: 'short' },
      })
      expect(response.statusCode).toBe(400)
      expect(response.json().errors).toEqual([{ path: 'password', message: 'must be at least 12 characters' }])
    })

    it('expires after seven days and dies when revoked or replaced', async () => {
      const t = await createTestApp(engine)
      const first = (await invite(t, t.org.auth, 'late@example.com')).json()
      const second = (await invite(t, t.org.auth, 'late@example.com')).json()
      const accept = (url: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/invitations/accept',
          payload: { token: tokenOf(url), password: 'a long and fine passphrase' },
        })
      expect((await accept(first.accept_url)).statusCode).toBe(401)
      const third = (await invite(t, t.org.auth, 'other@example.com')).json()
      expect(
        (await t.app.inject({ method: 'DELETE', url: `/api/invitations/${third.id}`, headers: t.org.auth })).statusCode,
      ).toBe(204)
      expect((await accept(third.accept_url)).statusCode).toBe(401)
      t.clock.advance(7 * 24 * 3_600_000)
      expect((await accept(second.accept_url)).statusCode).toBe(401)
    })

    it('refuses a forged or tampered link', async () => {
      const t = await createTestApp(engine)
      const url = (await invite(t, t.org.auth, 'x@example.com', 'viewer')).json().accept_url
      const [payload, sig] = tokenOf(url).split('.')
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString())
      const forged = Buffer.from(JSON.stringify({ ...claims, e: claims.e + 1 })).toString('base64url')
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/invitations/accept',
        payload: { token: `${forged}.${sig}`, password: 'a long and fine passphrase' },
      })
      expect(r.statusCode).toBe(401)
    })

    it('lets admins invite anyone but owners, and responders nobody', async () => {
      const t = await createTestApp(engine)
      const admin = await t.org.tokenFor('admin')
      const responder = await t.org.tokenFor('responder')
      expect((await invite(t, admin, 'a@example.com', 'admin')).statusCode).toBe(201)
      expect((await invite(t, admin, 'o@example.com', 'owner')).statusCode).toBe(403)
      expect((await invite(t, responder, 'r@example.com', 'viewer')).statusCode).toBe(403)
      const member = await addPerson(t, t.org.id, 'viewer')
      expect((await invite(t, t.org.auth, member.email)).statusCode).toBe(409)
    })

    it('adds an existing person to a second organisation without a new password', async () => {
      const t = await createTestApp(engine)
      const person = await addPerson(t, t.org.id, 'viewer')
      const other = await t.createOrg()
      const url = (await invite(t, other.auth, person.email, 'communicator')).json().accept_url
      const accepted = await t.app.inject({
        method: 'POST',
        url: '/api/invitations/accept',
        payload: { token: tokenOf(url) },
      })
      expect(accepted.statusCode).toBe(200)
      expect(accepted.json().organisations).toHaveLength(2)
      const s = await signIn(t, person.email)
      const switched = await t.app.inject({
        method: 'PUT',
        url: '/api/session/organisation',
        headers: s.unsafe,
        payload: { org_id: other.id },
      })
      expect(switched.json()).toEqual({ org_id: other.id, role: 'communicator' })
      expect((await t.app.inject({ url: '/api/me', headers: s.headers })).json().organisation.id).toBe(other.id)
    })

    it('with SMTP, sends the link only by email, in sanitised HTML and plain text', async () => {
      const t = await createTestApp(engine)
      t.deps.accounts.canSendEmail = true
      await t.deps.store.organisations.create({ slug: 'unused', name: 'x' })
      const created = await invite(t, t.org.auth, 'mail@example.com')
      expect(created.json().accept_url).toBeUndefined()
      const [row] = await t.deps.store.db
        .selectFrom('deliveries')
        .select(['content', 'org_id'])
        .where('kind', '=', 'account_mail')
        .where('address', '=', 'mail@example.com')
        .execute()
      const mail = row!.content as { subject: string; text: string; html: string }
      expect(row!.org_id).toBe(t.org.id)
      expect(mail.subject).toContain('You are invited to')
      expect(mail.text).toMatch(/http:\/\/status\.test\/invitations\/accept\?token=\S+/)
      expect(findExecutableMarkup(mail.html)).toEqual([])
    })
  })
})

import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp, type TestApp } from '../support/test-app.js'
import { addPerson, signIn } from './accounts-fixtures.js'

const tokenOf = (url: string) => new URL(url).searchParams.get('token')!

/** An instance admin, signed in: the owner made at first start is one. */
async function instanceAdmin(t: TestApp) {
  const person = await addPerson(t, t.org.id, 'owner')
  await sql`UPDATE users SET is_instance_admin = true WHERE id = ${person.id}::uuid`.execute(t.deps.database.db)
  return signIn(t, person.email)
}

forEachDatabase((engine) => {
  describe('organisations', () => {
    it('are made by an instance admin with an owner invitation; the new owner sees only their own', async () => {
      const t = await createTestApp(engine)
      const admin = await instanceAdmin(t)
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/instance/organisations',
        headers: admin.unsafe,
        payload: { slug: 'globex', name: 'Globex', owner_email: 'Hank@Globex.example' },
      })
      expect(created.statusCode, created.body).toBe(201)
      const org = created.json()
      expect(org).toMatchObject({
        slug: 'globex',
        name: 'Globex',
        owner_invitation: { email: 'hank@globex.example', emailed: false },
      })
      const accepted = await t.app.inject({
        method: 'POST',
        url: '/api/invitations/accept',
        payload: {
          token: tokenOf(org.owner_invitation.accept_url),
          name: 'Hank',
          password: 'a long and fine passphrase',
        },
      })
      expect(accepted.statusCode).toBe(200)
      expect(accepted.json()).toMatchObject({ role: 'owner', organisation: { id: org.id } })
      const hank = await signIn(t, 'hank@globex.example', 'a long and fine passphrase')
      expect(hank.body).toMatchObject({ role: 'owner' })
      // Hank owns Globex and nothing else: not the first organisation, not the instance.
      await t.app.inject({
        method: 'POST',
        url: '/api/pages',
        headers: t.org.auth,
        payload: { slug: 'initech-status', name: 'Initech' },
      })
      const pages = (await t.app.inject({ url: '/api/pages', headers: hank.headers })).json()
      expect(JSON.stringify(pages)).not.toContain('initech-status')
      expect((await t.app.inject({ url: '/api/instance/organisations', headers: hank.headers })).statusCode).toBe(403)
      // The new organisation's log starts with who made it.
      const log = (await t.app.inject({ url: '/api/audit', headers: hank.headers })).json()
      expect(log.entries.map((e: { action: string }) => e.action)).toContain('organisation.created')

      const list = (await t.app.inject({ url: '/api/instance/organisations', headers: admin.headers })).json()
      expect(list.map((o: { slug: string; members: number }) => [o.slug, o.members])).toContainEqual(['globex', 1])
    })

    it('are renamed and deleted only with the slug confirmed, never the last one, and refuse bad input', async () => {
      const t = await createTestApp(engine)
      const admin = await instanceAdmin(t)
      const make = (payload: Record<string, unknown>) =>
        t.app.inject({ method: 'POST', url: '/api/instance/organisations', headers: admin.unsafe, payload })
      const id = (await make({ slug: 'umbrella', name: 'Umbrella', owner_email: 'a@umbrella.example' })).json().id
      const taken = await make({ slug: 'umbrella', name: 'Again', owner_email: 'b@umbrella.example' })
      expect(taken.statusCode).toBe(409)
      expect(taken.json().errors[0].path).toBe('slug')
      for (const bad of [
        { slug: 'Not A Slug', name: 'X', owner_email: 'a@x.example' },
        { slug: 'ok', name: '', owner_email: 'a@x.example' },
        { slug: 'ok', name: 'X', owner_email: 'not an email' },
        { slug: 'ok', name: 'X', owner_email: 'a@x.example', extra: true },
      ]) {
        const response = await make(bad)
        expect(response.statusCode, JSON.stringify(bad)).toBe(400)
        expect(response.headers['content-type']).toContain('application/problem+json')
      }
      const url = `/api/instance/organisations/${id}`
      const renamed = await t.app.inject({
        method: 'PATCH',
        url,
        headers: admin.unsafe,
        payload: { name: 'Umbrella Corp', slug: 'umbrella-corp' },
      })
      expect(renamed.json()).toMatchObject({ slug: 'umbrella-corp', name: 'Umbrella Corp' })
      const unconfirmed = await t.app.inject({
        method: 'DELETE',
        url: `${url}?confirm=umbrella`,
        headers: admin.unsafe,
      })
      expect(unconfirmed.statusCode).toBe(400)
      expect(unconfirmed.json().errors[0].path).toBe('confirm')
      const deleted = await t.app.inject({
        method: 'DELETE',
        url: `${url}?confirm=umbrella-corp`,
        headers: admin.unsafe,
      })
      expect(deleted.statusCode).toBe(204)
      const left = (await t.app.inject({ url: '/api/instance/organisations', headers: admin.headers })).json()
      expect(left.map((o: { slug: string }) => o.slug)).not.toContain('umbrella-corp')
      // A token of an organisation, even its owner's, is not an instance admin.
      expect((await make.call(null, {})).statusCode).toBe(400)
      const byToken = await t.app.inject({
        method: 'POST',
        url: '/api/instance/organisations',
        headers: t.org.auth,
        payload: { slug: 'tokenmade', name: 'T', owner_email: 'a@t.example' },
      })
      expect(byToken.statusCode).toBe(403)
    })
  })
})

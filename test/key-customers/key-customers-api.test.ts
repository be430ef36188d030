import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp, type TestApp } from '../support/test-app.js'
import { pageWithComponents } from '../subscribers/helpers.js'

const globex = {
  name: 'Globex',
  notify_within_minutes: 30,
  channel: 'phone',
  contacts: [{ name: 'Hank Scorpio', email: 'hank@globex.example', phone: '+1 555 0100' }],
  mrr: 12500.5,
}

async function post(t: TestApp, payload: unknown, headers = t.org.auth) {
  return t.app.inject({ method: 'POST', url: '/api/key-customers', headers, payload: payload as object })
}

async function importCsv(t: TestApp, csv: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/key-customers/import',
    headers: { ...t.org.auth, 'content-type': 'text/csv' },
    payload: csv,
  })
}

async function auditedActions(t: TestApp) {
  const rows = await t.deps.store.db
    .selectFrom('audit_log')
    .select('action')
    .where('org_id', '=', t.org.id)
    .where('action', 'like', '%/api/key-customers%')
    .orderBy('seq')
    .execute()
  return rows.map((r) => r.action)
}

const names = async (t: TestApp) =>
  (
    (await t.app.inject({ url: '/api/key-customers', headers: t.org.auth })).json().key_customers as { name: string }[]
  ).map((c) => c.name)

forEachDatabase((engine) => {
  describe('key customers', () => {
    it('are listed, added, read, changed and removed with their SLA terms and components', async () => {
      const t = await createTestApp(engine)
      const { componentIds } = await pageWithComponents(t.app, t.org)
      const created = await post(t, { ...globex, component_ids: [componentIds[0]] })
      expect(created.statusCode).toBe(201)
      const id = created.json().id
      expect(created.json()).toMatchObject({
        ...globex,
        contacts: [{ name: 'Hank Scorpio', email: 'hank@globex.example', phone: '+1 555 0100' }],
        component_ids: [componentIds[0]],
        is_affected_by_every_incident: false,
        notes: null,
      })
      await post(t, { name: 'Acme', notify_within_minutes: 60, is_affected_by_every_incident: true })
      expect(await names(t)).toEqual(['Acme', 'Globex'])

      const changed = await t.app.inject({
        method: 'PATCH',
        url: `/api/key-customers/${id}`,
        headers: t.org.auth,
        payload: { notify_within_minutes: 15, component_ids: componentIds, mrr: null },
      })
      expect(changed.statusCode).toBe(200)
      expect(changed.json()).toMatchObject({ name: 'Globex', notify_within_minutes: 15, mrr: null, channel: 'phone' })
      expect([...changed.json().component_ids].sort()).toEqual([...componentIds].sort())
      expect((await t.app.inject({ url: `/api/key-customers/${id}`, headers: t.org.auth })).json()).toEqual(
        changed.json(),
      )

      const removed = await t.app.inject({ method: 'DELETE', url: `/api/key-customers/${id}`, headers: t.org.auth })
      expect(removed.statusCode).toBe(204)
      expect((await t.app.inject({ url: `/api/key-customers/${id}`, headers: t.org.auth })).statusCode).toBe(404)
      expect(await names(t)).toEqual(['Acme'])
      expect(await auditedActions(t)).toEqual([
        'POST /api/key-customers',
        'POST /api/key-customers',
        'PATCH /api/key-customers/:id',
        'DELETE /api/key-customers/:id',
      ])
    })

    it('refuses bad terms with a problem naming each field, a taken name, and readers without the right', async () => {
      const t = await createTestApp(engine)
      const bad = await post(t, {
        name: '',
        notify_within_minutes: 0,
        channel: 'carrier pigeon',
        contacts: [{ name: 'X', email: 'not-an-email' }],
        component_ids: ['00000000-0000-4000-8000-000000000000'],
      })
      expect(bad.statusCode).toBe(400)
      expect(bad.headers['content-type']).toContain('application/problem+json')
      const paths = (bad.json().errors as { path: string }[]).map((e) => e.path)
      expect(paths).toEqual(expect.arrayContaining(['name', 'notify_within_minutes', 'channel', 'contacts.0.email']))

      const unknownComponent = await post(t, {
        name: 'Initech',
        notify_within_minutes: 10,
        component_ids: ['00000000-0000-4000-8000-000000000000'],
      })
      expect(unknownComponent.statusCode).toBe(400)
      expect(unknownComponent.json().errors[0].path).toBe('component_ids')

      expect((await post(t, globex)).statusCode).toBe(201)
      const taken = await post(t, { ...globex, name: 'GLOBEX' })
      expect(taken.statusCode).toBe(409)
      expect(taken.headers['content-type']).toContain('application/problem+json')

      const viewer = await t.org.tokenFor('viewer')
      expect((await t.app.inject({ url: '/api/key-customers', headers: viewer })).statusCode).toBe(403)
      const responder = await t.org.tokenFor('responder')
      expect((await post(t, { name: 'Umbrella', notify_within_minutes: 5 }, responder)).statusCode).toBe(403)
      const other = await t.createOrg()
      expect((await t.app.inject({ url: '/api/key-customers', headers: other.auth })).json().key_customers).toEqual([])
    })

    it('import from CSV, with components by name, every row or none', async () => {
      const t = await createTestApp(engine)
      await pageWithComponents(t.app, t.org)
      await post(t, { name: 'Existing', notify_within_minutes: 5 })
      const good =
        'name,notify_within_minutes,channel,contact_name,contact_email,mrr,components,every_incident\n' +
        'Globex,30,phone,Hank,hank@globex.example,12500,API,no\n' +
        '"Initech, Inc.",60,email,Bill,bill@initech.example,,API;Dashboard,yes\n'
      const refused = await importCsv(
        t,
        `${good}Umbrella,soon,email,,,,,no\nHooli,20,email,,,,Billing,no\n` +
          'existing,5,email,,,,,no\nGlobex,30,phone,,,,,no\n',
      )
      expect(refused.statusCode).toBe(400)
      expect(refused.headers['content-type']).toContain('application/problem+json')
      expect(refused.json().title).toContain('nothing was written')
      expect(refused.json().errors).toEqual([
        { path: 'line 4', message: expect.stringContaining('notify_within_minutes') },
        { path: 'line 5', message: 'unknown component(s): Billing' },
        { path: 'line 6', message: '"existing" is already a key customer' },
        { path: 'line 7', message: '"Globex" is also on line 2' },
      ])
      expect(await names(t)).toEqual(['Existing'])
      expect(await auditedActions(t)).toEqual(['POST /api/key-customers'])

      const imported = await importCsv(t, good)
      expect(imported.statusCode).toBe(201)
      expect(imported.json()).toEqual({ rows: 2, created: 2 })
      expect(await auditedActions(t)).toEqual(['POST /api/key-customers', 'POST /api/key-customers/import'])
      const list = (await t.app.inject({ url: '/api/key-customers', headers: t.org.auth })).json().key_customers
      expect(list.map((c: { name: string }) => c.name)).toEqual(['Existing', 'Globex', 'Initech, Inc.'])
      expect(list[2]).toMatchObject({
        channel: 'email',
        contacts: [{ name: 'Bill', email: 'bill@initech.example', phone: null }],
        mrr: null,
        is_affected_by_every_incident: true,
      })
      expect(list[2].component_ids).toHaveLength(2)
    })
  })
})

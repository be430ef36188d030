import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp, type TestApp } from '../support/test-app.js'

const crisisType = { name: 'Supplier failure', criteria: [{ id: 'down', text: 'A supplier is down' }] }

/** Makes the database refuse audit rows of one action, as a full disk or a broken row would. */
async function refuseAuditRowsOf(t: TestApp, action: string) {
  const db = t.deps.database.db
  await sql`CREATE OR REPLACE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.action = TG_ARGV[0] THEN RAISE EXCEPTION 'audit row refused for the test'; END IF;
      RETURN NEW;
    END $$`.execute(db)
  await sql`DROP TRIGGER IF EXISTS test_refuse_audit ON audit_log`.execute(db)
  await sql`CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION test_refuse_audit(${sql.lit(action)})`.execute(db)
}

async function auditActions(t: TestApp) {
  const { entries } = (await t.app.inject({ url: '/api/audit?limit=100', headers: t.org.auth })).json()
  return entries as { action: string; object_id: string | null; after: unknown }[]
}

forEachDatabase((engine) => {
  describe('a change made through the API and its audit row', () => {
    it('commit together: when the audit row cannot be written, the change is not saved either', async () => {
      const t = await createTestApp(engine)
      await refuseAuditRowsOf(t, 'PUT /api/process/crisis-types/:key')
      const put = await t.app.inject({
        method: 'PUT',
        url: '/api/process/crisis-types/supplier',
        headers: t.org.auth,
        payload: crisisType,
      })
      expect(put.statusCode).toBeGreaterThanOrEqual(500)
      const config = (await t.app.inject({ url: '/api/process/config', headers: t.org.auth })).json()
      expect(config.crisisTypes.map((c: { key: string }) => c.key)).not.toContain('supplier')

      // The same change with the audit working: both are there.
      await sql`DROP TRIGGER test_refuse_audit ON audit_log`.execute(t.deps.database.db)
      const again = await t.app.inject({
        method: 'PUT',
        url: '/api/process/crisis-types/supplier',
        headers: t.org.auth,
        payload: crisisType,
      })
      expect(again.statusCode).toBe(200)
      const rows = (await auditActions(t)).filter((e) => e.action === 'PUT /api/process/crisis-types/:key')
      expect(rows).toHaveLength(1)
      expect(rows[0]!.after).toMatchObject({ key: 'supplier', name: 'Supplier failure' })
    })

    it('commit together for a created object too: no incident without its audit row', async () => {
      const t = await createTestApp(engine)
      await refuseAuditRowsOf(t, 'POST /api/incidents')
      const post = await t.app.inject({
        method: 'POST',
        url: '/api/incidents',
        headers: t.org.auth,
        payload: { title: 'Checkout down', status: 'triage' },
      })
      expect(post.statusCode).toBeGreaterThanOrEqual(500)
      const list = (await t.app.inject({ url: '/api/incidents', headers: t.org.auth })).json()
      expect(JSON.stringify(list)).not.toContain('Checkout down')
    })

    it('commit together for a deletion: the rule stays when its audit row cannot be written', async () => {
      const t = await createTestApp(engine)
      const rule = await t.app.inject({
        method: 'POST',
        url: '/api/routing-rules',
        headers: t.org.auth,
        payload: { name: 'Everything', conditions: [], actions: [{ type: 'record' }] },
      })
      await refuseAuditRowsOf(t, 'DELETE /api/routing-rules/:id')
      const url = `/api/routing-rules/${rule.json().id}`
      expect((await t.app.inject({ method: 'DELETE', url, headers: t.org.auth })).statusCode).toBeGreaterThanOrEqual(
        500,
      )
      expect((await t.app.inject({ url, headers: t.org.auth })).statusCode).toBe(200)
    })

    it('keeps secrets shown once out of the row: an integration key, a webhook secret', async () => {
      const t = await createTestApp(engine)
      const integration = await t.app.inject({
        method: 'POST',
        url: '/api/integrations',
        headers: t.org.auth,
        payload: { kind: 'webhook', name: 'Grafana' },
      })
      expect(integration.statusCode).toBe(201)
      const { key, id } = integration.json()
      const rows = await auditActions(t)
      const row = rows.find((e) => e.action === 'POST /api/integrations')
      expect(row).toMatchObject({ object_id: id, after: { id, name: 'Grafana' } })
      const exported = (await t.app.inject({ url: '/api/audit/export?format=json', headers: t.org.auth })).payload
      expect(exported).not.toContain(key)
    })

    it('is one row per change, never a second one after the response', async () => {
      const t = await createTestApp(engine)
      const rule = await t.app.inject({
        method: 'POST',
        url: '/api/routing-rules',
        headers: t.org.auth,
        payload: { name: 'Everything', conditions: [], actions: [{ type: 'record' }] },
      })
      expect(rule.statusCode).toBe(201)
      const deleted = await t.app.inject({
        method: 'DELETE',
        url: `/api/routing-rules/${rule.json().id}`,
        headers: t.org.auth,
      })
      expect(deleted.statusCode).toBe(204)
      const actions = (await auditActions(t)).map((e) => e.action)
      expect(actions.filter((a) => a === 'POST /api/routing-rules')).toHaveLength(1)
      expect(actions.filter((a) => a === 'DELETE /api/routing-rules/:id')).toHaveLength(1)
    })
  })
})

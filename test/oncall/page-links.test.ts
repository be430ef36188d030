import { describe, expect, it } from 'vitest'
import { pageLinkUrl } from '../../src/app/oncall/page-links.js'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp, type TestApp } from '../support/test-app.js'
import { addMembers, postJson } from './oncall-fixtures.js'

async function pageOf(t: TestApp) {
  const [ana, lead] = await addMembers(t.deps.store.db, t.org.id, ['Ana', 'Lead'])
  const policy = await postJson(t.app, '/api/escalation-policies', t.org.auth, {
    name: 'P',
    levels: [
      { ack_timeout_minutes: 5, targets: [{ type: 'user', id: ana!.id }] },
      { ack_timeout_minutes: 5, targets: [{ type: 'user', id: lead!.id }] },
    ],
  })
  const page = await postJson(t.app, '/api/oncall-pages', t.org.auth, {
    escalation_policy_id: policy.id,
    summary: 'Disk full',
  })
  const link = (action: 'acknowledge' | 'escalate', userId = ana!.id) => {
    const url = new URL(pageLinkUrl(t.deps, { orgId: t.org.id, pageId: page.id, userId, action, now: t.clock.now }))
    return url.pathname + url.search
  }
  return { page, link, ana: ana!, lead: lead! }
}

const json = { accept: 'application/json' }

forEachDatabase((engine) => {
  describe('signed page links', () => {
    it('shows a button on open, acts only on POST, and works once', async () => {
      const t = await createTestApp(engine)
      const { page, link, ana } = await pageOf(t)
      const url = link('acknowledge')
      const opened = await t.app.inject({ url })
      expect(opened.statusCode).toBe(200)
      expect(opened.body).toContain('Disk full')
      expect(opened.body).toContain('<button type="submit"')
      const first = await t.app.inject({ method: 'POST', url, headers: json })
      expect(first.json()).toMatchObject({
        action: 'acknowledge',
        result: 'done',
        page: { id: page.id, status: 'acknowledged' },
      })
      const second = await t.app.inject({ method: 'POST', url, headers: json })
      expect(second.statusCode).toBe(409)
      expect(second.json().result).toBe('already-used')
      const row = await t.deps.store.forOrg(t.org.id).oncall.pages.get(page.id)
      expect(row?.acknowledged_by).toBe(ana.id)
    })

    it('refuses a forged or altered link, and one used for the other action', async () => {
      const t = await createTestApp(engine)
      const { link } = await pageOf(t)
      const url = link('acknowledge')
      const tampered = url.replace(/token=(.)/, (_m, c: string) => `token=${c === 'A' ? 'B' : 'A'}`)
      expect((await t.app.inject({ method: 'POST', url: tampered, headers: json })).json().result).toBe('invalid')
      const asEscalate = url.replace('/acknowledge?', '/escalate?')
      expect((await t.app.inject({ method: 'POST', url: asEscalate, headers: json })).statusCode).toBe(404)
      const otherSecret = { ...t.deps, secret: 'another-installation-secret-of-32-chars!' }
      const foreign = new URL(
        pageLinkUrl(otherSecret, {
          orgId: t.org.id,
          pageId: '00000000-0000-4000-8000-000000000000',
          userId: t.org.id,
          action: 'acknowledge',
          now: t.clock.now,
        }),
      )
      expect(
        (await t.app.inject({ method: 'POST', url: foreign.pathname + foreign.search, headers: json })).json().result,
      ).toBe('invalid')
    })

    it('expires after a day', async () => {
      const t = await createTestApp(engine)
      const { link } = await pageOf(t)
      const url = link('acknowledge')
      t.clock.advance(24 * 3_600_000)
      const late = await t.app.inject({ method: 'POST', url, headers: json })
      expect(late.statusCode).toBe(410)
      expect(late.json().result).toBe('expired')
    })

    it('escalates to the next level from the escalate link', async () => {
      const t = await createTestApp(engine)
      const { page, link, lead } = await pageOf(t)
      const res = await t.app.inject({ method: 'POST', url: link('escalate'), headers: json })
      expect(res.json().result).toBe('done')
      const rows = await t.deps.store.forOrg(t.org.id).oncall.pages.listNotifications(page.id)
      expect(rows.filter((n) => n.user_id === lead.id && n.level_index === 1).length).toBeGreaterThan(0)
      const form = await t.app.inject({
        method: 'POST',
        url: link('acknowledge', lead.id),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: '',
      })
      expect(form.statusCode).toBe(200)
      expect(form.headers['content-type']).toContain('text/html')
      expect(form.body).toContain('Done.')
    })
  })
})

import { simpleParser } from 'mailparser'
import { describe, expect, it } from 'vitest'
import { startOncallJobs } from '../support/oncall-jobs.js'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'
import { alertmanagerAlert, alertmanagerGroup, createIntegration, createRule } from '../intake/intake-helpers.js'
import { addMembers, getJson, postJson } from './oncall-fixtures.js'

const MIN = 60_000

async function mailTo(raws: readonly string[], address: string) {
  for (const raw of raws) {
    const mail = await simpleParser(raw)
    const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []
    if (to.some((t) => t.value.some((v) => v.address === address))) return mail
  }
  return undefined
}

const linkIn = (text: string, action: 'acknowledge' | 'escalate') =>
  new RegExp(`(http://127\\.0\\.0\\.1:\\d+/oncall/links/${action}\\?token=[\\w.-]+)`).exec(text)?.[1]

forEachDatabase((engine) => {
  describe('paging end to end, real server and real SMTP', () => {
    it(
      'an alert pages level 1 by email, the timeout escalates to level 2, level ' +
        '2 acknowledges through the emailed link, and escalation stops',
      async () => {
        const t = await createTestApp(engine, { now: new Date('2026-11-20T09:00:00Z') })
        await t.app.listen({ port: 0, host: '127.0.0.1' })
        const address = t.app.server.address()
        const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
        t.deps.baseUrl = base
        const jobs = await startOncallJobs(t)
        const sink = jobs.sink
        try {
          const [ana, lead] = await addMembers(t.deps.store.db, t.org.id, ['Ana', 'Lead'])
          await postJson(t.app, '/api/contact-methods', t.org.auth, {
            user_id: ana!.id,
            kind: 'email',
            address: 'ana@example.test',
          })
          await postJson(t.app, '/api/contact-methods', t.org.auth, {
            user_id: lead!.id,
            kind: 'email',
            address: 'lead@example.test',
          })
          const primary = await postJson(t.app, '/api/schedules', t.org.auth, {
            name: 'Primary',
            time_zone: 'Europe/Berlin',
            layers: [
              {
                participant_ids: [ana!.id],
                shift_length: 1,
                shift_unit: 'weeks',
                start_at: '2026-11-16T09:00:00+01:00',
                time_zone: 'Europe/Berlin',
              },
            ],
          })
          const policy = await postJson(t.app, '/api/escalation-policies', t.org.auth, {
            name: 'Checkout',
            levels: [
              { ack_timeout_minutes: 5, targets: [{ type: 'schedule', id: primary.id }] },
              { ack_timeout_minutes: 10, targets: [{ type: 'user', id: lead!.id }] },
            ],
          })
          const { key } = await createIntegration(t.app, t.org, 'alertmanager')
          await createRule(t.app, t.org, {
            name: 'page checkout',
            conditions: [{ field: 'labels.service', op: 'equals', value: 'checkout' }],
            actions: [{ type: 'page', escalationPolicyId: policy.id }],
          })

          const alert = await fetch(`${base}/api/intake/alertmanager/${key}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(alertmanagerGroup([alertmanagerAlert('web-1', 'firing')])),
          })
          expect(alert.status).toBeLessThan(300)
          const [page] = await getJson(t.app, '/api/oncall-pages', t.org.auth)
          expect(page).toMatchObject({ status: 'triggered', level: 1, summary: 'Checkout errors on web-1' })
          const [recorded] = await getJson(t.app, '/api/alerts', t.org.auth)
          expect(recorded.routing.pages).toEqual([
            { escalation_policy_id: policy.id, status: 'paged', page_id: page.id },
          ])

          await jobs.run()
          const raws = () => sink.messages.map((m) => m.raw!)
          const first = await mailTo(raws(), 'ana@example.test')
          expect(first?.subject).toBe('[Page] Checkout errors on web-1')
          expect(await mailTo(raws(), 'lead@example.test')).toBeUndefined()

          t.clock.advance(5 * MIN)
          expect(await jobs.run()).toEqual({ escalated: 1, sent: 1 })
          const second = await mailTo(raws(), 'lead@example.test')
          const acknowledgeUrl = linkIn(second!.text ?? '', 'acknowledge')
          expect(acknowledgeUrl).toBeDefined()

          t.clock.advance(2 * MIN)
          const landing = await fetch(acknowledgeUrl!)
          expect(landing.status).toBe(200)
          expect(await landing.text()).toContain('<form method="post">')
          expect((await getJson(t.app, `/api/oncall-pages/${page.id}`, t.org.auth)).status).toBe('triggered')
          const clicked = await fetch(acknowledgeUrl!, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: '',
          })
          expect(clicked.status).toBe(200)
          expect(await clicked.text()).toContain('Done.')

          const acked = await getJson(t.app, `/api/oncall-pages/${page.id}`, t.org.auth)
          expect(acked).toMatchObject({
            status: 'acknowledged',
            acknowledged_by: lead!.id,
            acknowledged_at: '2026-11-20T09:07:00.000Z',
            due_at: null,
          })
          expect(acked.events.at(-1)).toMatchObject({
            type: 'acknowledged',
            actor: 'Lead',
            detail: { via: 'link', user_id: lead!.id },
          })

          t.clock.advance(60 * MIN)
          expect(await jobs.run()).toEqual({ escalated: 0, sent: 0 })
          expect(sink.messages).toHaveLength(2)
          expect((await fetch(acknowledgeUrl!, { method: 'POST' })).status).toBe(409)

          // Alertmanager reports the alert resolved: the page is resolved with it, in the same request.
          const resolved = await fetch(`${base}/api/intake/alertmanager/${key}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(alertmanagerGroup([alertmanagerAlert('web-1', 'resolved')])),
          })
          expect(resolved.status).toBeLessThan(300)
          expect((await getJson(t.app, `/api/oncall-pages/${page.id}`, t.org.auth)).status).toBe('resolved')
        } finally {
        }
      },
    )
  })
})

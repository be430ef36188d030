import { simpleParser } from 'mailparser'
import { afterEach, describe, expect, it } from 'vitest'
import { checkInLinkUrl, CHECK_IN_LINK_TTL_MS } from '../../src/app/oncall/check-in-links.js'
import { startTestPipeline } from '../support/pipeline.js'
import { startSmtpSink } from '../support/smtp-sink.js'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp, type TestApp } from '../support/test-app.js'
import { addMembers, getJson, postJson, type Member } from '../oncall/oncall-fixtures.js'

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
})

interface TimelineEntry {
  type: string
  at: string
  actor: { name: string }
  person?: { id: string; name: string }
  role?: string
}

/** Ana is on the support schedule; the role is filled from it and the notice is really mailed. */
async function setUp(engine: 'pglite' | 'postgres') {
  const sink = await startSmtpSink({ keepRaw: true })
  const env = { SMTP_URL: `${sink.url}?ignoreTLS=true` }
  const t = await createTestApp(engine, { env, now: new Date('2026-03-25T12:00:00Z') })
  const pipeline = await startTestPipeline(t.deps, { smtpUrl: env.SMTP_URL })
  const sender = { runOnce: () => pipeline.worker.drained() }
  closers.push(() => sink.close())
  const [ana, ben] = (await addMembers(t.deps.store.db, t.org.id, ['Ana', 'Ben'])) as [Member, Member]
  const layer = (id: string) => ({
    participant_ids: [id],
    shift_length: 1,
    shift_unit: 'weeks',
    start_at: '2026-03-23T09:00:00Z',
    time_zone: 'UTC',
  })
  const primary = await postJson(t.app, '/api/schedules', t.org.auth, {
    name: 'Support primary',
    time_zone: 'UTC',
    layers: [layer(ana.id)],
  })
  const backup = await postJson(t.app, '/api/schedules', t.org.auth, {
    name: 'Support backup',
    time_zone: 'UTC',
    layers: [layer(ben.id)],
  })
  const incident = await postJson(t.app, '/api/process/incidents', t.org.auth, {
    title: 'Checkout is down',
    severity: 4,
  })
  const incidentId = incident.incident_id as string
  const assigned = await t.app.inject({
    method: 'PUT',
    url: `/api/incidents/${incidentId}/roles/support_on_call_manager`,
    headers: t.org.auth,
    payload: { from_schedule: primary.id, backup_from_schedule: backup.id },
  })
  expect(assigned.statusCode).toBe(200)
  await sender.runOnce()
  return { t, sink, sender, ana, ben, incidentId }
}

async function linkMailedTo(sink: { messages: { raw?: string }[] }, address: string) {
  for (const m of sink.messages) {
    const mail = await simpleParser(m.raw!)
    const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []
    if (!to.some((a) => a.value.some((v) => v.address === address))) continue
    return { mail, link: /(http:\/\/status\.test\/oncall\/check-in\?token=[\w.-]+)/.exec(mail.text ?? '')?.[1] }
  }
  return undefined
}

const pathOf = (url: string) => url.replace('http://status.test', '')
const timeline = async (t: TestApp, incidentId: string): Promise<TimelineEntry[]> =>
  (await getJson(t.app, `/api/incidents/${incidentId}/timeline?format=json`, t.org.auth)).entries

forEachDatabase((engine) => {
  describe('checking in to an incident role through the link in the role notice', () => {
    it(
      'the mailed link shows a confirmation on GET, ' + 'checks in once on POST, and the check-in is on the timeline',
      async () => {
        const { t, sink, ana, incidentId } = await setUp(engine)
        const mailed = await linkMailedTo(sink, ana.email)
        expect(mailed?.mail.subject).toBe('You are Support on-call manager: Checkout is down')
        expect(mailed?.mail.text).toContain(`Open the incident: http://status.test/console/incidents/${incidentId}`)
        expect(mailed?.mail.text).toContain('Check in as Support on-call manager')
        const url = pathOf(mailed!.link!)
        // The queued notice holds no usable link: it is signed only when sent.
        const queued = await t.deps.store.db
          .selectFrom('deliveries')
          .select('content')
          .where('incident_id', '=', incidentId)
          .where('kind', '=', 'role_notice')
          .execute()
        expect(queued.length).toBeGreaterThan(0)
        expect(JSON.stringify(queued)).not.toContain('token=')

        const landing = await t.app.inject({ url })
        expect(landing.statusCode).toBe(200)
        expect(landing.headers['content-type']).toContain('text/html')
        expect(landing.body).toContain('Check in as Support on-call manager')
        expect(landing.body).toContain('Checkout is down')
        expect(landing.body).toContain('<form method="post">')
        // Opening the link (a mail scanner, say) changes nothing.
        expect((await timeline(t, incidentId)).filter((e) => e.type === 'check_in')).toEqual([])

        t.clock.advance(3 * 60_000)
        const done = await t.app.inject({
          method: 'POST',
          url,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: '',
        })
        expect(done.statusCode).toBe(200)
        expect(done.body).toContain('You are checked in')
        const checkIns = (await timeline(t, incidentId)).filter((e) => e.type === 'check_in')
        expect(checkIns).toEqual([
          expect.objectContaining({
            person: { id: ana.id, name: 'Ana' },
            role: 'support_on_call_manager',
            actor: expect.objectContaining({ name: 'Ana' }),
          }),
        ])
        expect(new Date(checkIns[0]!.at).toISOString()).toBe('2026-03-25T12:03:00.000Z')
        const process = await getJson(t.app, `/api/incidents/${incidentId}/process`, t.org.auth)
        expect(process.check_ins).toEqual([
          expect.objectContaining({ person: { id: ana.id, name: 'Ana' }, role: 'support_on_call_manager' }),
        ])

        const again = await t.app.inject({ method: 'POST', url, headers: { accept: 'application/json' } })
        expect(again.statusCode).toBe(409)
        expect(again.headers['content-type']).toContain('application/problem+json')
        expect(again.json()).toMatchObject({
          status: 409,
          code: 'LINK_USED',
          title: 'This link was used already; each link works once.',
        })
        const againHtml = await t.app.inject({ method: 'POST', url })
        expect(againHtml.statusCode).toBe(409)
        expect(againHtml.body).toContain('used already')
        expect((await timeline(t, incidentId)).filter((e) => e.type === 'check_in')).toHaveLength(1)
      },
    )

    it('refuses a tampered, forged, expired or malformed link with a 4xx and checks nobody in', async () => {
      const { t, sink, ana, ben, incidentId } = await setUp(engine)
      const url = pathOf((await linkMailedTo(sink, ana.email))!.link!)
      const token = new URL(url, 'http://x').searchParams.get('token')!
      const [payload, mac] = token.split('.') as [string, string]
      // Ben tries to turn Ana's link into his own.
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
      const asBen = Buffer.from(JSON.stringify({ ...claims, s: String(claims.s).replace(ana.id, ben.id) })).toString(
        'base64url',
      )
      const forged = checkInLinkUrl(
        { secret: 'not-the-secret', baseUrl: '' },
        { orgId: t.org.id, incidentId, role: 'incident_lead', userId: ben.id, now: t.clock.now },
      )
      const stale = checkInLinkUrl(t.deps, {
        orgId: t.org.id,
        incidentId,
        role: 'incident_lead',
        userId: ben.id,
        now: new Date(t.clock.now.getTime() - CHECK_IN_LINK_TTL_MS - 1),
      })
      const json = { accept: 'application/json' }
      for (const bad of [
        `/oncall/check-in?token=${asBen}.${mac}`,
        `/oncall/check-in?token=${payload}.${mac.slice(0, -2)}xx`,
        forged,
        '/oncall/check-in?token=nonsense',
        '/oncall/check-in',
        `/oncall/check-in?token=${'a'.repeat(5000)}`,
      ]) {
        for (const method of ['GET', 'POST'] as const) {
          const res = await t.app.inject({ method, url: bad, headers: json })
          expect(res.statusCode, `${method} ${bad}`).toBe(404)
          expect(res.headers['content-type']).toContain('application/problem+json')
        }
      }
      const expired = await t.app.inject({ method: 'POST', url: stale, headers: json })
      expect(expired.statusCode).toBe(410)
      expect(expired.json()).toMatchObject({ code: 'LINK_EXPIRED' })
      expect((await t.app.inject({ url: stale })).body).toContain('expired')

      // The genuine link still works once the attempts are over, but not after it expires.
      t.clock.advance(CHECK_IN_LINK_TTL_MS)
      expect((await t.app.inject({ method: 'POST', url, headers: json })).statusCode).toBe(410)
      expect((await timeline(t, incidentId)).filter((e) => e.type === 'check_in')).toEqual([])
    })

    it('refuses, without spending the link, a check-in to a role handed to someone else meanwhile', async () => {
      const { t, sink, ana, incidentId } = await setUp(engine)
      const url = pathOf((await linkMailedTo(sink, ana.email))!.link!)
      const carl = { id: 'u-carl', name: 'Carl' }
      const handover = await t.app.inject({
        method: 'PUT',
        url: `/api/incidents/${incidentId}/roles/support_on_call_manager`,
        headers: t.org.auth,
        payload: { person: carl, backup: null },
      })
      expect(handover.statusCode).toBe(200)
      const refused = await t.app.inject({ method: 'POST', url, headers: { accept: 'application/json' } })
      expect(refused.statusCode).toBe(409)
      expect(refused.json()).toMatchObject({ code: 'CONFLICT', detail: expect.stringContaining('Carl') })

      const back = await t.app.inject({
        method: 'PUT',
        url: `/api/incidents/${incidentId}/roles/support_on_call_manager`,
        headers: t.org.auth,
        payload: { person: { id: ana.id, name: 'Ana' } },
      })
      expect(back.statusCode).toBe(200)
      const done = await t.app.inject({ method: 'POST', url, headers: { accept: 'application/json' } })
      expect(done.statusCode).toBe(200)
      expect(done.json()).toMatchObject({
        result: 'done',
        role: { key: 'support_on_call_manager' },
        person: { id: ana.id },
      })
    })
  })
})

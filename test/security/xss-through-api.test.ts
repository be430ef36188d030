import { simpleParser } from 'mailparser'
import { afterEach, describe, expect, it } from 'vitest'
import { startSmtpSink } from '../support/smtp-sink.js'
import { findExecutableMarkup } from '../../src/text/executable-markup.js'
import { loadXssPayloads } from '../../src/text/xss-payloads.js'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp, type TestApp } from '../support/test-app.js'
import { startTestDelivery, waitFor } from '../subscribers/helpers.js'

const payloads = loadXssPayloads()
const cleanup: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn()
})

/** Counts of each kind of executable markup; hostile text may add none. */
function tally(html: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const finding of findExecutableMarkup(html)) counts.set(finding, (counts.get(finding) ?? 0) + 1)
  return counts
}

function added(baseline: string, hostile: string): string[] {
  const before = tally(baseline)
  return [...tally(hostile)].filter(([finding, n]) => n > (before.get(finding) ?? 0)).map(([finding]) => finding)
}

/** The HTML inside a feed's entries: what a feed reader renders. */
function feedHtml(xml: string): string {
  const parts = [...xml.matchAll(/<(content|summary|description)[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => m[2]!)
  return parts
    .map((p) =>
      p.startsWith('<![CDATA[')
        ? p.slice(9, -3)
        : p
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"')
            .replace(/&#39;|&apos;/g, "'")
            .replace(/&amp;/g, '&'),
    )
    .join('\n')
}

/** One page told the same story twice: once in plain words, once with every payload in every field people type. */
async function tellStory(t: TestApp, hostile: boolean, _sinkUrl: string) {
  const text = (plain: string) => (hostile ? `${plain}\n\n${payloads.join('\n\n')}` : plain)
  const short = (plain: string, i: number) => (hostile ? payloads.filter((p) => p.length <= 150)[i % 100]! : plain)
  const headers = t.org.auth
  const slug = `xss-${hostile ? 'h' : 'b'}-${t.org.id.slice(0, 6)}`
  const page = (
    await t.app.inject({ method: 'POST', url: '/api/pages', headers, payload: { slug, name: short('Acme', 3) } })
  ).json()
  const components: string[] = []
  for (let i = 0; i < 3; i++) {
    components.push(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/components',
          headers,
          payload: { page_id: page.id, name: short(`Part ${i}`, i), description: short('About it', i + 10) },
        })
      ).json().id,
    )
  }
  await t.app.inject({
    method: 'POST',
    url: `/api/pages/${page.id}/subscribers`,
    headers,
    payload: { address: `reader-${slug}@example.com`, skip_confirmation: true },
  })
  const incidents: string[] = []
  for (let i = 0; i < 3; i++) {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/incidents',
      headers,
      payload: {
        title: short(`Incident ${i}`, 20 + i),
        page_id: page.id,
        body: text('We are investigating.'),
        body_technical: text('5xx in eu-west'),
        components: [{ id: components[i], status: 'major_outage' }],
      },
    })
    if (created.statusCode !== 201) throw new Error(created.payload)
    incidents.push(created.json().id)
    await t.app.inject({
      method: 'POST',
      url: `/api/incidents/${created.json().id}/updates`,
      headers,
      payload: { status: 'resolved', body: text('Fixed.') },
    })
  }
  const at = (h: number) => new Date(t.clock.now.getTime() + h * 3_600_000).toISOString()
  await t.app.inject({
    method: 'POST',
    url: '/api/maintenances',
    headers,
    payload: {
      page_id: page.id,
      title: short('Upgrade', 40),
      body: text('Planned work.'),
      scheduled_for: at(24),
      scheduled_until: at(26),
      component_ids: components,
    },
  })
  return { slug, incidents, reader: `reader-${slug}@example.com` }
}

forEachDatabase((engine) => {
  describe('XSS payloads posted through the API', () => {
    it(`survive into no page, feed or email (${payloads.length} payloads in every text field)`, async () => {
      const t = await createTestApp(engine)
      const sink = await startSmtpSink({ keepRaw: true })
      cleanup.push(() => sink.close())
      const delivery = await startTestDelivery(t.deps, { smtpUrl: sink.url })
      cleanup.push(() => delivery.stop())
      const baseline = await tellStory(t, false, sink.url)
      const hostile = await tellStory(t, true, sink.url)
      const runtime = t.deps.statusPages
      await runtime.start()
      cleanup.push(async () => runtime.stop())

      const problems: string[] = []
      const compare = async (
        path: (s: { slug: string; incidents: string[] }) => string,
        extract: (body: string) => string = (b) => b,
      ) => {
        const clean = await t.app.inject({ url: path(baseline) })
        const bad = await t.app.inject({ url: path(hostile) })
        expect(bad.statusCode, path(hostile)).toBe(200)
        expect(clean.statusCode, path(baseline)).toBe(200)
        for (const finding of added(extract(clean.payload), extract(bad.payload)))
          problems.push(`${path(hostile)}: ${finding}`)
        return bad.payload
      }
      const home = await compare((s) => `/p/${s.slug}/`)
      expect(home).toContain('&lt;script&gt;')
      await compare((s) => `/p/${s.slug}/history`)
      for (let i = 0; i < 3; i++) await compare((s) => `/p/${s.slug}/incidents/${s.incidents[i]}`)
      const atom = await compare((s) => `/p/${s.slug}/history.atom`, feedHtml)
      expect(feedHtml(atom)).toContain('&lt;script&gt;')
      await compare((s) => `/p/${s.slug}/history.rss`, feedHtml)

      const mailsTo = async (to: string) => {
        const raw = await waitFor(() => {
          const mails = sink.messages.filter((m) => m.to.includes(to))
          return mails.length >= 6 && mails
        })
        return Promise.all(raw.map(async (m) => (await simpleParser(m.raw ?? '')).html || ''))
      }
      const cleanMails = (await mailsTo(baseline.reader)).join('\n')
      const hostileMails = await mailsTo(hostile.reader)
      expect(hostileMails.join('\n')).toContain('&lt;script&gt;')
      for (const finding of added(cleanMails, hostileMails.join('\n'))) problems.push(`email: ${finding}`)
      expect(problems).toEqual([])
    }, 300_000)
  })
})

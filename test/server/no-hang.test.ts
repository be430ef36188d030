import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startHttpReceiver } from '../support/http-receiver.js'
import { startSmtpSink } from '../support/smtp-sink.js'
import { type ServerProcess, startServer } from '../support/server-process.js'

const token = 'hammer-bootstrap-token-0123456789'
const hammerMs = Number(process.env.HAMMER_MS ?? 120_000)
const cleanup: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done()
})

/** One request with a time limit: a hang is a failure, not a wait. */
async function call(base: string, auth: string, method: string, path: string, body?: unknown) {
  const started = performance.now()
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(20_000),
  })
  const text = await response.text()
  return { status: response.status, json: () => JSON.parse(text), ms: performance.now() - started }
}

async function stopTimed(server: ServerProcess) {
  const started = performance.now()
  const code = await server.stop('SIGTERM')
  return { code, ms: performance.now() - started }
}

/** What a busy team does: open, declare, publish, page, stand down, drill; every kind of message queued. */
function actions(base: string, auth: string, ids: { pageId: string; policyId: string; ownerId: string }) {
  const owner = { id: ids.ownerId, name: 'Owner' }
  const open = (extra: object = {}) =>
    call(base, auth, 'POST', '/api/process/incidents', {
      title: `Load test ${Math.random().toString(36).slice(2, 8)}`,
      severity: 1 + Math.floor(Math.random() * 5),
      page_id: ids.pageId,
      roles: [
        { role: 'incident_lead', person: owner },
        { role: 'communications_lead', person: owner },
      ],
      ...extra,
    })
  return [
    async () => {
      const opened = await open()
      if (opened.status !== 201) return [opened]
      const id = opened.json().incident_id
      const steps = [opened]
      steps.push(await call(base, auth, 'POST', `/api/incidents/${id}/declare`, { override_reason: 'load test' }))
      steps.push(
        await call(base, auth, 'POST', `/api/incidents/${id}/messages`, {
          stage: 'acknowledgement',
          text: 'We are investigating.',
          channels: ['status_page', 'email'],
        }),
      )
      steps.push(await call(base, auth, 'POST', `/api/incidents/${id}/transition`, { to: 'resolved' }))
      return steps
    },
    async () => {
      const opened = await open()
      if (opened.status !== 201) return [opened]
      const id = opened.json().incident_id
      return [opened, await call(base, auth, 'POST', `/api/incidents/${id}/stand-down`, { reason: 'false alarm' })]
    },
    async () => {
      const drill = await open({ is_drill: true })
      if (drill.status !== 201) return [drill]
      const id = drill.json().incident_id
      return [
        drill,
        await call(base, auth, 'POST', `/api/incidents/${id}/messages`, {
          stage: 'acknowledgement',
          text: 'Drill: we are investigating.',
          channels: ['status_page'],
        }),
      ]
    },
    async () => [
      await call(base, auth, 'POST', '/api/oncall-pages', { escalation_policy_id: ids.policyId, summary: 'Load page' }),
    ],
    async () => [await open()],
  ]
}

describe('the embedded default never hangs', () => {
  it(`answers every request of 8 clients for ${hammerMs / 1000} s while ` +
    `every timer is due, and stops on SIGTERM within 10 s`, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'candor-hammer-'))
    cleanup.push(async () => rmSync(dataDir, { recursive: true, force: true }))
    const sink = await startSmtpSink()
    const receiver = await startHttpReceiver({ keepRequests: false })
    cleanup.push(
      () => sink.close(),
      () => receiver.close(),
    )
    const server = await startServer({
      script: 'test/support/fast-clock-server.mjs',
      env: {
        DATA_DIR: dataDir,
        CANDOR_BOOTSTRAP_TOKEN: token,
        CANDOR_ADMIN_EMAIL: 'owner@hammer.test',
        CANDOR_ADMIN_PASSWORD: 'correct horse battery staple 42',
        SMTP_URL: `${sink.url}?ignoreTLS=true`,
        WEBHOOK_ALLOWLIST: '127.0.0.1',
        // Ten simulated minutes pass every real second: triage, cadence, escalation and backup timers all fire.
        CLOCK_SPEED: '600',
      },
    })
    cleanup.push(() => server.stop('SIGKILL'))
    const base = server.url
    const admin = `Bearer ${token}`

    const page = await call(base, admin, 'POST', '/api/pages', { slug: 'hammer', name: 'Hammer', locale: 'en' })
    const pageId = page.json().id as string
    for (let i = 0; i < 50; i++) {
      await call(base, admin, 'POST', `/api/pages/${pageId}/subscribers`, {
        channel: 'email',
        address: `reader${i}@example.test`,
        skip_confirmation: true,
      })
    }
    await call(base, admin, 'POST', `/api/pages/${pageId}/subscribers`, {
      channel: 'webhook',
      address: `${receiver.url}/hook`,
    })
    await call(base, admin, 'PATCH', '/api/process/settings', { freeze_webhook_url: `${receiver.url}/freeze` })
    await call(base, admin, 'PUT', '/api/process/stakeholder-groups/management', {
      name: 'Management',
      emails: ['cto@example.test'],
    })
    const members = (await call(base, admin, 'GET', '/api/members')).json()
    const ownerId = (members.members ?? members)[0].id as string
    await call(base, admin, 'POST', '/api/contact-methods', {
      user_id: ownerId,
      kind: 'email',
      address: 'owner@example.test',
    })
    const policy = await call(base, admin, 'POST', '/api/escalation-policies', {
      name: 'Everyone',
      levels: [{ ack_timeout_minutes: 5, targets: [{ type: 'user', id: ownerId }] }],
      repeat_count: 3,
    })
    const policyId = policy.json().id as string
    // One token per client, so the per-credential rate limit does not hide the load.
    const tokens: string[] = []
    for (let i = 0; i < 8; i++) {
      const made = await call(base, admin, 'POST', '/api/tokens', {
        name: `client ${i}`,
        kind: 'organisation',
        role: 'admin',
      })
      tokens.push(`Bearer ${made.json().token}`)
    }

    const failures: string[] = []
    let answered = 0
    let slowest = 0
    const until = Date.now() + hammerMs
    const clients = tokens.map(async (auth) => {
      const moves = actions(base, auth, { pageId, policyId, ownerId })
      while (Date.now() < until) {
        try {
          for (const r of await moves[Math.floor(Math.random() * moves.length)]!()) {
            answered++
            slowest = Math.max(slowest, r.ms)
            if (r.status >= 500) failures.push(`HTTP ${r.status}`)
          }
        } catch (error) {
          failures.push(`no answer: ${(error as Error).message}`)
        }
      }
    })
    const health: number[] = []
    const healthWatch = (async () => {
      while (Date.now() < until) {
        const r = await call(base, admin, 'GET', '/healthz').catch(() => ({ status: 0, ms: 20_000 }))
        health.push(r.status)
        await new Promise((resolve) => setTimeout(resolve, 500))
      }
    })()
    await Promise.all([...clients, healthWatch])

    const mailed = sink.messages.length
    const stopped = await stopTimed(server)
    console.log(
      `hammer: ${answered} requests answered in ${hammerMs / 1000} s (slowest ${slowest.toFixed(0)} ms),` +
        ` ${health.length} health checks, ${mailed} mails and ${receiver.count()} webhooks sent;` +
        ` SIGTERM → exit in ${stopped.ms.toFixed(0)} ms`,
    )
    expect(failures.slice(0, 5)).toEqual([])
    expect(answered).toBeGreaterThan(100)
    expect(health.filter((s) => s !== 200)).toEqual([])
    expect(mailed).toBeGreaterThan(0)
    expect(stopped.code).toBe(0)
    expect(stopped.ms).toBeLessThan(10_000)
    expect(server.output()).not.toMatch(/was still open after|second database call|did not stop in time/)
  }, 240_000)
})

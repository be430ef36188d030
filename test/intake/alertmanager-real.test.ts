import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'
import { addMembers, postJson } from '../oncall/oncall-fixtures.js'
import { createIntegration, createRule } from './intake-helpers.js'

const binary = '/usr/bin/prometheus-alertmanager'
// CI installs Debian's package (.ci/run); only a developer's machine without it may skip.
const isAvailable = existsSync(binary)
if (!isAvailable && process.env.CI) throw new Error(`${binary} is missing: apt-get install -y prometheus-alertmanager`)

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 45_000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await probe().catch(() => undefined)
    if (value !== undefined) return value
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

interface CandorAlert {
  id: string
  dedup_key: string
  status: string
  event_count: number
  labels: Record<string, string>
}

/** Starts Alertmanager sending every group to Candor's intake URL; `stop` kills it and removes its files. */
async function startAlertmanager(intakeUrl: string) {
  const dir = mkdtempSync(join(tmpdir(), 'candor-alertmanager-'))
  const amPort = await freePort()
  writeFileSync(
    join(dir, 'alertmanager.yml'),
    [
      'global:',
      '  resolve_timeout: 5m',
      'route:',
      '  receiver: candor',
      "  group_by: ['alertname']",
      '  group_wait: 1s',
      '  group_interval: 1s',
      '  repeat_interval: 2s',
      'receivers:',
      '  - name: candor',
      '    webhook_configs:',
      `      - url: ${intakeUrl}`,
      '        send_resolved: true',
      '',
    ].join('\n'),
  )
  const state = { log: '' }
  const alertmanager: ChildProcess = spawn(
    binary,
    [
      `--config.file=${join(dir, 'alertmanager.yml')}`,
      `--storage.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${amPort}`,
      '--cluster.listen-address=',
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  alertmanager.stdout!.on('data', (c) => (state.log += c))
  alertmanager.stderr!.on('data', (c) => (state.log += c))
  const url = `http://127.0.0.1:${amPort}`
  const stop = async () => {
    alertmanager.kill('SIGTERM')
    if (alertmanager.exitCode === null) await new Promise((r) => alertmanager.once('exit', r))
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    await waitFor(
      'Alertmanager to be ready',
      async () => ((await fetch(`${url}/-/ready`)).ok ? true : undefined),
      30_000,
    )
  } catch (error) {
    await stop()
    throw error
  }
  const push = async (alerts: unknown[]) => {
    const response = await fetch(`${url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alerts),
    })
    expect(response.status, await response.text()).toBe(200)
  }
  return { push, stop, log: () => state.log }
}

const checkoutAlert = (instance: string, endsAt?: string) => ({
  labels: { alertname: 'CheckoutErrorRate', service: 'checkout', severity: 'critical', instance },
  annotations: { summary: `Checkout 5xx above 5% on ${instance}` },
  generatorURL: 'http://prometheus.test/graph',
  ...(endsAt ? { endsAt } : {}),
})

forEachDatabase((engine) => {
  describe.skipIf(!isAvailable)('a real Prometheus Alertmanager', () => {
    it('delivers grouped alerts that Candor records, deduplicates on every re-send and resolves', {
      timeout: 120_000,
    }, async () => {
      const { app, org, clock } = await createTestApp(engine, { now: new Date() })
      const { key } = await createIntegration(app, org, 'alertmanager')
      await app.listen({ port: 0, host: '127.0.0.1' })
      const candorPort = (app.server.address() as { port: number }).port
      const am = await startAlertmanager(`http://127.0.0.1:${candorPort}/api/intake/alertmanager/${key}`)
      try {
        const candorAlerts = async () => {
          clock.now = new Date()
          return (await app.inject({ url: '/api/alerts', headers: org.auth })).json() as CandorAlert[]
        }

        await am.push([checkoutAlert('checkout-1:8080'), checkoutAlert('checkout-2:8080')])
        // repeat_interval makes Alertmanager send the same group again: Candor keeps one alert each.
        const deduplicated = await waitFor('both alerts, each received more than once', async () => {
          const alerts = await candorAlerts()
          return alerts.length === 2 && alerts.every((a) => a.event_count >= 2) ? alerts : undefined
        })
        expect(deduplicated.every((a) => a.status === 'firing' && a.dedup_key.length > 0)).toBe(true)
        expect(deduplicated.map((a) => a.labels.instance).sort()).toEqual(['checkout-1:8080', 'checkout-2:8080'])

        const past = new Date(Date.now() - 1_000).toISOString()
        await am.push([checkoutAlert('checkout-1:8080', past), checkoutAlert('checkout-2:8080', past)])
        const resolved = await waitFor('both alerts resolved', async () => {
          const alerts = await candorAlerts()
          return alerts.length === 2 && alerts.every((a) => a.status === 'resolved') ? alerts : undefined
        })
        const detail = (await app.inject({ url: `/api/alerts/${resolved[0]!.id}`, headers: org.auth })).json()
        expect(detail.events[0]).toMatchObject({
          action: 'resolve',
          change: 'resolved',
          payload: { version: '4', receiver: 'candor', status: 'resolved' },
        })
        expect(detail.events.filter((e: { change: string }) => e.change === 'opened')).toHaveLength(1)
      } catch (error) {
        throw new Error(`${(error as Error).message}\nAlertmanager said:\n${am.log()}`)
      } finally {
        await am.stop()
      }
    })

    it('pages once for a group of three alerts, ' +
      'however often Alertmanager sends it, and resolves the page with the group', {
      timeout: 120_000,
    }, async () => {
      const { app, org, clock, deps } = await createTestApp(engine, { now: new Date() })
      const [ana] = await addMembers(deps.store.db, org.id, ['Ana'])
      const policy = await postJson(app, '/api/escalation-policies', org.auth, {
        name: 'Checkout',
        levels: [{ ack_timeout_minutes: 5, targets: [{ type: 'user', id: ana!.id }] }],
      })
      await createRule(app, org, { name: 'page checkout', actions: [{ type: 'page', escalationPolicyId: policy.id }] })
      const { key } = await createIntegration(app, org, 'alertmanager')
      await app.listen({ port: 0, host: '127.0.0.1' })
      const candorPort = (app.server.address() as { port: number }).port
      const am = await startAlertmanager(`http://127.0.0.1:${candorPort}/api/intake/alertmanager/${key}`)
      const get = async (url: string) => {
        clock.now = new Date()
        return (await app.inject({ url, headers: org.auth })).json()
      }
      try {
        const instances = ['checkout-1:8080', 'checkout-2:8080', 'checkout-3:8080']
        await am.push(instances.map((i) => checkoutAlert(i)))
        // Every alert received at least twice: Alertmanager sent the group more than once.
        const alerts: CandorAlert[] = await waitFor('three alerts, each received more than once', async () => {
          const list: CandorAlert[] = await get('/api/alerts')
          return list.length === 3 && list.every((a) => a.event_count >= 2) ? list : undefined
        })
        const pages = await get('/api/oncall-pages')
        expect(pages).toHaveLength(1)
        for (const a of alerts) expect((await get(`/api/alerts/${a.id}`)).routing.pages[0].page_id).toBe(pages[0].id)

        const past = new Date(Date.now() - 1_000).toISOString()
        await am.push(instances.map((i) => checkoutAlert(i, past)))
        await waitFor('the page resolved with the group', async () =>
          (await get(`/api/oncall-pages/${pages[0].id}`)).status === 'resolved' ? true : undefined,
        )
        expect(await get('/api/oncall-pages')).toHaveLength(1)
      } catch (error) {
        throw new Error(`${(error as Error).message}\nAlertmanager said:\n${am.log()}`)
      } finally {
        await am.stop()
      }
    })
  })
})

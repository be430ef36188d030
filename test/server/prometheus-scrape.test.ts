import { execFileSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createTestApp } from '../support/test-app.js'

/** A real Prometheus, when the machine has one (Debian: apt-get install prometheus); optional, as CI may lack it. */
function prometheusBinary(): string | null {
  try {
    return execFileSync('which', ['prometheus']).toString().trim() || null
  } catch {
    return null
  }
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

const binary = prometheusBinary()

describe.skipIf(!binary)('a real Prometheus scrapes /metrics', () => {
  const stops: (() => Promise<unknown>)[] = []
  afterAll(async () => {
    for (const stop of stops) await stop()
  })

  it('finds the target up and reads Candor series through its query API', async () => {
    const { app } = await createTestApp('pglite')
    await app.listen({ port: 0, host: '127.0.0.1' })
    const candorPort = (app.server.address() as { port: number }).port
    const dir = mkdtempSync(join(tmpdir(), 'candor-prometheus-'))
    writeFileSync(
      join(dir, 'prometheus.yml'),
      `global: { scrape_interval: 1s, scrape_timeout: 1s }
scrape_configs:
  - job_name: candor
    static_configs: [{ targets: ['127.0.0.1:${candorPort}'] }]
`,
    )
    const port = await freePort()
    const child = spawn(
      binary!,
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { stdio: 'ignore' },
    )
    const exited = once(child, 'exit')
    stops.push(() => (child.kill('SIGTERM'), exited))
    const api = `http://127.0.0.1:${port}/api/v1`
    const query = async (expr: string) => {
      const response = await fetch(`${api}/query?query=${encodeURIComponent(expr)}`).catch(() => null)
      if (!response?.ok) return []
      const body = (await response.json()) as { data: { result: { metric: object; value: [number, string] }[] } }
      return body.data.result
    }
    // Prometheus's own scrapes are requests too: the second scrape shows the first under the /metrics route.
    const scrapes = 'candor_http_requests_total{route="/metrics",status_class="2xx"}'
    const deadline = Date.now() + 60_000
    while (Date.now() < deadline && (await query(scrapes)).length === 0) await new Promise((r) => setTimeout(r, 500))
    expect((await query('up{job="candor"}'))[0]?.value[1]).toBe('1')
    expect((await query('candor_database_up'))[0]?.value[1]).toBe('1')
    expect(Number((await query(scrapes))[0]?.value[1])).toBeGreaterThanOrEqual(1)
    expect((await query('candor_timer_lag_seconds')).length).toBe(3)
  })
})

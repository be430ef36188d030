// The status page under a flood of readers: Candor (built, PGlite, demo data) against a bare Node
// http server sending the same bytes, with wrk at 100 and 1000 connections; then 10,000 live
// (SSE) readers and the time until the last one hears about a published update.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { machine, median, rssMb } from './_machine.mjs'

// CANDOR_ROOT runs another build of Candor (e.g. the commit before a change) with this bench.
const root = process.env.CANDOR_ROOT ?? fileURLToPath(new URL('..', import.meta.url))
/** Seconds the server is left alone before its idle RSS is read (after start, after the load). */
const settleSeconds = Number(process.env.SETTLE_SECONDS ?? 10)
const host = 'status.acme.localhost'
const token = 'bench-bootstrap-token-0123456789abcdef'
const seconds = Number(process.env.DURATION ?? 10)
// The machine is shared and noisy: each figure is the median of this many runs, Candor and bare taking turns.
const runs = Number(process.env.RUNS ?? 3)
const sseClients = Number(process.env.SSE_CLIENTS ?? 10_000)
/** Browsers always send Accept-Encoding; ENCODING=identity measures the uncompressed bytes instead. */
const encoding = process.env.ENCODING ?? 'br'
const acceptEncoding = encoding === 'identity' ? 'identity' : 'gzip, deflate, br'
const work = mkdtempSync(join(tmpdir(), 'candor-bench-sp-'))

function startProcess(args, env, ready) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let out = ''
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (c) => {
      out += c
      const m = ready.exec(out)
      if (m) resolve({ child, url: m[1].replace('localhost', '127.0.0.1') })
    })
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)))
  })
}

/** fetch() may not set Host; node:http may. */
function get(url, path) {
  return new Promise((resolve, reject) => {
    const req = http.get(url + path, { headers: { host, 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
  })
}

/** wrk's own report, parsed: requests/s and latency percentiles in ms. */
function wrk(url, path, connections, pid, duration = seconds) {
  let maxRss = 0
  const sampler = setInterval(() => (maxRss = Math.max(maxRss, rssMb(pid))), 250)
  const args = [
    '-t2',
    `-c${connections}`,
    `-d${duration}s`,
    '--latency',
    '-H',
    `Host: ${host}`,
    '-H',
    `Accept-Encoding: ${acceptEncoding}`,
    url + path,
  ]
  return new Promise((resolve) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (c) => (out += c))
    child.on('exit', () => {
      clearInterval(sampler)
      const ms = (v, unit) => Number(v) * ({ us: 0.001, ms: 1, s: 1000 }[unit] ?? 1)
      const pct = (p) => {
        const m = new RegExp(`\\s${p}%\\s+([\\d.]+)(us|ms|s)`).exec(out)
        return m ? ms(m[1], m[2]) : NaN
      }
      const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? '0'
      const socketErrors = /Socket errors: (.*)/.exec(out)?.[1] ?? 'none'
      resolve({
        rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN),
        p50: pct(50),
        p99: pct(99),
        rss: maxRss,
        errors,
        socketErrors,
      })
    })
  })
}

const bareServer = `
import http from 'node:http'
import { readFileSync } from 'node:fs'
const routes = JSON.parse(readFileSync(process.argv[1], 'utf8'))
const docs = new Map(
  Object.entries(routes).map(([path, r]) => [path, { headers: r.headers, body: Buffer.from(r.body, 'base64') }]),
)
const server = http.createServer((req, res) => {
  const doc = docs.get(req.url)
  if (!doc) { res.writeHead(404); return res.end() }
  res.writeHead(200, doc.headers)
  res.end(doc.body)
})
server.keepAliveTimeout = 5000
server.listen(0, '127.0.0.1', () => console.log('bare at http://127.0.0.1:' + server.address().port))
`

async function sseFlood(url, pid) {
  const { port } = new URL(url)
  const sockets = []
  let heard = 0
  let lastHeardAt = 0
  let resolveAll
  const allHeard = new Promise((r) => (resolveAll = r))
  const open = () =>
    new Promise((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => {
        socket.write(`GET /api/live HTTP/1.1\r\nHost: ${host}\r\nAccept: text/event-stream\r\n\r\n`)
      })
      let text = ''
      let ready = false
      let done = false
      socket.setEncoding('utf8')
      socket.on('data', (chunk) => {
        text += chunk
        if (!ready && text.includes('retry:')) {
          ready = true
          resolve()
        }
        if (!done && text.includes('event: change')) {
          done = true
          heard++
          lastHeardAt = performance.now()
          if (heard === sockets.length) resolveAll()
        }
      })
      socket.on('error', reject)
      sockets.push(socket)
    })
  const started = performance.now()
  for (let i = 0; i < sseClients; i += 500)
    await Promise.all(Array.from({ length: Math.min(500, sseClients - i) }, open))
  const connectSeconds = (performance.now() - started) / 1000
  await new Promise((r) => setTimeout(r, 1000))
  const rssConnected = rssMb(pid)

  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
  const pages = await (await fetch(`${url}/api/pages`, { headers })).json()
  const pageId = (Array.isArray(pages) ? pages : (pages.items ?? pages.data)).find((p) => p.slug === 'acme-cloud').id
  const postedAt = performance.now()
  const response = await fetch(`${url}/api/incidents`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      title: 'Benchmark incident',
      page_id: pageId,
      body: 'Published to every live reader at once.',
    }),
  })
  const answeredAt = performance.now()
  if (response.status !== 201) throw new Error(`posting the update failed: ${response.status} ${await response.text()}`)
  await Promise.race([allHeard, new Promise((r) => setTimeout(r, 30_000))])
  for (const s of sockets) s.destroy()
  return {
    clients: sockets.length,
    heard,
    connectSeconds,
    rssConnected,
    fromPostMs: lastHeardAt - postedAt,
    fromCommitMs: lastHeardAt - answeredAt,
  }
}

if (spawnSync('wrk', ['--version']).error) {
  console.error('status-page bench: wrk is not installed (apt-get install wrk)')
  process.exit(1)
}
console.log(`status-page benchmark — ${machine()}${process.env.CANDOR_ROOT ? `, Candor in ${root}` : ''}`)
const candor = await startProcess(
  ['dist/cli/main.js', 'serve'],
  {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATA_DIR: join(work, 'data'),
    CANDOR_BOOTSTRAP_TOKEN: token,
  },
  /running at (http:\/\/\S+)/,
)
try {
  for (let i = 0; (await get(candor.url, '/').catch(() => ({ status: 0 }))).status !== 200; i++) {
    if (i > 300) throw new Error('the status page never became ready')
    await new Promise((r) => setTimeout(r, 100))
  }
  await new Promise((r) => setTimeout(r, settleSeconds * 1000))
  const rssFresh = rssMb(candor.child.pid)
  console.log(`idle RSS ${settleSeconds} s after a fresh start: ${rssFresh.toFixed(0)} MB`)
  const paths = ['/', '/api/v2/summary.json']
  const routes = {}
  for (const path of paths) {
    const doc = await get(candor.url, path)
    const { date, connection, 'keep-alive': _k, ...headers } = doc.headers
    routes[path] = { headers, body: doc.body.toString('base64') }
    console.log(
      `${path}: ${doc.body.length} bytes as sent for Accept-Encoding: ${acceptEncoding} ` +
        `(${doc.headers['content-encoding'] ?? 'identity'})`,
    )
  }
  writeFileSync(join(work, 'routes.json'), JSON.stringify(routes))
  const bare = await startProcess(
    ['--input-type=module', '-e', bareServer, join(work, 'routes.json')],
    {},
    /bare at (http:\/\/\S+)/,
  )
  try {
    // Both servers answer a few seconds of load first, so neither is measured while its code is still being compiled.
    for (const path of paths) for (const server of [candor, bare]) await wrk(server.url, path, 100, server.child.pid, 3)
    console.log(`\nwrk -t2, ${seconds} s each, median of ${runs}   req/s     p50 ms   p99 ms   server RSS MB   errors`)
    const rows = []
    const medianOf = (results) => ({
      rps: median(results.map((r) => r.rps)),
      p50: median(results.map((r) => r.p50)),
      p99: median(results.map((r) => r.p99)),
      rss: Math.max(...results.map((r) => r.rss)),
      errors: String(results.reduce((n, r) => n + Number(r.errors), 0)),
      socketErrors: results.find((r) => r.socketErrors !== 'none')?.socketErrors ?? 'none',
    })
    for (const connections of [100, 1000]) {
      for (const path of paths) {
        const cs = []
        const bs = []
        for (let i = 0; i < runs; i++) {
          cs.push(await wrk(candor.url, path, connections, candor.child.pid))
          bs.push(await wrk(bare.url, path, connections, bare.child.pid))
        }
        const c = medianOf(cs)
        const b = medianOf(bs)
        const line = (name, r) =>
          `${`${name} ${path} -c${connections}`.padEnd(34)}${r.rps.toFixed(0).padStart(7)}` +
          `${r.p50.toFixed(2).padStart(10)}${r.p99.toFixed(2).padStart(9)}${r.rss.toFixed(0).padStart(14)}   ` +
          (r.errors === '0' && r.socketErrors === 'none' ? '-' : `${r.errors} non-2xx; ${r.socketErrors}`)
        console.log(line('candor', c))
        console.log(line('bare  ', b))
        rows.push({ path, connections, ratio: c.rps / b.rps, p99: c.p99 })
      }
    }
    console.log('\nratio Candor / bare (target ≥ 0.8; p99 target < 20 ms at 100 connections)')
    for (const r of rows)
      console.log(
        `  ${`${r.path} -c${r.connections}`.padEnd(30)} ${r.ratio.toFixed(2)}   Candor p99 ${r.p99.toFixed(2)} ms`,
      )
  } finally {
    bare.child.kill('SIGINT')
  }

  console.log(`\n${sseClients} live readers (SSE), one update published`)
  const rssIdle = rssMb(candor.child.pid)
  const sse = await sseFlood(candor.url, candor.child.pid)
  console.log(
    `  connected ${sse.clients} in ${sse.connectSeconds.toFixed(1)} s; server RSS ${rssIdle.toFixed(0)} MB before, ` +
      `${sse.rssConnected.toFixed(0)} MB with them connected`,
  )
  console.log(
    `  ${sse.heard}/${sse.clients} heard the change; ` +
      `last one ${sse.fromPostMs.toFixed(0)} ms after the POST was sent ` +
      `(${sse.fromCommitMs.toFixed(0)} ms after it was answered); target < 1000 ms`,
  )
  await new Promise((r) => setTimeout(r, settleSeconds * 1000))
  console.log(
    `\nidle RSS: ${rssFresh.toFixed(0)} MB after a fresh start, ` +
      `${rssMb(candor.child.pid).toFixed(0)} MB ${settleSeconds} s after the load (target < 300 MB)`,
  )
} finally {
  candor.child.kill('SIGINT')
  await new Promise((r) => candor.child.once('exit', r))
}

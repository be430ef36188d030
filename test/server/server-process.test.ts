import { readdirSync, readFileSync } from 'node:fs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { serverProcessSettings } from '../../src/wiring/server-process.js'
import { type ServerProcess, startServer } from '../support/server-process.js'

/** `candor serve` on Linux is a launcher with the server as its one child (src/wiring/server-process.ts). */
function serverPid(launcher: ServerProcess): number {
  const pid = launcher.child.pid!
  const children = readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
    readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
  )
  if (children.length !== 1) throw new Error(`expected the server as the one child, found ${children.length}`)
  return children[0]!
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function gone(pid: number, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs
  while (alive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 50))
  return !alive(pid)
}

const start = (env: NodeJS.ProcessEnv = {}) =>
  startServer({ env: { DATA_DIR: join(mkdtempSync(join(tmpdir(), 'candor-launch-')), 'data'), ...env } })

const threads = (pid: number) => readdirSync(`/proc/${pid}/task`).length

describe.runIf(process.platform === 'linux')(
  '`candor serve` runs the server in a process started with its settings',
  () => {
    it('has the Node options and the allocator setting; SIGTERM to the launcher exits 0 in time', async () => {
      const launcher = await start({ LOG_LEVEL: 'info', MEMORY_LOG_SECONDS: '1' })
      const server = serverPid(launcher)
      try {
        const cmdline = readFileSync(`/proc/${server}/cmdline`, 'utf8').split('\0')
        for (const option of serverProcessSettings.nodeOptions) expect(cmdline).toContain(option)
        const environ = readFileSync(`/proc/${server}/environ`, 'utf8').split('\0')
        for (const [name, value] of Object.entries(serverProcessSettings.env))
          expect(environ).toContain(`${name}=${value}`)
        // --v8-pool-size took effect: V8's worker threads (Node's default is 4) are the only difference from a
        // server started without the launcher (CANDOR_SERVER_PROCESS=1), which is also how to opt out.
        const poolSize = Number(/--v8-pool-size=(\d+)/.exec(serverProcessSettings.nodeOptions.join(' '))?.[1])
        const inProcess = await start({ CANDOR_SERVER_PROCESS: '1' })
        try {
          expect(() => serverPid(inProcess)).toThrow()
          expect(threads(inProcess.child.pid!) - threads(server)).toBe(4 - poolSize)
        } finally {
          expect(await inProcess.stop('SIGTERM')).toBe(0)
        }
        // --max-semi-space-size took effect: the memory log's young generation (new space) stays within two
        // semi-spaces; without it, a started server's is 32 MB.
        const semiMb = Number(/--max-semi-space-size=(\d+)/.exec(serverProcessSettings.nodeOptions.join(' '))?.[1])
        const young = launcher
          .output()
          .split('\n')
          .filter((line) => line.includes('"msg":"memory"'))
          .map((line) => (JSON.parse(line) as { heapSpacesMb: Record<string, number> }).heapSpacesMb.new ?? 0)
        expect(young.length).toBeGreaterThan(0)
        expect(Math.max(...young)).toBeLessThanOrEqual(2 * semiMb)
        expect((await fetch(`${launcher.url}/healthz`)).status).toBe(200)
      } finally {
        const started = Date.now()
        // A signal to the launcher alone, as systemd, docker stop or `kill PID` send it.
        launcher.child.kill('SIGTERM')
        const code = await new Promise<number | null>((resolve) =>
          launcher.child.exitCode !== null ? resolve(launcher.child.exitCode) : launcher.child.once('exit', resolve),
        )
        expect(code).toBe(0)
        expect(Date.now() - started).toBeLessThan(10_000)
        expect(await gone(server, 1_000)).toBe(true)
      }
      expect(launcher.output().match(/Candor stopped/g)).toHaveLength(1)
    })

    it('Ctrl-C (SIGINT to the whole process group) stops the server once, cleanly, and exits 0', async () => {
      const launcher = await start()
      const server = serverPid(launcher)
      const started = Date.now()
      expect(await launcher.stop('SIGINT')).toBe(0)
      expect(Date.now() - started).toBeLessThan(10_000)
      expect(await gone(server, 1_000)).toBe(true)
      expect(launcher.output().match(/Candor stopped/g)).toHaveLength(1)
    })

    it('a launcher killed alone (kill -9) does not leave the server behind', async () => {
      const launcher = await start()
      const server = serverPid(launcher)
      launcher.child.kill('SIGKILL')
      expect(await gone(server, 10_000)).toBe(true)
    })
  },
)

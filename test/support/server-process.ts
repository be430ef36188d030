import { spawn, type ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

/** Vitest puts Vite's own variables (BASE_URL=/, MODE, …) into process.env; a user's shell has none of them. */
export function cleanEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = { ...process.env }
  for (const key of [
    'BASE_URL',
    'MODE',
    'DEV',
    'PROD',
    'SSR',
    'CANDOR_BOOTSTRAP_TOKEN',
    'DATABASE_URL',
    'DATA_DIR',
    'PORT',
  ])
    delete env[key]
  return { ...env, ...extra }
}

export interface ServerProcess {
  child: ChildProcess
  url: string
  output: () => string
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/** Starts the built server as a user would and waits for it to print its URL. */
export async function startServer(options: {
  env: NodeJS.ProcessEnv
  viaNpm?: boolean
  /** Another entry point than `dist/cli/main.js serve`, relative to the project (a test's own server). */
  script?: string
  timeoutMs?: number
}): Promise<ServerProcess> {
  const env = cleanEnv({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...options.env })
  const child = options.viaNpm
    ? spawn('npm', ['start', '--silent'], { cwd: projectRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, options.script ? [options.script] : ['dist/cli/main.js', 'serve'], {
        cwd: projectRoot,
        env,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
  let text = ''
  child.stdout!.on('data', (chunk) => (text += chunk))
  child.stderr!.on('data', (chunk) => (text += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start in time:\n${text}`)),
      options.timeoutMs ?? 60_000,
    )
    const check = () => {
      const match = /Candor is running at (http:\/\/\S+)/.exec(text)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    }
    child.stdout!.on('data', check)
    void exited.then((code) => reject(new Error(`server exited with ${code} before starting:\n${text}`)))
  })
  return {
    child,
    url: url.replace('localhost', '127.0.0.1'),
    output: () => text,
    async stop(signal = 'SIGINT') {
      if (child.exitCode !== null) return child.exitCode
      process.kill(-child.pid!, signal)
      const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 15_000)
      const code = await exited
      clearTimeout(timer)
      await groupGone(child.pid!)
      return code
    },
  }
}

/** Live (not zombie) processes of a process group, from /proc; none where there is no /proc. */
function liveMembers(group: number): number[] {
  let pids: string[]
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name))
  } catch {
    return []
  }
  return pids.map(Number).filter((pid) => {
    try {
      // Fields after the command's closing parenthesis: state, ppid, pgrp.
      const [state, , pgrp] = readFileSync(`/proc/${pid}/stat`, 'utf8').split(')').pop()!.trim().split(' ')
      return Number(pgrp) === group && state !== 'Z' && state !== 'X'
    } catch {
      return false
    }
  })
}

/**
 * The launcher's exit is not the server's: `candor serve` runs the server as its child in the same group, and a
 * test that starts again on the same data folder must wait until that one is gone too.
 */
async function groupGone(group: number): Promise<void> {
  for (const until = Date.now() + 20_000; liveMembers(group).length > 0; ) {
    if (Date.now() > until) throw new Error(`processes of group ${group} still running: ${liveMembers(group)}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** Runs a CLI command to completion and returns its exit code and output. */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['dist/cli/main.js', ...args], {
      cwd: projectRoot,
      env: cleanEnv({ LOG_LEVEL: 'warn', ...env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c) => (stdout += c))
    child.stderr.on('data', (c) => (stderr += c))
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

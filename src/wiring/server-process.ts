// Only Node built-ins here: the launcher imports this module and nothing else of Candor, so that the process
// which stays resident beside the server costs a bare Node's memory (about 7 MB of its own).
import { spawn } from 'node:child_process'

/**
 * Settings that only work from a process's first instruction, so `candor serve` starts the server in a child
 * process that has them (DESIGN.md, "Embedded database memory"). Measured on the status-page load, idle RSS
 * afterwards went from ~350 to ~270 MB:
 * - MALLOC_ARENA_MAX=1: every thread allocates from one glibc arena. By default each thread (V8's workers,
 *   libuv's pool) gets an arena of its own, and what V8 compiles for PGlite's WebAssembly on those threads
 *   (tens of MB of compiler memory, freed at once) stays resident in each of them, fragmented, for good.
 * - --v8-pool-size=1: one V8 worker thread instead of four, so WebAssembly and JS compile one function at a
 *   time (a smaller peak of compiler memory) and GC helpers touch one thread's buffers, not four. The main
 *   thread still does the work itself, and the machines Candor targets have a core or two for it.
 * - --max-semi-space-size=4: a young generation of at most 8 MB instead of 32. Idle Candor allocates ~2 MB/s
 *   (the embedded database's polling queries), too fast for V8 ever to shrink it, so it sat at 32 MB for
 *   good. Server CPU per status-page request was the same (40–54 µs at 100 and 1000 connections, either way).
 */
export const serverProcessSettings = {
  nodeOptions: ['--v8-pool-size=1', '--max-semi-space-size=4'],
  env: { MALLOC_ARENA_MAX: '1' } as Record<string, string>,
}

/**
 * Set by the launcher in the server's environment (to `launched`) so the server does not launch another. Set
 * it yourself (`CANDOR_SERVER_PROCESS=1`) to serve from the process you started, with the flags you gave it.
 */
export const serverProcessVariable = 'CANDOR_SERVER_PROCESS'
const launchedValue = 'launched'

/** What the launcher sends when it receives a signal meant for the server. */
interface StopMessage {
  candorStop: 'SIGINT' | 'SIGTERM'
}

function isStopMessage(message: unknown): message is StopMessage {
  const signal = (message as Partial<StopMessage> | null)?.candorStop
  return signal === 'SIGINT' || signal === 'SIGTERM'
}

/**
 * Whether this `candor …` invocation should serve from a child process. Only `serve`, only on Linux (the
 * allocator setting is glibc's and the gain was measured there), never when the server process is already
 * this one or when a debugger flag is given (both processes would claim the inspector's port).
 */
export function shouldLaunchServerProcess(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  execArgv: readonly string[],
  platform: NodeJS.Platform,
): boolean {
  const [command = 'serve', ...rest] = argv
  if (command !== 'serve' || rest.includes('--help') || rest.includes('-h')) return false
  if (platform !== 'linux' || env[serverProcessVariable] !== undefined) return false
  return !execArgv.some((flag) => /^--(inspect|debug)/.test(flag))
}

/**
 * The server's command line and environment. Whoever started Candor wins: an option they already gave
 * (on the command line or in NODE_OPTIONS) or a variable they already set is left as theirs.
 */
export function serverCommandLine(
  script: string,
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  execArgv: readonly string[],
): { args: string[]; env: NodeJS.ProcessEnv } {
  const given = [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)].map((flag) => flag.split('=')[0])
  const options = serverProcessSettings.nodeOptions.filter((option) => !given.includes(option.split('=')[0]))
  const variables = Object.entries(serverProcessSettings.env).filter(([name]) => env[name] === undefined)
  return {
    args: [...options, ...execArgv, script, ...argv],
    env: { ...env, ...Object.fromEntries(variables), [serverProcessVariable]: launchedValue },
  }
}

/**
 * Runs the server in a child process and ends as it ends (same exit code, or the same signal). Both stay in
 * one process group, so the terminal's Ctrl-C and `kill -9` of the group reach both. A SIGINT or SIGTERM sent
 * to the launcher is passed on as a message rather than as a signal: when the server got the same signal
 * itself (Ctrl-C), a second signal would cut its clean shutdown short, while a message only asks again.
 */
export function launchServerProcess(script: string, argv: readonly string[]): void {
  const { args, env } = serverCommandLine(script, argv, process.env, process.execArgv)
  const child = spawn(process.execPath, args, { env, stdio: ['inherit', 'inherit', 'inherit', 'ipc'] })
  const forward = (signal: 'SIGINT' | 'SIGTERM') => {
    if (child.connected) child.send({ candorStop: signal } satisfies StopMessage, () => undefined)
  }
  const onInt = () => forward('SIGINT')
  const onTerm = () => forward('SIGTERM')
  process.on('SIGINT', onInt)
  process.on('SIGTERM', onTerm)
  child.once('error', (error) => {
    console.error(`candor: could not start the server process: ${error.message}`)
    process.exitCode = 1
  })
  child.once('exit', (code, signal) => {
    process.off('SIGINT', onInt)
    process.off('SIGTERM', onTerm)
    if (!signal) {
      process.exitCode = code ?? 1
      return
    }
    // A server that dies of a signal prints nothing itself (a crash, the OOM killer, kill -9 of its PID).
    console.error(`candor: the server process was ended by ${signal}`)
    process.kill(process.pid, signal)
  })
}

let onStopMessage: (signal: 'SIGINT' | 'SIGTERM') => void = (signal) => process.kill(process.pid, signal)

/**
 * In a server started by the launcher: its stop messages, and its disappearance (killed alone), stop this
 * process. Until `handleStopRequests` takes over, a message ends the process as the signal itself would.
 */
export function listenToLauncher(): void {
  // Only our launcher's channel: a process manager's own IPC (PM2's fork mode) is not ours to act on.
  if (!process.send || process.env[serverProcessVariable] !== launchedValue) return
  process.on('message', (message) => {
    if (isStopMessage(message)) onStopMessage(message.candorStop)
  })
  process.once('disconnect', () => onStopMessage('SIGTERM'))
  // The channel must not keep the process alive once the server has closed.
  process.channel?.unref()
}

/** The server is up: a stop request from the launcher now goes where the signals go. */
export function handleStopRequests(stop: (signal: 'SIGINT' | 'SIGTERM') => void): void {
  onStopMessage = stop
}

#!/usr/bin/env node
// The entry point stays small: as the launcher of `candor serve` this process only waits beside the server, so
// it loads the rest of Candor (run.ts) only when it runs a command itself.
import { fileURLToPath } from 'node:url'
import { launchServerProcess, listenToLauncher, shouldLaunchServerProcess } from '../wiring/server-process.js'

const argv = process.argv.slice(2)
if (shouldLaunchServerProcess(argv, process.env, process.execArgv, process.platform)) {
  launchServerProcess(fileURLToPath(import.meta.url), argv)
} else {
  listenToLauncher()
  const { runCli } = await import('./run.js')
  await runCli(argv)
}

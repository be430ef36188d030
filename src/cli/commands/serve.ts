import { loadConfig } from '../../config.js'
import { serveUntilSignal, startCandor } from '../../wiring/start-candor.js'
import type { Command } from '../command.js'

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Start Candor (web server, API, status pages and workers)',
  usage: 'candor serve',
  async run() {
    const running = await startCandor(loadConfig())
    console.log(`Candor is running at ${running.url}`)
    await serveUntilSignal(running)
  },
}

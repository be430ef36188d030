import { loadConfig } from '../../config.js'
import { startCandor } from '../../main.js'
import type { Command } from '../command.js'

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Start Candor (web server, API, status pages and workers)',
  usage: 'candor serve',
  async run() {
    const config = loadConfig()
    const running = await startCandor(config)
    console.log(`Candor is running at ${running.url}`)
    await new Promise<void>((resolve) => {
      let stopping = false
      const stop = (signal: string) => {
        if (stopping) return
        stopping = true
        running.deps.logger.info({ signal }, 'shutting down: finishing in-flight requests')
        running
          .close()
          .then(() => console.log('Candor stopped.'))
          .catch((error) => console.error(`candor: error while stopping: ${(error as Error).message}`))
          .finally(resolve)
      }
      process.once('SIGINT', () => stop('SIGINT'))
      process.once('SIGTERM', () => stop('SIGTERM'))
    })
  },
}

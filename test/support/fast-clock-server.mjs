// Starts the built Candor exactly as `candor serve` does, but with a clock that runs
// CLOCK_SPEED times faster than real time, so every timer (triage, cadence, escalation,
// backup takeover) comes due while a test watches. Used by the no-hang tests.
import { loadConfig } from '../../dist/config.js'
import { serveUntilSignal, startCandor } from '../../dist/wiring/start-candor.js'

const speed = Number(process.env.CLOCK_SPEED ?? 600)
const origin = Date.now()
const clock = () => new Date(origin + (Date.now() - origin) * speed)
const running = await startCandor(loadConfig(), { clock })
console.log(`Candor is running at ${running.url}`)
await serveUntilSignal(running)

// `npm run bench -- NAME [args]`: runs bench/NAME.mjs; each prints its figures and the machine.
import { readdirSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

const dir = fileURLToPath(new URL('.', import.meta.url))
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.mjs') && !['run.mjs'].includes(f) && !f.startsWith('_'))
  .map((f) => f.slice(0, -4))
const [name, ...rest] = process.argv.slice(2)
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- NAME\navailable: ${available.join(', ')}`)
  process.exit(name ? 2 : 0)
}
process.argv = [process.argv[0], `${dir}${name}.mjs`, ...rest]
await import(pathToFileURL(`${dir}${name}.mjs`).href)

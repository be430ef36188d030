// `npm start` on a fresh clone must work without a separate build step; rebuild only when a source is newer.
import { execSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

function newest(dir) {
  let max = 0
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    const s = statSync(path)
    max = Math.max(max, s.isDirectory() ? newest(path) : s.mtimeMs)
  }
  return max
}
const stamp = 'dist/.build-stamp'
// src/ holds the console's sources too (src/web); without its build the console would answer 503.
const stale = !existsSync(stamp) || !existsSync('dist/web/index.html') || newest('src') > statSync(stamp).mtimeMs
if (stale) {
  console.error('candor: building…')
  execSync('npm run build --silent', { stdio: 'inherit' })
}

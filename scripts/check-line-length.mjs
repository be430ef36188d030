// Lines stay within 120 characters (the formatter wraps code; this catches long strings and comments).
// Usage: node scripts/check-line-length.mjs — exits 1 and lists every longer line.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

const limit = 120
const tracked = ['ls-files', '--cached', '--others', '--exclude-standard', 'src', 'test', 'bench', 'scripts']
const files = execFileSync('git', tracked)
  .toString()
  .split('\n')
  .filter((f) => /\.(ts|tsx|mjs|js|css)$/.test(f))
const long = []
for (const file of files) {
  let text
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    continue
  }
  text.split('\n').forEach((line, i) => {
    if ([...line].length > limit) long.push(`${file}:${i + 1}: ${[...line].length} characters`)
  })
}
if (long.length > 0) {
  console.error(`${long.length} lines are longer than ${limit} characters:\n${long.join('\n')}`)
  process.exit(1)
}

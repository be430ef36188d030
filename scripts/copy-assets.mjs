// tsc copies no non-TS files; migrations and static assets must sit beside the compiled code.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const patterns = [/\.sql$/, /\.json$/, /\.css$/, /\.js$/, /\.svg$/, /\.liquid$/, /\.md$/, /\.html$/]
// The console (src/web) is built by Vite into dist/web; its sources are not server assets.
const skipped = new Set([join('src', 'web')])
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (skipped.has(path)) continue
    if (statSync(path).isDirectory()) walk(path)
    else if (!path.endsWith('.ts') && patterns.some((p) => p.test(name))) {
      const target = join('dist', relative('src', path))
      mkdirSync(join(target, '..'), { recursive: true })
      cpSync(path, target)
    }
  }
}
// A migration renamed or removed in src must not linger in dist and run again under its old name.
rmSync(join('dist', 'store', 'migrations'), { recursive: true, force: true })
if (existsSync('src')) walk('src')
writeFileSync('dist/.build-stamp', new Date().toISOString())

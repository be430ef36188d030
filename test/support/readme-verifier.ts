import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export type Verifier = (rawBody: string, header: string, secret: string, toleranceSeconds?: number) => boolean

/**
 * The verification snippet from src/delivery/README.md, loaded as a module, so the documentation is what gets tested.
 */
export async function loadReadmeVerifier(): Promise<Verifier> {
  const readme = readFileSync(new URL('../../src/delivery/README.md', import.meta.url), 'utf8')
  const code = readme.match(/<!-- verify-snippet:start -->\s*```js\n([\s\S]*?)```/)?.[1]
  if (!code) throw new Error('src/delivery/README.md has no verification snippet')
  const file = join(mkdtempSync(join(tmpdir(), 'candor-verify-')), 'verify.mjs')
  writeFileSync(file, code)
  const module = (await import(file)) as { verifyCandorSignature: Verifier }
  return module.verifyCandorSignature
}

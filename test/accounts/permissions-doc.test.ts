import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { permissionMatrixMarkdown } from '../../src/domain/access/permission-table.js'

const path = new URL('../../docs/permissions.md', import.meta.url)
const marker =
  '<!-- generated from src/domain/access/permissions.ts: do not edit below; ' +
  'UPDATE_DOCS=1 npx vitest run test/accounts/permissions-doc.test.ts -->'

describe('docs/permissions.md', () => {
  it('shows exactly the permission matrix the code enforces', () => {
    const current = readFileSync(path, 'utf8')
    const [intro] = current.split(marker)
    const expected = `${intro}${marker}\n\n${permissionMatrixMarkdown()}`
    if (process.env.UPDATE_DOCS) writeFileSync(path, expected)
    expect(current).toBe(expected)
  })
})

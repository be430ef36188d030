import { describe, expect, it } from 'vitest'
import { actions } from './permissions.js'
import { permissionMatrixMarkdown } from './permission-table.js'

describe('the permission table for the docs', () => {
  it('has one row per action with a mark per role', () => {
    const rows = permissionMatrixMarkdown()
      .split('\n')
      .filter((l) => l.startsWith('| `'))
    expect(rows).toHaveLength(actions.length)
    expect(rows.find((r) => r.startsWith('| `incident.publish`'))).toMatch(
      /^\| `incident.publish` \| ✓ \| ✓ \| — \| ✓ \| — \|/,
    )
  })

  it('shows a widened publish setting', () => {
    const table = permissionMatrixMarkdown({ publishRoles: ['responder'] })
    expect(table).toMatch(/\| `incident.publish` \| ✓ \| — \| ✓ \| — \| — \|/)
  })
})

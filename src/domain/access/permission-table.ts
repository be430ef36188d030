import { type AccessSettings, actions, permissions, rolesFor } from './permissions.js'
import { roleDescriptions, roles } from './roles.js'

/** docs/permissions.md is generated from the matrix, so the document cannot drift from the code. */
export function permissionMatrixMarkdown(settings?: AccessSettings): string {
  const header = `| action | ${roles.join(' | ')} | what it allows |`
  const rule = `|---|${roles.map(() => ':-:').join('|')}|---|`
  const rows = actions.map((action) => {
    const allowed = rolesFor(action, settings)
    const cells = roles.map((r) => (allowed.includes(r) ? '✓' : '—'))
    return `| \`${action}\` | ${cells.join(' | ')} | ${permissions[action].description} |`
  })
  const roleList = roles.map((r) => `- **${r}**: ${roleDescriptions[r]}`)
  return [...roleList, '', header, rule, ...rows, ''].join('\n')
}

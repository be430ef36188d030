import { describe, expect, it } from 'vitest'
import { canWithScopes, parseScopes, scopesBeyondRole } from './token-scopes.js'

describe('token scopes', () => {
  it('expands a noun pattern into that noun’s actions only', () => {
    expect(parseScopes(['incident.*'])).toEqual({
      ok: true,
      scopes: ['incident.read', 'incident.create', 'incident.update', 'incident.publish', 'incident.delete'],
    })
  })

  it('reports every unknown scope, including patterns that match nothing', () => {
    expect(parseScopes(['page.read', 'pages.write', 'nothing.*', '*'])).toEqual({
      ok: false,
      unknown: ['pages.write', 'nothing.*', '*'],
    })
  })

  it('narrows a role: a scoped token may do only what both its role and its scopes allow', () => {
    expect(canWithScopes('admin', 'incident.create', ['incident.read'])).toBe(false)
    expect(canWithScopes('admin', 'incident.read', ['incident.read'])).toBe(true)
    expect(canWithScopes('viewer', 'incident.create', ['incident.create'])).toBe(false)
    expect(canWithScopes('responder', 'incident.create', null)).toBe(true)
  })

  it('names the scopes a role could never use', () => {
    expect(scopesBeyondRole('responder', ['incident.update', 'incident.publish', 'token.manage'])).toEqual([
      'incident.publish',
      'token.manage',
    ])
  })
})

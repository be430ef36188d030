import { describe, expect, it } from 'vitest'
import { normaliseEmail, passwordProblems } from './password-policy.js'

describe('password policy', () => {
  it('accepts a long passphrase without composition rules', () => {
    expect(passwordProblems('correct horse battery staple')).toEqual([])
  })

  it('refuses short, common and repeated-character passwords', () => {
    expect(passwordProblems('short')).toEqual(['must be at least 12 characters'])
    expect(passwordProblems('Password1234')).toEqual(['is too common; choose a longer passphrase'])
    expect(passwordProblems('zzzzzzzzzzzzzz')).toEqual(['is too common; choose a longer passphrase'])
  })

  it('counts characters, not UTF-16 units', () => {
    expect(passwordProblems('😀'.repeat(11))).toEqual(['must be at least 12 characters'])
  })

  it('refuses the account’s own email as its password', () => {
    expect(passwordProblems('ops.lead@example.com', { email: 'Ops.Lead@example.com' })).toEqual([
      'must not be your email address',
    ])
  })

  it('compares emails without case or surrounding spaces', () => {
    expect(normaliseEmail('  Ops@Example.COM ')).toBe('ops@example.com')
  })
})

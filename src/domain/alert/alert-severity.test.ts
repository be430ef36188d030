import { describe, expect, it } from 'vitest'
import { isAtLeast, parseAlertSeverity, suggestedIncidentSeverity } from './alert-severity.js'

describe('alert severity', () => {
  it('orders info < warning < error < critical', () => {
    expect(isAtLeast('critical', 'error')).toBe(true)
    expect(isAtLeast('warning', 'error')).toBe(false)
    expect(isAtLeast('info', 'info')).toBe(true)
  })

  it('reads the severity words other tools use, and nothing else', () => {
    expect(parseAlertSeverity(' CRITICAL ')).toBe('critical')
    expect(parseAlertSeverity('page')).toBe('critical')
    expect(parseAlertSeverity('high')).toBe('error')
    expect(parseAlertSeverity('warn')).toBe('warning')
    expect(parseAlertSeverity('low')).toBe('info')
    expect(parseAlertSeverity('purple')).toBeUndefined()
    expect(parseAlertSeverity(3)).toBeUndefined()
    expect(parseAlertSeverity('constructor')).toBeUndefined()
  })

  it('suggests the least severe incident level for info and serious for critical', () => {
    expect(suggestedIncidentSeverity('info')).toBe(1)
    expect(suggestedIncidentSeverity('critical')).toBe(4)
  })
})

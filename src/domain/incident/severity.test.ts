import { describe, expect, it } from 'vitest'
import { defaultSeverityScale, severityLabel, validateSeverityScale } from './severity.js'

describe('severity scale', () => {
  it('has five Uptime Institute levels, 1 the least severe', () => {
    expect(defaultSeverityScale.map((s) => s.name)).toEqual([
      'negligible',
      'minimal',
      'significant',
      'serious',
      'severe',
    ])
    expect(defaultSeverityScale[0]!.impact).toBe('none')
    expect(defaultSeverityScale[4]!.impact).toBe('critical')
  })

  it('promises more frequent updates the more severe the level', () => {
    const cadences = defaultSeverityScale.map((s) => s.updateCadenceMinutes)
    expect([...cadences].sort((a, b) => b - a)).toEqual(cadences)
    expect(defaultSeverityScale.at(-1)!.updateCadenceMinutes).toBe(30)
  })

  it('shows the word, never a bare number', () => {
    expect(severityLabel(defaultSeverityScale, 4)).toBe('serious')
  })

  it('rejects duplicate levels and missing cadences', () => {
    expect(validateSeverityScale(defaultSeverityScale)).toEqual([])
    const broken = [defaultSeverityScale[0]!, { ...defaultSeverityScale[0]!, name: 'other', updateCadenceMinutes: 0 }]
    expect(validateSeverityScale(broken)).toEqual([
      'severity levels must be unique',
      'level 1 needs a positive update cadence',
    ])
  })
})

import { describe, expect, it } from 'vitest'
import { defaultLintRules, lintRulesOf } from './brand-voice.js'
import { lintDraft } from './lint-draft.js'

describe('draft lint', () => {
  it('flags blame-shifting and speculation with where they are and why', () => {
    const text = "Payments fail.\nIt's probably our vendor's fault and not our fault."
    const findings = lintDraft(text, defaultLintRules)
    expect(findings.map((f) => [f.text, f.kind, f.line, f.column])).toEqual([
      ['probably', 'speculation', 2, 6],
      ["vendor's fault", 'blame', 2, 19],
      ['not our fault', 'blame', 2, 38],
    ])
    expect(text.slice(findings[0]!.start, findings[0]!.end)).toBe('probably')
    expect(findings[1]!.reason).toContain('on us')
  })

  it('matches whole words only, in any case, across line breaks and typographic apostrophes', () => {
    expect(lintDraft('Maybelline is fine', defaultLintRules)).toEqual([])
    expect(lintDraft('We\nTHINK so. It’s their fault.', defaultLintRules).map((f) => f.phrase)).toEqual([
      'we think',
      'their fault',
    ])
  })

  it("adds the organisation's words to avoid, and its own list replaces the defaults", () => {
    const rules = lintRulesOf({
      signOff: '',
      wordsToAvoid: ['glitch'],
      lintRules: [{ phrase: 'sadly', kind: 'blame' }],
    })
    expect(lintDraft('Sadly a glitch; probably fine.', rules).map((f) => [f.text, f.kind])).toEqual([
      ['Sadly', 'blame'],
      ['glitch', 'avoid'],
    ])
  })

  it('finds phrases in scripts written without spaces', () => {
    const [finding] = lintDraft('这是第三方的责任', [{ phrase: '责任', kind: 'avoid' }])
    expect(finding).toMatchObject({ start: 6, end: 8, line: 1, column: 7 })
  })
})

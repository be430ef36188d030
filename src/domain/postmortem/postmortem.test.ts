import { describe, expect, it } from 'vitest'
import { goodIncident, t0 } from '../scorecard/scorecard-test-kit.js'
import { isCalendarDate, isOverdue, nextActionItemReminderAt, overdueFrom, todayOf } from './action-items.js'
import { distinctFactors } from './contributing-factors.js'
import { draftPostmortem, timelineSection } from './draft-postmortem.js'
import { defaultPostmortemPolicy, maySkipPostmortem, postmortemReminderAt } from './postmortem-policy.js'
import { emptySections, missingSections, postmortemMarkdown } from './postmortem-sections.js'

const facts = {
  severityName: 'serious',
  severityDescription: 'Disruption of service and operations.',
  openedAt: t0,
  resolvedAt: new Date(t0.getTime() + 3 * 3_600_000),
  affectedComponents: ['Checkout'],
  scope: { affected: { kind: 'all' as const }, workaround: { kind: 'none' as const } },
}

describe('the postmortem template', () => {
  it('drafts scope, impact and timeline from the incident and leaves the rest to people', () => {
    const draft = draftPostmortem(facts, goodIncident())
    expect(draft.internal.scope).toContain('- Affected: Checkout')
    expect(draft.internal.scope).toContain('all customers')
    expect(draft.internal.impact).toContain('Severity: serious')
    expect(draft.public.impact).not.toContain('serious')
    expect(draft.public.impact).toContain('(3 hours)')
    expect(missingSections(draft.public)).toEqual(['root_cause', 'resolution', 'improvements'])
  })

  it('tells customers only what they were told, and the team everything with who did it', () => {
    const internal = timelineSection(goodIncident(), 'internal')
    const shown = timelineSection(goodIncident(), 'public')
    expect(internal).toContain('Ana checked in as Incident lead.')
    expect(internal).toContain('_(Ana)_')
    expect(shown).not.toContain('checked in')
    expect(shown.split('\n')).toEqual([
      '- **2026-05-04 09:10 UTC** — Investigating: acknowledgement text',
      '- **2026-05-04 10:05 UTC** — Investigating: update text',
      '- **2026-05-04 11:00 UTC** — Identified: update text',
      '- **2026-05-04 12:00 UTC** — Resolved: all_clear text',
    ])
  })

  it('renders a version as one Markdown document with a heading per written section', () => {
    const sections = { ...emptySections(), scope: 'Checkout, EU', root_cause: 'A bad deploy' }
    expect(postmortemMarkdown(sections, undefined, 'Checkout is down')).toBe(
      '# Checkout is down\n\n## Scope\n\nCheckout, EU\n\n## Root cause\n\nA bad deploy\n',
    )
  })
})

describe('when a postmortem is owed', () => {
  it('reminds N days after the resolution, N by severity', () => {
    const resolvedAt = new Date('2026-05-04T12:00:00Z')
    const severe = postmortemReminderAt({ resolvedAt, severity: 5, status: 'resolved' }, defaultPostmortemPolicy)
    expect(severe?.toISOString()).toBe('2026-05-06T12:00:00.000Z')
    const minimal = postmortemReminderAt({ resolvedAt, severity: 2, status: 'closed' }, defaultPostmortemPolicy)
    expect(minimal?.toISOString()).toBe('2026-05-11T12:00:00.000Z')
    expect(postmortemReminderAt({ resolvedAt: null, severity: 5, status: 'monitoring' }, defaultPostmortemPolicy)).toBe(
      null,
    )
  })

  it('may be skipped only below the required severity', () => {
    expect(maySkipPostmortem(defaultPostmortemPolicy, 2)).toBe(true)
    expect(maySkipPostmortem(defaultPostmortemPolicy, 3)).toBe(false)
  })
})

describe('action items', () => {
  it('are overdue from the day after their due date, while open', () => {
    expect(overdueFrom('2026-05-04').toISOString()).toBe('2026-05-05T00:00:00.000Z')
    expect(isOverdue({ state: 'open', dueOn: '2026-05-04' }, new Date('2026-05-04T23:59:59Z'))).toBe(false)
    expect(isOverdue({ state: 'open', dueOn: '2026-05-04' }, new Date('2026-05-05T00:00:00Z'))).toBe(true)
    expect(isOverdue({ state: 'done', dueOn: '2026-05-04' }, new Date('2026-06-01T00:00:00Z'))).toBe(false)
    expect(isOverdue({ state: 'open', dueOn: null }, new Date('2026-06-01T00:00:00Z'))).toBe(false)
  })

  it('remind when they become overdue, then every 7 days until done', () => {
    const open = { state: 'open' as const, dueOn: '2026-05-04', remindedAt: null }
    expect(nextActionItemReminderAt(open)?.toISOString()).toBe('2026-05-05T00:00:00.000Z')
    const reminded = { ...open, remindedAt: new Date('2026-05-05T00:01:00Z') }
    expect(nextActionItemReminderAt(reminded)?.toISOString()).toBe('2026-05-12T00:01:00.000Z')
    // A new, later due date: nothing until that one passes.
    expect(nextActionItemReminderAt({ ...reminded, dueOn: '2026-06-30' })?.toISOString()).toBe(
      '2026-07-01T00:00:00.000Z',
    )
    expect(nextActionItemReminderAt({ ...reminded, state: 'done' })).toBe(null)
  })

  it('take calendar dates only', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true)
    expect(isCalendarDate('2026-02-30')).toBe(false)
    expect(isCalendarDate('2026-2-3')).toBe(false)
    expect(todayOf(new Date('2026-05-04T23:00:00-05:00'))).toBe('2026-05-05')
  })
})

describe('contributing factors', () => {
  it('keep one tag per category and area', () => {
    const factors = distinctFactors([
      { category: 'deployment', area: 'Checkout', note: null },
      { category: 'deployment', area: 'checkout ', note: 'again' },
      { category: 'deployment', area: null, note: null },
    ])
    expect(factors).toHaveLength(2)
  })
})

import { describe, expect, it } from 'vitest'
import { timelineToMarkdown } from './timeline-markdown.js'
import { entry, sortTimeline } from './timeline.js'

const ana = { kind: 'user' as const, id: 'u-ana', name: 'Ana' }
const at = (m: number) => new Date(Date.UTC(2025, 2, 1, 10, m))
const header = {
  title: 'Checkout down',
  crisisTypeName: 'Service outage',
  severityName: 'serious',
  status: 'resolved',
  isDrill: false,
  openedAt: at(0),
}

describe('the Markdown timeline', () => {
  it('reconstructs the story in time order, with who did what', () => {
    const md = timelineToMarkdown(header, [
      entry({ type: 'status_change', from: 'triage', to: 'declared', isReopening: false }, at(9), ana),
      entry(
        {
          type: 'incident_opened',
          title: 'Checkout down',
          crisisType: 'service_outage',
          severity: 4,
          isDrill: false,
          source: 'alert',
        },
        at(0),
        ana,
      ),
      entry({ type: 'check_in', person: { id: 'u-ana', name: 'Ana' }, role: 'incident_lead' }, at(3), ana),
      entry(
        {
          type: 'message_sent',
          stage: 'acknowledgement',
          channel: 'email',
          audience: 'subscribers',
          recipientCount: 1200,
          isDrill: false,
          text: "We're investigating",
        },
        at(12),
        ana,
      ),
      entry(
        {
          type: 'role_change',
          role: 'support_on_call_manager',
          from: { id: 'a', name: 'Al' },
          to: { id: 'b', name: 'Bea' },
          backup: null,
          reason: 'backup_takeover',
        },
        at(13),
        ana,
      ),
    ])
    expect(md).toContain('# Checkout down')
    expect(md).toContain('- Severity: serious')
    const lines = md.split('\n').filter((l) => l.startsWith('- **'))
    expect(lines).toEqual([
      '- **2025-03-01 10:00 UTC** — Incident opened from an alert: "Checkout down". _(Ana)_',
      '- **2025-03-01 10:03 UTC** — Ana checked in as Incident lead. _(Ana)_',
      '- **2025-03-01 10:09 UTC** — Status: triage → declared. _(Ana)_',
      `- **2025-03-01 10:12 UTC** — acknowledgement message sent via email ` +
        `to subscribers (1200 recipients): "We're investigating" _(Ana)_`,
      '- **2025-03-01 10:13 UTC** — Bea (backup) took over as Support on-call manager: Al had not checked in. _(Ana)_',
    ])
  })

  it('marks a drill in the title and keeps multi-line notes inside their item', () => {
    const md = timelineToMarkdown({ ...header, isDrill: true }, [entry({ type: 'note', text: 'one\ntwo' }, at(1), ana)])
    expect(md.startsWith('# [DRILL] Checkout down')).toBe(true)
    expect(md).toContain('Note: one\n  two')
  })

  it('keeps the recorded order of entries with the same time', () => {
    const a = entry({ type: 'note', text: 'a' }, at(1), ana)
    const b = entry({ type: 'note', text: 'b' }, at(1), ana)
    expect(sortTimeline([a, b]).map((e) => (e.type === 'note' ? e.text : ''))).toEqual(['a', 'b'])
  })
})

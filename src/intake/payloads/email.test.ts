import { describe, expect, it } from 'vitest'
import { defaultEmailIntakeSettings, emailIntakeSettings, normaliseEmail, type InboundEmail } from './email.js'

const receivedAt = new Date('2026-11-20T10:00:00Z')
const mail = (subject: string, over: Partial<InboundEmail> = {}): InboundEmail => ({
  subject,
  text: 'Disk /var is 97% full on db1.',
  from: 'nagios@example.com',
  to: ['k3y@alerts.example.com'],
  headers: new Map(),
  ...over,
})

describe('inbound email alerts', () => {
  it('turns the subject into the summary and the body into details', () => {
    const event = normaliseEmail(mail('Disk usage 97% on db1'), defaultEmailIntakeSettings, receivedAt)
    expect(event).toMatchObject({
      kind: 'email',
      action: 'trigger',
      summary: 'Disk usage 97% on db1',
      severity: 'error',
      source: 'nagios@example.com',
      details: { body: 'Disk /var is 97% full on db1.', from: 'nagios@example.com' },
      occurredAt: receivedAt,
    })
  })

  it('deduplicates subjects that differ only in numbers, case, spacing and Re:/Fwd:', () => {
    const keys = ['Disk usage 97% on db1', 'RE: Fwd: disk  usage 98.5% on DB2', 'Disk usage 99% on db1'].map(
      (s) => normaliseEmail(mail(s), defaultEmailIntakeSettings, receivedAt).dedupKey,
    )
    expect(new Set(keys).size).toBe(1)
    expect(normaliseEmail(mail('Memory usage 97% on db1'), defaultEmailIntakeSettings, receivedAt).dedupKey).not.toBe(
      keys[0],
    )
  })

  it('resolves the alert when the subject starts with a resolve marker', () => {
    const firing = normaliseEmail(mail('Disk usage 97% on db1'), defaultEmailIntakeSettings, receivedAt)
    for (const subject of [
      'RESOLVED: Disk usage 12% on db1',
      '[Resolved] Disk usage 12% on db1',
      'Re: ** RECOVERY Disk usage 10% on db1',
    ]) {
      const event = normaliseEmail(mail(subject), defaultEmailIntakeSettings, receivedAt)
      expect(event.action, subject).toBe('resolve')
      expect(event.dedupKey, subject).toBe(firing.dedupKey)
    }
    expect(normaliseEmail(mail('Okta login failures'), defaultEmailIntakeSettings, receivedAt).action).toBe('trigger')
  })

  it('deduplicates on a header when configured, and on the subject when the header is missing', () => {
    const settings = emailIntakeSettings.parse({ dedup: { by: 'header', header: 'X-Alert-Id' }, severity: 'critical' })
    const withHeader = normaliseEmail(
      mail('Anything 1', { headers: new Map([['x-alert-id', 'alert-42']]) }),
      settings,
      receivedAt,
    )
    expect(withHeader).toMatchObject({ dedupKey: 'alert-42', severity: 'critical' })
    expect(normaliseEmail(mail('Anything 1'), settings, receivedAt).dedupKey).toBe('subject:anything #')
  })

  it('refuses a resolve pattern that could backtrack for minutes', () => {
    expect(emailIntakeSettings.safeParse({ resolveSubjectPattern: '(a+)+' }).success).toBe(false)
    expect(emailIntakeSettings.safeParse({ resolveSubjectPattern: 'fixed\\b' }).success).toBe(true)
  })
})

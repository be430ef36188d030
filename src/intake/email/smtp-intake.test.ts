import nodemailer, { type Transporter } from 'nodemailer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultEmailIntakeSettings } from '../payloads/email.js'
import { integrationKeyOf, startSmtpIntake, type EmailAlert, type SmtpIntake } from './smtp-intake.js'

const KEY = '0123456789abcdef0123456789abcdef'
const OTHER = 'fedcba9876543210fedcba9876543210'
const FAILING = 'ffffffffffffffffffffffffffffffff'

describe('inbound SMTP intake', () => {
  const delivered: EmailAlert[] = []
  let intake: SmtpIntake
  let transport: Transporter

  beforeAll(async () => {
    intake = await startSmtpIntake({
      port: 0,
      maxMessageBytes: 64 * 1024,
      findIntegration: async (key) =>
        [KEY, OTHER, FAILING].includes(key) ? { settings: defaultEmailIntakeSettings } : null,
      deliver: async (alert) => {
        if (alert.integrationKey === FAILING) throw new Error('database down')
        delivered.push(alert)
      },
      now: () => new Date('2026-11-20T10:00:00Z'),
    })
    transport = nodemailer.createTransport({ host: '127.0.0.1', port: intake.port, secure: false, ignoreTLS: true })
  })

  afterAll(async () => {
    transport.close()
    await intake.close()
  })

  it('turns a mail to <integration-key>@anything into an alert for that integration', async () => {
    delivered.length = 0
    const info = await transport.sendMail({
      from: 'Nagios <nagios@example.com>',
      to: `${KEY.toUpperCase()}@alerts.candor.example`,
      subject: 'Disk usage 97% on db1',
      text: 'Disk /var is 97% full.',
      headers: { 'X-Alert-Id': 'disk-db1' },
    })
    expect(info.accepted).toHaveLength(1)
    expect(delivered).toHaveLength(1)
    expect(delivered[0]).toMatchObject({
      integrationKey: KEY,
      event: {
        kind: 'email',
        action: 'trigger',
        summary: 'Disk usage 97% on db1',
        source: 'nagios@example.com',
        details: { body: 'Disk /var is 97% full.\n' },
      },
      raw: { subject: 'Disk usage 97% on db1', headers: { 'x-alert-id': 'disk-db1' } },
    })
  })

  it('delivers one alert per integration a mail is addressed to', async () => {
    delivered.length = 0
    await transport.sendMail({
      from: 'a@example.com',
      to: [`${KEY}@x.example`, `${OTHER}@y.example`],
      subject: 'RESOLVED: Disk usage 12% on db1',
      text: 'ok',
    })
    expect(delivered.map((d) => [d.integrationKey, d.event.action])).toEqual([
      [KEY, 'resolve'],
      [OTHER, 'resolve'],
    ])
  })

  it('refuses a recipient that names no integration', async () => {
    await expect(
      transport.sendMail({ from: 'a@example.com', to: 'nobody-at-all@x.example', subject: 'x', text: 'x' }),
    ).rejects.toMatchObject({ responseCode: 550 })
  })

  it('refuses a mail over the size limit and keeps nothing of it', async () => {
    delivered.length = 0
    await expect(
      transport.sendMail({
        from: 'a@example.com',
        to: `${KEY}@x.example`,
        subject: 'big',
        text: 'x'.repeat(200 * 1024),
      }),
    ).rejects.toMatchObject({ responseCode: 552 })
    expect(delivered).toHaveLength(0)
  })

  it('answers 451 so the sender retries when the alert cannot be stored', async () => {
    await expect(
      transport.sendMail({ from: 'a@example.com', to: `${FAILING}@x.example`, subject: 'x', text: 'x' }),
    ).rejects.toMatchObject({ responseCode: 451 })
  })
})

describe('integration addresses', () => {
  it('reads the key from the local part, lower-cased, and refuses anything else', () => {
    expect(integrationKeyOf('ABCDEF0123456789@host')).toBe('abcdef0123456789')
    expect(integrationKeyOf('short@host')).toBeUndefined()
    expect(integrationKeyOf('has space in it@host')).toBeUndefined()
  })
})

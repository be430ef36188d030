import nodemailer from 'nodemailer'
import { describe, expect, it } from 'vitest'
import { smtpIntakeService } from '../../src/intake/email/smtp-intake-service.js'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'
import { createIntegration, createRule } from './intake-helpers.js'

forEachDatabase((engine) => {
  describe('inbound email alerts', () => {
    it(
      'turns mail sent with nodemailer to the integration address ' +
        'into one deduplicated alert, resolved by a RESOLVED mail',
      async () => {
        const { app, org, deps, clock } = await createTestApp(engine)
        const mail = await createIntegration(app, org, 'email')
        const webhook = await createIntegration(app, org, 'webhook')
        await createRule(app, org, {
          name: 'mail opens',
          conditions: [{ field: 'kind', op: 'equals', value: 'email' }],
          actions: [{ type: 'open_incident', severity: 2 }],
        })
        const service = smtpIntakeService(deps, { port: 0, host: '127.0.0.1' })
        await service.start()
        const transport = nodemailer.createTransport({
          host: '127.0.0.1',
          port: service.port()!,
          secure: false,
          ignoreTLS: true,
        })
        try {
          const send = (subject: string, to = mail.email!) =>
            transport.sendMail({ from: 'monitor@example.com', to, subject, text: `${subject}\n\nsee the dashboard` })
          await send('Disk usage 91% on db1')
          clock.advance(60_000)
          await send('Re: Disk usage 95% on db1')
          await expect(send('Disk usage 91% on db1', `${webhook.key}@status.test`)).rejects.toMatchObject({
            responseCode: 550,
          })
          let alerts = (await app.inject({ url: '/api/alerts', headers: org.auth })).json()
          expect(alerts).toHaveLength(1)
          expect(alerts[0]).toMatchObject({
            status: 'firing',
            event_count: 2,
            summary: 'Disk usage 95% on db1',
            severity: 'error',
            source: 'monitor@example.com',
          })
          const incident = (
            await app.inject({ url: `/api/incidents/${alerts[0].incident_id}`, headers: org.auth })
          ).json()
          expect(incident).toMatchObject({ status: 'triage', severity: 2, title: 'Disk usage 91% on db1' })

          clock.advance(60_000)
          await send('RESOLVED: Disk usage 40% on db1')
          alerts = (await app.inject({ url: '/api/alerts', headers: org.auth })).json()
          expect(alerts[0]).toMatchObject({ status: 'resolved', event_count: 3 })
          const detail = (await app.inject({ url: `/api/alerts/${alerts[0].id}`, headers: org.auth })).json()
          expect(detail.events[0].payload).toMatchObject({
            subject: 'RESOLVED: Disk usage 40% on db1',
            from: 'monitor@example.com',
          })
        } finally {
          transport.close()
          await service.stop()
        }
      },
    )
  })
})

import { simpleParser } from 'mailparser'
import { afterEach, describe, expect, it } from 'vitest'
import { bootstrapOwner } from '../../src/app/accounts/bootstrap-owner.js'
import { startSmtpSink } from '../support/smtp-sink.js'
import { startTestPipeline } from '../support/pipeline.js'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'
import { addPerson, signIn } from './accounts-fixtures.js'

const cleanup: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn()
})

forEachDatabase((engine) => {
  describe('the first owner', () => {
    it('is made once, with the configured email and password', async () => {
      const t = await createTestApp(engine)
      const made = await bootstrapOwner(t.deps, {
        email: 'Boss@Example.com',
        password: 'a very long owner passphrase',
        now: t.clock.now,
      })
      expect(made).toEqual({ email: 'boss@example.com' })
      const session = await signIn(t, 'boss@example.com', 'a very long owner passphrase')
      expect(session.body).toMatchObject({ role: 'owner', organisation: { id: t.org.id } })
      expect(await bootstrapOwner(t.deps, { now: t.clock.now })).toBeNull()
    })

    it('refuses a weak configured password rather than starting with it', async () => {
      const t = await createTestApp(engine)
      await expect(
        bootstrapOwner(t.deps, { email: 'boss@example.com', password: 'password1234', now: t.clock.now }),
      ).rejects.toThrow(/CANDOR_ADMIN_PASSWORD is too common/)
    })
  })

  describe('mail about accounts', () => {
    it('sends an invitation and a requested sign-in link through SMTP, and the emailed link signs in', async () => {
      const t = await createTestApp(engine)
      const sink = await startSmtpSink({ keepRaw: true })
      cleanup.push(() => sink.close())
      t.deps.accounts.canSendEmail = true
      const pipeline = await startTestPipeline(t.deps, { smtpUrl: sink.url })
      const person = await addPerson(t, t.org.id, 'viewer')
      await t.app.inject({
        method: 'POST',
        url: '/api/invitations',
        headers: t.org.auth,
        payload: { email: 'new@example.com', role: 'responder' },
      })
      const asked = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in-link',
        payload: { email: person.email },
      })
      expect(asked.statusCode).toBe(202)
      const unknown = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in-link',
        payload: { email: 'nobody@example.com' },
      })
      expect(unknown.json()).toEqual(asked.json())
      await pipeline.worker.drained()
      expect(sink.messages).toHaveLength(2)
      const mails = await Promise.all(sink.messages.map((m) => simpleParser(m.raw ?? '')))
      expect(mails.map((m) => m.subject).sort()).toEqual(
        [
          `You are invited to Test ${(await t.deps.store.organisations.findById(t.org.id))!.slug} on Candor`,
          'Your Candor sign-in link',
        ].sort(),
      )
      const linkMail = mails.find((m) => m.subject === 'Your Candor sign-in link')!
      const token = new URL(
        /link: (http:\/\/status\.test\/auth\/link\?token=\S+)/.exec(linkMail.text ?? '')![1]!,
      ).searchParams.get('token')!
      const used = await t.app.inject({ method: 'POST', url: '/api/auth/link', payload: { token } })
      expect(used.json()).toMatchObject({ user: { id: person.id }, role: 'viewer' })
      const queued = await t.deps.store.db
        .selectFrom('deliveries')
        .select(['status', 'sent_at'])
        .where('kind', '=', 'account_mail')
        .execute()
      expect(queued.map((m) => m.status)).toEqual(['sent', 'sent'])
    }, 60_000)
  })

  describe('changing a password', () => {
    it('needs the current password, refuses a weak one, and ends the person’s other sessions', async () => {
      const t = await createTestApp(engine)
      const person = await addPerson(t, t.org.id, 'responder')
      const here = await signIn(t, person.email)
      const elsewhere = await signIn(t, person.email)
      const change = (payload: Record<string, string>) =>
        t.app.inject({ method: 'PUT', url: '/api/me/password', headers: here.unsafe, payload })
      expect(
        (await change({ current_password: 'wrong password entirely', new_password: 'a new long passphrase' }))
          .statusCode,
      ).toBe(400)
      expect((await change({ current_password: person.password, new_password: 'short' })).statusCode).toBe(400)
      expect(
        (await change({ current_password: person.password, new_password: 'a new long passphrase' })).statusCode,
      ).toBe(204)
      expect((await t.app.inject({ url: '/api/me', headers: here.headers })).statusCode).toBe(200)
      expect((await t.app.inject({ url: '/api/me', headers: elsewhere.headers })).statusCode).toBe(401)
      await signIn(t, person.email, 'a new long passphrase')
    })
  })
})

import { describe, expect, it } from 'vitest'
import { defaultCatalogs } from './locales/index.js'
import { confirmationLocales, renderConfirmation } from './subscription-messages.js'

const facts = {
  pageName: 'Acme',
  statusUrl: 'https://status.acme.test',
  confirmUrl: 'https://status.acme.test/subscriptions/s1/confirm?token=abc',
  validHours: 48,
}

describe('confirmation mail', () => {
  it('exists in every locale the incident templates have', () => {
    expect(confirmationLocales.sort()).toEqual(Object.keys(defaultCatalogs).sort())
  })

  it('carries the confirmation link and its lifetime in text and HTML, in the reader’s language', () => {
    for (const locale of confirmationLocales) {
      const m = renderConfirmation({ ...facts, locale })
      expect(m.locale).toBe(locale)
      expect(m.text).toContain(facts.confirmUrl)
      expect(m.text).toContain('48')
      expect(m.html).toContain('href="https://status.acme.test/subscriptions/s1/confirm?token=abc"')
      expect(m.subject).toContain('Acme')
    }
    expect(renderConfirmation({ ...facts, locale: 'en' }).text).toContain(
      'If you did not ask for this, ignore this email',
    )
  })

  it('has no unsubscribe footer, since nothing is subscribed yet', () => {
    expect(renderConfirmation({ ...facts, locale: 'en' }).html).not.toContain('Unsubscribe')
  })
})

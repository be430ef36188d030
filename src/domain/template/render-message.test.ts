import { describe, expect, it } from 'vitest'
import type { MessageFacts } from './message-facts.js'
import { messageStages, templateChannels, type MessageStage } from './message-kinds.js'
import { defaultCatalogs } from './locales/index.js'
import { personalise, renderMessage, TemplateError, unsubscribePlaceholder } from './render-message.js'

const facts: MessageFacts = {
  pageName: 'Acme',
  statusUrl: 'https://status.acme.test',
  incidentTitle: 'Checkout errors',
  incidentUrl: 'https://status.acme.test/incidents/1',
  affectedComponents: ['Checkout', 'Login'],
  whoIsAffected: 'customers in the EU',
  startedAt: new Date('2026-03-01T10:00:00Z'),
  cadenceMinutes: 30,
  nextUpdateAt: new Date('2026-03-01T10:30:00Z'),
  postmortemUrl: 'https://status.acme.test/incidents/1/postmortem',
}
const customerStages = messageStages.filter((s) => s !== 'stand_down')
const locales = Object.keys(defaultCatalogs)

describe('message templates', () => {
  it('render every stage on every channel in every locale, with no Liquid left over', () => {
    for (const locale of locales) {
      for (const stage of messageStages) {
        for (const channel of templateChannels) {
          const audience = stage === 'stand_down' ? 'internal' : 'customer'
          const m = renderMessage({
            stage,
            channel,
            audience,
            locale,
            facts: { ...facts, message: 'We restarted the database.' },
          })
          for (const part of [m.subject, m.text, m.short]) {
            expect(part.length, `${locale} ${stage} ${channel}`).toBeGreaterThan(10)
            expect(part).not.toMatch(/\{\{|\{%|%\}|\}\}/)
          }
          expect(m.locale).toBe(locale)
          expect(m.text).toContain('We restarted the database.')
        }
      }
    }
  })

  it('open every customer message with the scope: what is affected comes in the first paragraph', () => {
    for (const locale of locales) {
      for (const stage of customerStages) {
        const first =
          renderMessage({ stage, channel: 'status_page', audience: 'customer', locale, facts }).text.split('\n\n')[0] ??
          ''
        expect(first, `${locale} ${stage}`).toContain('Checkout')
        expect(first, `${locale} ${stage}`).toContain('Login')
      }
    }
  })

  it('link every customer message to the status page, in full and in short', () => {
    for (const locale of locales) {
      for (const stage of customerStages) {
        const m = renderMessage({
          stage,
          channel: 'email',
          audience: 'customer',
          locale,
          facts: { ...facts, postmortemUrl: undefined, incidentUrl: undefined },
        })
        expect(m.text, `${locale} ${stage}`).toContain(facts.statusUrl)
        expect(m.short, `${locale} ${stage}`).toContain(facts.statusUrl)
      }
    }
  })

  it('apologise in every English customer message and never say whose fault it was', () => {
    for (const stage of customerStages) {
      const m = renderMessage({ stage, channel: 'email', audience: 'customer', locale: 'en', facts })
      expect(m.text, stage).toMatch(/sorry/i)
      expect(m.text).not.toMatch(/\b(fault|blame|their mistake)\b/i)
    }
  })

  it('thank customers in the all-clear and say where the postmortem will be, in every locale', () => {
    const thanks: Record<string, RegExp> = {
      en: /thank you/i,
      'zh-Hans': /感谢/,
      'zh-Hant': /感謝/,
      de: /danken/,
      fr: /remercions/,
      es: /agradecemos/,
      ja: /ありがとう/,
    }
    for (const locale of locales) {
      const m = renderMessage({ stage: 'all_clear', channel: 'email', audience: 'customer', locale, facts })
      expect(m.text, locale).toMatch(thanks[locale] as RegExp)
      expect(m.text, locale).toContain(facts.postmortemUrl)
      expect(m.short, locale).toContain(facts.postmortemUrl)
    }
  })

  it('says "unknown yet" for facts not known, instead of leaving gaps', () => {
    const m = renderMessage({
      stage: 'scope',
      channel: 'status_page',
      audience: 'customer',
      locale: 'en',
      facts: { ...facts, whoIsAffected: undefined, startedAt: undefined },
    })
    expect(m.text).toContain("We're still assessing who is affected by the problem with Checkout and Login")
    expect(m.text).toContain("- Started: unknown yet; we'll follow up when we know more")
    expect(m.text).not.toMatch(/\n{3,}/)
  })

  it('decline the German stand-ins after their prepositions ("mit einigen", "bei einem")', () => {
    const m = renderMessage({
      stage: 'scope',
      channel: 'email',
      audience: 'customer',
      locale: 'de',
      facts: { ...facts, affectedComponents: [], thirdPartyProvider: 'Stripe' },
    })
    expect(m.subject).toContain('Problem mit einigen unserer Dienste')
    expect(m.text).toContain('Die Ursache liegt bei einem unserer Drittanbieter')
    expect(m.text).not.toMatch(/mit einige |bei einer unserer/)
  })

  it('leaves out optional sentences whose facts are missing', () => {
    const m = renderMessage({ stage: 'update', channel: 'status_page', audience: 'customer', locale: 'en', facts })
    expect(m.text).not.toContain('reach us at')
    const withContact = renderMessage({
      stage: 'update',
      channel: 'status_page',
      audience: 'customer',
      locale: 'en',
      facts: { ...facts, contact: 'help@acme.test', responseTime: '2 hours' },
    })
    expect(withContact.text).toContain('reach us at help@acme.test; we reply within 2 hours.')
  })

  it('announces a new cadence in words of the locale', () => {
    expect(
      renderMessage({
        stage: 'cadence_change',
        channel: 'slack',
        audience: 'customer',
        locale: 'en',
        facts: { ...facts, cadenceMinutes: 240 },
      }).text,
    ).toContain('every 4 hours')
    expect(
      renderMessage({ stage: 'cadence_change', channel: 'email', audience: 'customer', locale: 'zh-Hans', facts })
        .subject,
    ).toContain('30分钟')
  })

  it('uses a communicator’s edited template instead of the default', () => {
    const m = renderMessage({
      stage: 'update',
      channel: 'email',
      audience: 'customer',
      locale: 'en',
      facts,
      overrides: { subject: 'Heads up: {{ affected }}' },
    })
    expect(m.subject).toBe('Heads up: Checkout and Login')
  })

  it('marks drills in the subject and the body', () => {
    const m = renderMessage({
      stage: 'acknowledge',
      channel: 'email',
      audience: 'customer',
      locale: 'en',
      facts: { ...facts, isDrill: true },
    })
    expect(m.subject.startsWith('[DRILL] ')).toBe(true)
    expect(m.text.startsWith('This is a drill.')).toBe(true)
    expect(m.html).toContain('This is a drill.')
  })

  it('never loads remote images in email: a Markdown image becomes a link, raw HTML stays text', () => {
    const message = 'See the graph ![latency](https://tracker.example/pixel.png) and <img src=x onerror=alert(1)>.'
    const m = renderMessage({
      stage: 'update',
      channel: 'email',
      audience: 'technical',
      locale: 'en',
      facts: { ...facts, message, technicalDetail: '![trace](https://tracker.example/t.png)' },
    })
    expect(m.html).not.toMatch(/<img[^>]*tracker\.example/)
    expect(m.html).not.toMatch(/<img[^>]*src=x/)
    expect(m.html).toContain(
      '<a href="https://tracker.example/pixel.png" rel="nofollow noopener noreferrer">latency</a>',
    )
  })

  it('shows the technical detail only to the technical audience', () => {
    const withDetail = { ...facts, technicalDetail: 'Primary database failed over at 10:02.' }
    for (const channel of templateChannels) {
      expect(
        renderMessage({ stage: 'update', channel, audience: 'technical', locale: 'en', facts: withDetail }).text,
      ).toContain('failed over')
      expect(
        renderMessage({ stage: 'update', channel, audience: 'customer', locale: 'en', facts: withDetail }).text,
      ).not.toContain('failed over')
    }
  })

  it('keeps the stand-down for the team and refuses to address it to customers', () => {
    const standDown = { ...facts, standDownReason: 'false_alarm' as const }
    const m = renderMessage({
      stage: 'stand_down',
      channel: 'email',
      audience: 'internal',
      locale: 'en',
      facts: standDown,
    })
    expect(m.subject).toBe('Stand down: Checkout errors was a false alarm')
    expect(m.text).toContain('Internal: for the team only')
    expect(() =>
      renderMessage({ stage: 'stand_down', channel: 'email', audience: 'customer', locale: 'en', facts: standDown }),
    ).toThrow(TemplateError)
  })

  it('falls back to English for a locale it has no templates for', () => {
    expect(
      renderMessage({ stage: 'acknowledge', channel: 'slack', audience: 'customer', locale: 'pt-BR', facts }).locale,
    ).toBe('en')
    expect(
      renderMessage({ stage: 'acknowledge', channel: 'slack', audience: 'customer', locale: 'zh-TW', facts }).locale,
    ).toBe('zh-Hant')
  })
})

describe('third-party rule', () => {
  const withProvider = {
    ...facts,
    thirdPartyProvider: 'Stripe',
    message: 'Card payments through Stripe fail; stripe is working on it.',
  }
  const stages: MessageStage[] = ['scope', 'update']

  it('names the provider on the status page only', () => {
    for (const stage of stages) {
      expect(
        renderMessage({ stage, channel: 'status_page', audience: 'customer', locale: 'en', facts: withProvider }).text,
      ).toContain('The cause lies with Stripe')
    }
  })

  it('says "one of our third-party providers" everywhere else, even in the communicator’s own words', () => {
    for (const locale of locales) {
      for (const stage of stages) {
        for (const channel of ['email', 'slack', 'webhook'] as const) {
          const m = renderMessage({
            stage,
            channel,
            audience: 'technical',
            locale,
            facts: { ...withProvider, technicalDetail: 'Stripe API returns 502' },
          })
          const all = [m.subject, m.text, m.short, m.html ?? ''].join('\n')
          expect(all, `${locale} ${stage} ${channel}`).not.toMatch(/stripe/i)
          expect(all).toContain(defaultCatalogs[locale]?.strings.thirdPartyProvider)
        }
      }
    }
  })
})

describe('email rendering', () => {
  it('escapes every variable in the HTML part', () => {
    const hostile = {
      ...facts,
      pageName: 'Acme <b>&',
      message: '<img src=x onerror=alert(1)> & <script>alert(1)</script>',
    }
    const { html } = renderMessage({
      stage: 'update',
      channel: 'email',
      audience: 'customer',
      locale: 'en',
      facts: hostile,
    })
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('&lt;script&gt;')
    expect(html).toContain('Acme &lt;b&gt;&amp;')
  })

  it('uses the brand colour and logo, but only when they are safe', () => {
    const branded = renderMessage({
      stage: 'acknowledge',
      channel: 'email',
      audience: 'customer',
      locale: 'en',
      facts,
      brand: { color: '#ff6600', logoUrl: 'https://acme.test/logo.png' },
    })
    expect(branded.html).toContain('border-top:4px solid #ff6600')
    expect(branded.html).toContain('<img src="https://acme.test/logo.png"')
    const hostile = renderMessage({
      stage: 'acknowledge',
      channel: 'email',
      audience: 'customer',
      locale: 'en',
      facts,
      brand: { color: 'red;background:url(x)', logoUrl: 'javascript:alert(1)' },
    })
    expect(hostile.html).not.toContain('url(x)')
    expect(hostile.html).not.toContain('javascript:')
  })

  it('puts each recipient’s own unsubscribe link in text and HTML', () => {
    const m = personalise(
      renderMessage({ stage: 'acknowledge', channel: 'email', audience: 'customer', locale: 'en', facts }),
      {
        unsubscribeUrl: 'https://status.acme.test/unsubscribe?token=a&b=1',
      },
    )
    expect(m.text).toContain('Unsubscribe: https://status.acme.test/unsubscribe?token=a&b=1')
    expect(m.html).toContain('href="https://status.acme.test/unsubscribe?token=a&amp;b=1"')
    expect(`${m.text}${m.html}`).not.toContain(unsubscribePlaceholder)
  })

  it('escapes Slack control characters so a message cannot mention @channel', () => {
    const m = renderMessage({
      stage: 'update',
      channel: 'slack',
      audience: 'customer',
      locale: 'en',
      facts: { ...facts, message: '<!channel> fixed & done' },
    })
    expect(m.text).toContain('&lt;!channel&gt; fixed &amp; done')
  })
})

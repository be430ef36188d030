import { describe, expect, it } from 'vitest'
import { publicPageUrl } from '../status-page/build-status-page-view.js'
import { pagePublicUrl } from './subscriber-links.js'

// A page row as the stores give it, with the company's website in its branding.
const page = (slug: string, hostnames: string[] = []) => ({
  slug,
  hostnames,
  branding: { url: 'https://www.acme.example/' },
})

describe('pagePublicUrl (the status link in every email, Slack and webhook message)', () => {
  it('links to the status page on this server, not to the organisation’s website in the branding', () => {
    expect(pagePublicUrl(page('acme'), 'https://candor.example')).toBe('https://candor.example/p/acme')
  })

  it('links to the page’s custom domain when it has one', () => {
    expect(pagePublicUrl(page('acme', ['status.acme.example']), 'https://candor.example')).toBe(
      'https://status.acme.example',
    )
  })

  it('is the address the status page gives itself (feeds, JSON API)', () => {
    const cases: [string, string, string[]][] = [
      ['http://localhost:3000', 'acme', []],
      ['https://candor.example/status/', 'a b', []],
      ['https://candor.example', 'acme', ['status.acme.example', 'status.acme.example.au']],
    ]
    for (const [baseUrl, slug, hostnames] of cases)
      expect(pagePublicUrl(page(slug, hostnames), baseUrl)).toBe(publicPageUrl(baseUrl, slug, hostnames))
  })
})

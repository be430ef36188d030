import { existsSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp } from '../support/test-app.js'
import { chromiumPath, launchChromium } from './browser-kit.js'

const evil = '<img src=x onerror=alert(1)> & "Login" <b>down</b>'
const pageName = 'Acme <b>Cloud</b> & Co'

/**
 * What a feed reader that renders titles as HTML makes of each feed's titles: the XML parsed by
 * the browser's XML parser, then each title read as the feed declares it (Atom's type="html",
 * RSS titles taken as HTML by many readers). Each must come out as the original text, no element.
 */
const readTitles = `(feed) => {
  const xml = new DOMParser().parseFromString(feed, 'application/xml')
  if (xml.querySelector('parsererror')) return ['not XML']
  return [...xml.querySelectorAll('feed > title, entry > title, channel > title, item > title')].map((t) => {
    const isRss = ['channel', 'item'].includes(t.parentElement.localName)
    const type = t.getAttribute('type') ?? (isRss ? 'html' : 'text')
    if (type !== 'html') return { text: t.textContent, elements: 0 }
    const body = new DOMParser().parseFromString(t.textContent, 'text/html').body
    return { text: body.textContent, elements: body.querySelectorAll('*').length }
  })
}`

describe.skipIf(!existsSync(chromiumPath) && !process.env.CI)('feed titles in a real parser', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('carry the page’s and an incident’s title as text in Atom and RSS, markup included', async () => {
    const t = await createTestApp('pglite')
    const slug = `feeds-${t.org.id.slice(0, 8)}`
    const page = (
      await t.app.inject({ method: 'POST', url: '/api/pages', headers: t.org.auth, payload: { slug, name: pageName } })
    ).json()
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/incidents',
      headers: t.org.auth,
      payload: { title: evil, page_id: page.id, body: 'Looking into it.' },
    })
    expect(created.statusCode).toBe(201)
    await t.deps.statusPages.start()
    const atom = (await t.app.inject({ url: `/p/${slug}/history.atom` })).body
    const rss = (await t.app.inject({ url: `/p/${slug}/history.rss` })).body
    const tab = await browser.newPage({ javaScriptEnabled: true })
    const read = (feed: string) => tab.evaluate(`(${readTitles})(${JSON.stringify(feed)})`)
    const titles = { atom: await read(atom), rss: await read(rss) }
    await tab.close()
    const expected = [
      { text: `${pageName} status history`, elements: 0 },
      { text: evil, elements: 0 },
    ]
    expect(titles).toEqual({ atom: expected, rss: expected })
  })
})

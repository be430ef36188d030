import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { renderMarkdown } from './render-markdown.js'
import { loadXssPayloads, markdownContexts } from './xss-payloads.js'
import { chromiumPath, launchChromium } from '../../test/browser/browser-kit.js'

const xssPayloads = loadXssPayloads()

/**
 * The structural tests trust a parser's view of the HTML; this one asks a real browser.
 * Every payload calls alert/confirm/prompt/print or sets window.xss, or loads something.
 */
describe.skipIf(!existsSync(chromiumPath) && !process.env.CI)('rendered Markdown in a real browser', () => {
  it('runs no script and loads nothing, for every payload in every Markdown position', async () => {
    const body = xssPayloads
      .flatMap((p) => markdownContexts.map((context) => `<section>${renderMarkdown(context(p))}</section>`))
      .join('\n')
    const browser = await launchChromium()
    try {
      const page = await browser.newPage()
      const requests: string[] = []
      await page.route('**/*', async (route) => {
        if (route.request().url() === 'https://candor.test/')
          return route.fulfill({ contentType: 'text/html', body: `<!doctype html><html><body>${body}</body></html>` })
        requests.push(route.request().url())
        return route.abort()
      })
      await page.addInitScript(() => {
        const w = globalThis as unknown as Record<string, unknown>
        w.__ran = []
        const ran = (name: string) => () => (w.__ran as string[]).push(name)
        w.alert = ran('alert')
        w.confirm = ran('confirm')
        w.prompt = ran('prompt')
        w.print = ran('print')
        Object.defineProperty(globalThis, 'xss', { set: ran('xss'), configurable: true })
      })
      await page.goto('https://candor.test/')
      await page.waitForTimeout(500)
      // Hovering and focusing every element would trigger handler attributes, if any had survived.
      for (const handle of (await page.$$('section *')).slice(0, 300))
        await handle.hover({ force: true, timeout: 200 }).catch(() => {})
      expect(await page.evaluate(() => (globalThis as unknown as { __ran: string[] }).__ran)).toEqual([])
      expect(requests).toEqual([])
      expect(await page.$$eval('script, iframe, img, svg, object, embed, style', (els) => els.length)).toBe(0)
    } finally {
      await browser.close()
    }
  })
})

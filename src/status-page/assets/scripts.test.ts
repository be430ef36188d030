import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { translator } from '../i18n/translator.js'
import { pageScript } from './page-script.js'
import { widgetScript } from './widget-script.js'

/** Just enough DOM to watch what the widget builds, and only through textContent. */
function fakeDom() {
  const appended: Array<{ tag: string; textContent: string; children: unknown[] }> = []
  const element = (tag: string) => {
    const el = {
      tag,
      textContent: '',
      children: [] as unknown[],
      style: {} as Record<string, string>,
      href: '',
      type: '',
      className: '',
    }
    return Object.assign(el, {
      setAttribute() {},
      addEventListener() {},
      appendChild: (child: unknown) => el.children.push(child),
      set innerHTML(_: string) {
        throw new Error('the widget must not use innerHTML')
      },
    })
  }
  const document = {
    currentScript: { src: 'https://status.acme.example/p/acme/widget.js' },
    createElement: element,
    body: { appendChild: (el: (typeof appended)[number]) => appended.push(el) },
    addEventListener() {},
  }
  return { document, appended }
}

async function runWidget(summary: unknown) {
  const { document, appended } = fakeDom()
  const requested: string[] = []
  const fetch = async (url: string) => {
    requested.push(url)
    return { ok: true, json: async () => summary }
  }
  runInNewContext(widgetScript(translator('en'), 'https://status.acme.example'), {
    document,
    fetch,
    URL,
    sessionStorage: { getItem: () => null, setItem() {} },
  })
  await new Promise((resolve) => setTimeout(resolve, 10))
  return { appended, requested }
}

describe('client scripts', () => {
  it('parse as plain browser JavaScript', () => {
    expect(() => new Function(pageScript)).not.toThrow()
    expect(() => new Function(widgetScript(translator('de'), 'https://x.example'))).not.toThrow()
  })

  it('the widget reads summary.json beside itself and shows a banner when something is wrong', async () => {
    const { appended, requested } = await runWidget({
      page: { url: 'https://status.acme.example' },
      status: { indicator: 'major', description: 'Partial System Outage' },
      incidents: [{ id: 'i1', name: '<b>API errors</b>', updated_at: 'x' }],
    })
    expect(requested).toEqual(['https://status.acme.example/p/acme/api/v2/summary.json'])
    expect(appended).toHaveLength(1)
    const texts = JSON.stringify(appended[0])
    expect(texts).toContain('Partial system outage')
    expect(texts).toContain('<b>API errors</b>')
  })

  it('the widget stays silent when all is well', async () => {
    const { appended } = await runWidget({
      status: { indicator: 'none', description: 'All Systems Operational' },
      incidents: [],
    })
    expect(appended).toHaveLength(0)
  })
})

describe('the page script as the browser gets it', () => {
  it('counts days by the calendar: 2 AM the day after tomorrow is "in 2 days"', () => {
    const start = pageScript.indexOf('function calendarDays')
    const end = pageScript.indexOf('function localise')
    const ago = new Function(
      'Intl',
      `var relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
      var units = [['week', 6048e5], ['day', 864e5], ['hour', 36e5], ['minute', 6e4]];
      ${pageScript.slice(start, end)}; return ago;`,
    )(Intl) as (at: number, now: number) => string
    const now = new Date(2026, 11, 3, 16, 9).getTime()
    expect(ago(new Date(2026, 11, 5, 2, 0).getTime(), now)).toBe('in 2 days')
    expect(ago(new Date(2026, 11, 4, 9, 0).getTime(), now)).toBe('in 17 hours')
    expect(ago(new Date(2026, 11, 1, 23, 0).getTime(), now)).toBe('2 days ago')
    expect(ago(now - 5 * 60_000, now)).toBe('5 minutes ago')
  })

  it('collapses whitespace in what it announces, and leaves the letter s alone', () => {
    const body = /function text\(el\) \{ return (.+?); \}/.exec(pageScript)?.[1]
    expect(body).toBeDefined()
    const text = runInNewContext(`(function (el) { return ${body}; })`) as (el: { textContent: string }) => string
    expect(text({ textContent: '  Resolved\n   issues  ' })).toBe('Resolved issues')
  })
})

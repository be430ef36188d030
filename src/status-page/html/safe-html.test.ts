import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { renderDocuments } from '../render-documents.js'
import { sampleView } from '../sample-view.js'
import { escapeHtml } from '../../text/escape-html.js'
import { html, safeColor, safeUrl, translateHtml, trustedHtml } from './safe-html.js'

const payloads = readFileSync(new URL('../../../test/fixtures/xss-payloads.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('# '))

/** Every text field a page owner or responder can type, set to the same value. */
function viewWithText(text: string) {
  const view = sampleView()
  view.page.name = text
  view.groups[0]!.name = text
  view.groups[0]!.description = text
  for (const c of view.components) Object.assign(c, { name: text, description: text })
  for (const i of view.incidents) {
    i.name = text
    for (const u of i.updates) Object.assign(u, { bodyText: text })
    for (const u of i.updates) for (const a of u.affectedComponents) a.name = text
  }
  for (const m of view.maintenances) m.name = text
  return view
}

function htmlDocuments(text: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const [path, doc] of renderDocuments(viewWithText(text), 'server'))
    if (doc.contentType.startsWith('text/html')) out.set(path, doc.body)
  return out
}

describe('escaping', () => {
  it('escapes interpolated text and keeps trusted markup', () => {
    expect(html`<p title="${'"x"'}">${'<b>'}${trustedHtml('<i>ok</i>')}${['a', '&']}</p>`.value).toBe(
      '<p title="&quot;x&quot;">&lt;b&gt;<i>ok</i>a&amp;</p>',
    )
  })

  it('puts markup into a translated sentence without trusting the translation', () => {
    const t = (_key: string, vars?: Record<string, string | number>) => `<b>Last</b> ${vars?.time}`
    expect(translateHtml(t, 'k', { time: html`<time>1</time>` }).value).toBe('&lt;b&gt;Last&lt;/b&gt; <time>1</time>')
  })

  it('accepts only web and relative addresses and plain hex colours', () => {
    expect(safeUrl('https://a.example/x')).toBe('https://a.example/x')
    expect(safeUrl('/subscribe')).toBe('/subscribe')
    for (const bad of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'data:text/html,x',
      '//evil.example',
      'vbscript:x',
    ])
      expect(safeUrl(bad)).toBeNull()
    expect(safeColor('#a1B2c3')).toBe('#a1B2c3')
    expect(safeColor('red;}body{display:none')).toBeNull()
  })

  it('renders every known XSS payload in every text field as inert text on every HTML page', () => {
    const reference = htmlDocuments('PAYLOAD')
    for (const payload of payloads) {
      for (const [path, body] of htmlDocuments(payload)) {
        expect(body.replaceAll(escapeHtml(payload), 'PAYLOAD'), `${payload} on ${path}`).toBe(reference.get(path))
        if (/[<>"']/.test(payload)) expect(body.includes(payload), `raw ${payload} on ${path}`).toBe(false)
      }
    }
  })
})

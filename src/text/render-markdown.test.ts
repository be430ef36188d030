import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findExecutableMarkup, listElements } from './executable-markup.js'
import { renderMarkdown } from './render-markdown.js'
import { loadXssPayloads, markdownContexts } from './xss-payloads.js'

const xssPayloads = loadXssPayloads()

const allowedTags = new Set([
  'p',
  'br',
  'strong',
  'em',
  's',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
])
const allowedAttributes = new Set(['href', 'title', 'rel', 'start', 'class'])

function expectInert(html: string, source: string) {
  expect(findExecutableMarkup(html), source).toEqual([])
  for (const el of listElements(html)) {
    expect(allowedTags.has(el.tag), `${el.tag} from ${source}`).toBe(true)
    for (const attr of Object.keys(el.attribs))
      expect(allowedAttributes.has(attr), `${el.tag} ${attr} from ${source}`).toBe(true)
    if (el.attribs.href !== undefined) expect(el.attribs.href, source).toMatch(/^(https?:\/\/|mailto:)/)
    if (el.attribs.class !== undefined) expect(el.attribs.class, source).toMatch(/^language-\S+$/)
  }
  expect(html).not.toMatch(/<(script|svg|iframe|img|style|object|embed|math|form|base|meta|link)\b/i)
}

describe('renderMarkdown', () => {
  it('renders the Markdown responders write', () => {
    const html = renderMarkdown(
      'We are **investigating** errors on [the API](https://api.example.com).\nNext update at 14:00.\n\n- EU\n- US',
    )
    expect(html).toBe(
      '<p>We are <strong>investigating</strong> errors on <a ' +
        'href="https://api.example.com" rel="nofollow noopener noreferrer">the API</a>' +
        '.<br />\nNext update at 14:00.</p>\n<ul>\n<li>EU</li>\n<li>US</li>\n</ul>\n',
    )
  })

  it('shows raw HTML as the text that was typed', () => {
    expect(renderMarkdown('<b>bold</b> <script>alert(1)</script>')).toBe(
      '<p>&lt;b&gt;bold&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>\n',
    )
  })

  it('drops links that are not absolute http(s) or mailto, keeping their text', () => {
    expect(renderMarkdown('[docs](/relative) [x](ftp://example.com/f)')).toBe(
      '<p><a rel="nofollow noopener noreferrer">docs</a> <a rel="nofollow noopener noreferrer">x</a></p>\n',
    )
  })

  it('turns images into links, so no reader loads a third-party image', () => {
    expect(renderMarkdown('![graph](https://img.example.com/g.png)')).toBe(
      '<p><a href="https://img.example.com/g.png" rel="nofollow noopener noreferrer">graph</a></p>\n',
    )
  })

  it('links bare URLs and email addresses, with rel nofollow', () => {
    const html = renderMarkdown('see https://status.example.com or ops@example.com')
    expect(html).toContain(
      '<a href="https://status.example.com" rel="nofollow noopener noreferrer">https://status.example.com</a>',
    )
    expect(html).toContain('<a href="mailto:ops@example.com" rel="nofollow noopener noreferrer">ops@example.com</a>')
  })

  it('keeps headings below the page’s own h1 and h2', () => {
    expect(renderMarkdown('# Impact\n## Timeline')).toBe('<h3>Impact</h3>\n<h3>Timeline</h3>\n')
  })

  const payloadCount = xssPayloads.length
  it(`lets nothing executable through, for each of the ${payloadCount} payloads in every Markdown position`, () => {
    expect(xssPayloads.length).toBeGreaterThan(100)
    for (const payload of xssPayloads) {
      for (const context of markdownContexts) {
        const source = context(payload)
        expectInert(renderMarkdown(source), source)
      }
    }
    const whole = xssPayloads.join('\n')
    expectInert(renderMarkdown(whole), 'the whole list as one document')
  })

  it('lets nothing executable through for random mixes of hostile fragments', () => {
    const fragment = fc.constantFrom(
      '<',
      '>',
      '"',
      "'",
      '`',
      '(',
      ')',
      '[',
      ']',
      '!',
      '\n',
      ' ',
      '&#',
      ';',
      ':',
      'javascript:',
      'data:',
      'on',
      'error=',
      'alert(1)',
      'script',
      'img',
      'svg',
      'src=',
      'href=',
      '<a ',
      '](',
      '![',
      '```',
      '> ',
      '- ',
      '|',
      '\\',
      '%0A',
      '&colon;',
      '&#x09;',
    )
    fc.assert(
      fc.property(fc.array(fc.oneof(fragment, fc.constantFrom(...xssPayloads)), { maxLength: 40 }), (parts) => {
        const source = parts.join('')
        expectInert(renderMarkdown(source), source)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('findExecutableMarkup (the test oracle itself)', () => {
  it('catches what the renderer must never emit', () => {
    expect(findExecutableMarkup('<p onclick="x">a</p>')).toEqual(['<p onclick>'])
    expect(findExecutableMarkup('<a href=" java&#x09;script:alert(1)">a</a>')).toEqual([
      '<a href= java\tscript:alert(1)>',
    ])
    expect(findExecutableMarkup('<a href="data:text/html,x">a</a>')).toHaveLength(1)
    expect(findExecutableMarkup('<svg><script>alert(1)</script></svg>')).toEqual(['<script>', '<svg>'])
    expect(findExecutableMarkup('<div style="x:expression(alert(1))">')).toEqual(['<div style>'])
    expect(findExecutableMarkup('<script src="//evil.example/x.js"></script>')).toEqual([
      '<script>',
      '<script src=//evil.example/x.js>',
    ])
    expect(
      findExecutableMarkup('<a href="https://example.com/p">ok</a><a href="/incidents/1">ok</a><a href="x">ok</a>'),
    ).toEqual([])
  })
})

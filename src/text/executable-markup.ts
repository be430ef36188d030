import sanitizeHtml from 'sanitize-html'

export interface HtmlElement {
  tag: string
  attribs: Record<string, string>
}

/** Every element of an HTML document, as a browser-grade parser (htmlparser2, via sanitize-html) sees it. */
export function listElements(html: string): HtmlElement[] {
  const elements: HtmlElement[] = []
  sanitizeHtml(html, {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true,
    // Turn off every filter sanitize-html would apply, so we see the markup as a browser would.
    allowedSchemesAppliedToAttributes: [],
    allowProtocolRelative: true,
    parseStyleAttributes: false,
    exclusiveFilter: (frame) => {
      elements.push({ tag: frame.tag.toLowerCase(), attribs: { ...frame.attribs } })
      return false
    },
  })
  return elements
}

// Elements that run or host code, restyle or redirect the page, or post it elsewhere. Media
// elements (img, video) are not here: what makes them dangerous is an attribute, checked below.
const runnableTags = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'style',
  'link',
  'meta',
  'base',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'keygen',
  'isindex',
  'template',
  'xmp',
  'noscript',
  'body',
  'html',
  'portal',
])
const urlAttributes = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'background',
  'poster',
  'srcdoc',
  'dynsrc',
  'lowsrc',
  'code',
  'codebase',
  'srcset',
])
const withScheme = /^[a-z][a-z0-9+.-]*:/i
const safeScheme = /^(https?|mailto):/i

/**
 * Markup that can run script: run-capable tags, event-handler and style attributes, and URLs
 * that are not http(s), mailto or relative (same-site) links. Used by the XSS tests: a page's
 * findings with hostile input must equal its findings without it.
 */
export function findExecutableMarkup(html: string): string[] {
  const findings: string[] = []
  for (const { tag, attribs } of listElements(html)) {
    if (runnableTags.has(tag)) findings.push(`<${tag}>`)
    for (const [name, value] of Object.entries(attribs)) {
      const attr = name.toLowerCase()
      if (attr.startsWith('on')) findings.push(`<${tag} ${attr}>`)
      else if (attr === 'style') findings.push(`<${tag} style>`)
      else if (urlAttributes.has(attr) && !isSafeUrl(value)) findings.push(`<${tag} ${attr}=${value.slice(0, 40)}>`)
    }
  }
  return findings
}

function isSafeUrl(value: string): boolean {
  // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
  const url = value.replace(/[\s\u0000-\u001f]/g, '')
  if (url.startsWith('//') || url.startsWith('\\')) return false
  return !withScheme.test(url) || safeScheme.test(url)
}

import sanitizeHtml from 'sanitize-html'
import { markdown } from './markdown-parser.js'

/**
 * The allowlist is what markdown-it itself produces, minus anything that can run or load:
 * no style, no images, no raw HTML, links only to http(s) and mailto. sanitize-html is the
 * second lock: if a markdown-it plugin or bug ever lets markup through, it stops here.
 */
const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [
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
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'], ol: ['start'], code: ['class'] },
  allowedClasses: { code: ['language-*'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // The page and the incident title own h1–h2; text headings start below them.
    h1: 'h3',
    h2: 'h3',
    // Text is shown on pages, in emails and feeds alike, where a relative link means nothing.
    a: (tagName, attribs) => {
      const { href, ...rest } = attribs
      const isAbsolute = href !== undefined && /^(https?:\/\/|mailto:)/i.test(href)
      return { tagName, attribs: { ...(isAbsolute ? { href } : {}), ...rest, rel: 'nofollow noopener noreferrer' } }
    },
  },
}

/** Incident and postmortem text (Markdown) to HTML that is safe to put in a page, email or feed. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), sanitizeOptions)
}

/** For HTML built outside markdown (e.g. a liquid template's output) that must pass the same allowlist. */
export function sanitizeRenderedHtml(html: string): string {
  return sanitizeHtml(html, sanitizeOptions)
}

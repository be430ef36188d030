import type { Token } from 'markdown-it'
import { markdown } from './markdown-parser.js'

/**
 * Markdown to plain text for email text parts, SMS and chat: keeps the words, the list
 * structure and link targets ("text <https://…>"), drops the markup. Raw HTML a user typed
 * stays as the literal text they typed, as it does on the page; plain text never executes.
 */
export function markdownToPlainText(source: string): string {
  const out: string[] = []
  const prefixes: string[] = []
  const lists: { ordered: boolean; next: number }[] = []
  let marker: string | null = null
  let row: string[] | null = null

  const emit = (text: string) => {
    for (const line of text.split('\n')) {
      if (marker !== null) {
        out.push(prefixes.slice(0, -1).join('') + marker + line)
        marker = null
      } else {
        out.push(prefixes.join('') + line)
      }
    }
  }

  for (const token of markdown.parse(source, {})) {
    switch (token.type) {
      case 'inline':
        if (row) row.push(inlineText(token.children ?? []))
        else emit(inlineText(token.children ?? []))
        break
      case 'paragraph_close':
      case 'heading_close':
        if (!token.hidden) out.push('')
        break
      case 'blockquote_open':
        prefixes.push('> ')
        break
      case 'blockquote_close':
        prefixes.pop()
        break
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ ordered: token.type === 'ordered_list_open', next: Number(token.attrGet('start') ?? 1) })
        break
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop()
        if (lists.length === 0) out.push('')
        break
      case 'list_item_open': {
        const list = lists[lists.length - 1]
        marker = list?.ordered ? `${list.next++}. ` : '- '
        prefixes.push(' '.repeat(marker.length))
        break
      }
      case 'list_item_close':
        prefixes.pop()
        break
      case 'fence':
      case 'code_block':
        emit(token.content.replace(/\n$/, ''))
        out.push('')
        break
      case 'hr':
        emit('---')
        out.push('')
        break
      case 'tr_open':
        row = []
        break
      case 'tr_close':
        emit((row ?? []).join(' | '))
        row = null
        break
      case 'table_close':
        out.push('')
        break
    }
  }
  return out
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

function inlineText(children: Token[]): string {
  let text = ''
  const links: { href: string; start: number }[] = []
  for (const t of children) {
    switch (t.type) {
      case 'text':
      case 'code_inline':
        text += t.content
        break
      case 'softbreak':
      case 'hardbreak':
        text += '\n'
        break
      case 'link_open':
        links.push({ href: String(t.attrGet('href') ?? ''), start: text.length })
        break
      case 'link_close': {
        const link = links.pop()
        if (link) text += linkSuffix(text.slice(link.start), link.href)
        break
      }
      case 'image': {
        const src = String(t.attrGet('src') ?? '')
        const alt = t.content
        text += alt ? `${alt}${linkSuffix(alt, src)}` : src
        break
      }
    }
  }
  return text
}

function linkSuffix(label: string, href: string): string {
  const shown = href.replace(/^mailto:/, '')
  // linkify turns bare URLs and emails into links whose label is already the target.
  // Angle brackets delimit a URL in plain text (RFC 3986, appendix C): a trailing ")" or "." stays out of it.
  return !shown || label === shown || label === href || safeDecode(href) === label ? '' : ` <${shown}>`
}

function safeDecode(uri: string): string {
  try {
    return decodeURI(uri)
  } catch {
    return uri
  }
}

import MarkdownIt from 'markdown-it'

/**
 * One parser for both renderings. `html: false` makes raw HTML in the source plain text
 * (escaped on output); links are checked by markdown-it's validateLink, which already refuses
 * javascript:, vbscript:, file: and most data: URLs. `breaks`: responders write updates as
 * they would a chat message, so a newline is a newline.
 */
export const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true })

// Images would load third-party content (and track readers) on every status page view and
// email open: they are shown as links instead.
markdown.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx]
  const src = String(token?.attrGet('src') ?? '')
  const alt = self.renderInlineAsText(token?.children ?? [], options, env)
  const { escapeHtml } = markdown.utils
  return `<a href="${escapeHtml(src)}">${escapeHtml(alt || src)}</a>`
}

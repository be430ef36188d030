import { escapeHtml } from '../../text/escape-html.js'
import { renderMarkdown } from '../../text/render-markdown.js'
import type { CatalogStrings, StageTemplates } from './catalog.js'
import { emailHtmlLayout, safeBrandColor, safeLogoUrl } from './email-layout.js'
import { renderLiquid } from './liquid-engine.js'
import { buildTemplateContext, type MessageFacts, type TemplateContext } from './message-facts.js'
import { internalOnlyStages, type Audience, type MessageStage, type TemplateChannel } from './message-kinds.js'
import { catalogFor } from './resolve-locale.js'

export interface Brand {
  color?: string
  logoUrl?: string
}

export interface RenderRequest {
  stage: MessageStage
  channel: TemplateChannel
  audience: Audience
  locale: string
  facts: MessageFacts
  brand?: Brand
  /** Sources a communicator edited for this stage and locale; fields left out use the defaults. */
  overrides?: Partial<StageTemplates>
  /** The organisation's sign-off (brand voice), closing full messages to readers outside the team. */
  signOff?: string
}

export interface RenderedMessage {
  locale: string
  subject: string
  /** The channel's text: full email text with footer, status page entry, Slack post, webhook body. */
  text: string
  /** One or two sentences for one-line surfaces. */
  short: string
  /** Email only. */
  html?: string
}

/** Stands in for each recipient's own unsubscribe link, so a fan-out renders once per locale, not once per person. */
export const unsubscribePlaceholder = 'https://candor.invalid/unsubscribe-placeholder'

export class TemplateError extends Error {
  override name = 'TemplateError'
}

/** Drops the blank lines left by empty conditionals and trailing spaces, so optional parts leave no gaps. */
function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim()

/** Slack reads &, < and > as control characters (links, mentions): escape them in our text. */
const slackEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function notices(audience: Audience, isDrill: boolean, strings: CatalogStrings): string[] {
  return [...(isDrill ? [strings.drillNotice] : []), ...(audience === 'internal' ? [strings.internalNotice] : [])]
}

/**
 * A sign-off closes a full message to customers or technical readers; the status page entry
 * and short texts have no room for one, and a template that places `sign_off` itself decides.
 */
function withSignOff(body: string, signOff: string, request: RenderRequest, source: string): string {
  const allows = request.channel !== 'status_page' && request.audience !== 'internal'
  if (!signOff || !allows || /\bsign_off\b/.test(source)) return body
  return `${body}\n\n${signOff}`
}

export function renderMessage(request: RenderRequest): RenderedMessage {
  const { stage, channel, audience, facts } = request
  if (internalOnlyStages.includes(stage) && audience !== 'internal') {
    throw new TemplateError(`the ${stage} message is for the team only, not for ${audience} readers`)
  }
  const catalog = catalogFor(request.locale)
  const { strings } = catalog
  const sources = { ...catalog.stages[stage], ...request.overrides }
  const signOff = request.signOff?.trim() ?? ''
  const context: TemplateContext = {
    ...buildTemplateContext(facts, channel, catalog.locale, strings),
    sign_off: signOff,
  }
  const render = (source: string) => renderLiquid('text', source, context)

  const prefix = facts.isDrill ? strings.drillSubjectPrefix : ''
  const subject = prefix + oneLine(render(sources.subject))
  const body = withSignOff(tidy(render(sources.body)), signOff, request, sources.body)
  const short = oneLine(render(sources.short))
  const technical = audience === 'technical' ? String(context.technical_detail) : ''
  const lead = notices(audience, facts.isDrill === true, strings)
  const withTechnical = (text: string) => (technical ? `${text}\n\n${strings.technicalDetails}:\n${technical}` : text)
  const base = { locale: catalog.locale, subject, short }

  switch (channel) {
    case 'status_page':
      return { ...base, text: withTechnical(body) }
    case 'webhook':
      return { ...base, text: withTechnical([...lead, body].join('\n\n')) }
    case 'slack':
      return { ...base, text: slackEscape(withTechnical([...lead, body].join('\n\n'))) }
    case 'email':
      return renderEmail(request, base, { body, technical, lead, strings })
  }
}

interface EmailParts {
  body: string
  technical: string
  lead: string[]
  strings: CatalogStrings
}

function renderEmail(request: RenderRequest, base: Omit<RenderedMessage, 'text'>, parts: EmailParts): RenderedMessage {
  const { facts } = request
  const { strings } = parts
  const whyReceiving = strings.whyReceiving.replace('{page_name}', facts.pageName)
  const footer =
    `--\n${facts.pageName}: ${facts.statusUrl}\n` + `${whyReceiving}\n${strings.unsubscribe}: ${unsubscribePlaceholder}`
  const technicalText = parts.technical ? `\n\n${strings.technicalDetails}:\n${parts.technical}` : ''
  const text = `${[...parts.lead, parts.body].join('\n\n')}${technicalText}\n\n${footer}`
  const html = renderLiquid('html', emailHtmlLayout, {
    lang: base.locale,
    subject: base.subject,
    page_name: facts.pageName,
    status_url: facts.statusUrl,
    brand_color: safeBrandColor(request.brand?.color),
    logo_url: safeLogoUrl(request.brand?.logoUrl),
    notices: parts.lead,
    body_html: renderMarkdown(parts.body),
    technical_html: parts.technical ? renderMarkdown(parts.technical) : '',
    technical_heading: strings.technicalDetails,
    view_status_page: strings.viewStatusPage,
    why_receiving: whyReceiving,
    unsubscribe: strings.unsubscribe,
    unsubscribe_url: unsubscribePlaceholder,
  })
  return { ...base, text, html }
}

/** One recipient's copy: their own unsubscribe link, escaped for the HTML part. */
export function personalise(message: RenderedMessage, recipient: { unsubscribeUrl: string }): RenderedMessage {
  const text = message.text.split(unsubscribePlaceholder).join(recipient.unsubscribeUrl)
  if (message.html === undefined) return { ...message, text }
  return {
    ...message,
    text,
    html: message.html.split(unsubscribePlaceholder).join(escapeHtml(recipient.unsubscribeUrl)),
  }
}

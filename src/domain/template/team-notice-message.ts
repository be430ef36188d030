import { isMessageStage } from './message-kinds.js'
import type { NoticeContent } from './notice-message.js'
import { renderMessage } from './render-message.js'
import { overridesFor, type TemplateOverride } from './template-overrides.js'

/**
 * The team's copy of a stage message in the organisation's own words, when it wrote the
 * internal email template of that stage; null means our plain notice (notice-message.ts).
 * Rendered as plain text (no subscriber footer: the team did not subscribe).
 */
export function teamNoticeFromTemplate(
  content: NoticeContent,
  links: { incidentUrl: string },
  templates: readonly TemplateOverride[],
): { subject: string; text: string } | null {
  if (!isMessageStage(content.stage)) return null
  const key = { stage: content.stage, channel: 'email' as const, audience: 'internal' as const, locale: 'en' }
  const overrides = overridesFor(key, templates)
  if (Object.keys(overrides).length === 0) return null
  const message = renderMessage({
    ...key,
    channel: 'webhook',
    overrides,
    facts: {
      pageName: content.incidentTitle,
      statusUrl: links.incidentUrl,
      incidentTitle: content.incidentTitle,
      incidentUrl: links.incidentUrl,
      affectedComponents: [],
      message: content.text,
      isDrill: content.isDrill,
    },
  })
  return { subject: message.subject, text: `${message.text}\n\nOpen the incident: ${links.incidentUrl}` }
}

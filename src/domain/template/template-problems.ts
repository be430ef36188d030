import type { StageTemplates } from './catalog.js'
import { findTemplateFault, renderLiquid } from './liquid-engine.js'
import { buildTemplateContext, templateVariables } from './message-facts.js'
import { renderMessage } from './render-message.js'
import { catalogFor } from './resolve-locale.js'
import { sampleMessageFacts } from './sample-facts.js'
import type { TemplateKey } from './template-key.js'
import { type TemplateField, templateFields } from './template-overrides.js'

/** Why a template cannot be saved: which field, where in it, and the engine's reason. */
export interface TemplateProblem {
  field: TemplateField
  line: number
  column: number
  reason: string
}

const trialAt = new Date('2026-01-15T10:00:00Z')

/**
 * A template is refused when it fails to parse, names an unknown variable or filter, or fails
 * to render with real-looking facts (too slow, too large): a customer must never get half a message.
 */
export function templateProblems(key: TemplateKey, sources: Partial<StageTemplates>): TemplateProblem[] {
  const problems: TemplateProblem[] = []
  const catalog = catalogFor(key.locale)
  const facts = sampleMessageFacts(trialAt)
  const context = buildTemplateContext(facts, key.channel, catalog.locale, catalog.strings)
  for (const field of templateFields) {
    const source = sources[field]
    if (source === undefined) continue
    const fault = findTemplateFault(source, templateVariables)
    if (fault) {
      problems.push({ field, ...fault })
      continue
    }
    try {
      renderLiquid('text', source, context)
    } catch (error) {
      problems.push({ field, line: 1, column: 1, reason: (error as Error).message.replace(/, line:[\s\S]*$/, '') })
    }
  }
  if (problems.length > 0) return problems
  try {
    renderMessage({ ...key, facts, overrides: sources })
  } catch (error) {
    problems.push({ field: 'body', line: 1, column: 1, reason: (error as Error).message })
  }
  return problems
}

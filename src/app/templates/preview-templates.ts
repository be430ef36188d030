import { invalid } from '../../domain/app-error.js'
import { lintRulesOf } from '../../domain/template/brand-voice.js'
import { lintDraft } from '../../domain/template/lint-draft.js'
import { renderMessage } from '../../domain/template/render-message.js'
import { isTemplateKey } from '../../domain/template/template-key.js'
import { templateProblems } from '../../domain/template/template-problems.js'
import { overridesFor } from '../../domain/template/template-overrides.js'
import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps } from '../context.js'
import { parseInput } from '../parse-input.js'
import { previewFacts } from './preview-facts.js'
import { previewInput } from './template-inputs.js'

/**
 * Renders one stage in every selected channel side by side, as it would go out now: the
 * organisation's templates (or the editor's unsaved draft for one channel), its sign-off,
 * and real facts of an incident or sample ones; each message comes with its lint findings.
 */
export async function previewTemplates(deps: AppDeps, ctx: AppContext, raw: unknown) {
  requirePermission(ctx, 'incident.read')
  const input = parseInput(previewInput, raw)
  const store = deps.store.forOrg(ctx.orgId)
  const loaded = await previewFacts(store, deps.baseUrl, input.incident_id, ctx.now)
  const locale = input.locale ?? loaded.locale
  const facts = input.message === undefined ? loaded.facts : { ...loaded.facts, message: input.message }
  const [own, voice] = [await store.templates.list(), await store.brandVoice.get()]
  const rules = lintRulesOf(voice)
  const { draft } = input
  const draftSources = draft
    ? Object.fromEntries(Object.entries(draft).filter(([field, v]) => field !== 'channel' && v != null))
    : {}
  const messages = input.channels.map((channel) => {
    const key = { stage: input.stage, channel, audience: input.audience, locale }
    if (!isTemplateKey(key))
      throw invalid(`The ${input.stage} message is for the team only`, [
        { path: 'audience', message: 'must be internal for this stage' },
      ])
    const isDraft = draft?.channel === channel
    if (isDraft) {
      const problems = templateProblems(key, draftSources)
      if (problems.length > 0) {
        const first = problems[0]!
        throw invalid(
          `The template does not render: ${first.field}, line ${first.line}: ${first.reason}`,
          problems.map((p) => ({ path: `draft.${p.field}`, line: p.line, column: p.column, message: p.reason })),
        )
      }
    }
    const overrides = isDraft ? { ...overridesFor(key, own), ...draftSources } : overridesFor(key, own)
    const message = renderMessage({
      ...key,
      facts,
      brand: loaded.brand,
      overrides,
      signOff: voice.signOff,
    })
    return {
      channel,
      overridden: Object.keys(overrides).length > 0,
      ...message,
      findings: lintDraft(message.text, rules),
    }
  })
  return {
    facts: loaded.source,
    incident_id: input.incident_id ?? null,
    stage: input.stage,
    audience: input.audience,
    locale,
    messages,
  }
}

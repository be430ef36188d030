import { invalid } from '../../domain/app-error.js'
import { type BrandVoice, brandVoiceProblems, defaultLintRules } from '../../domain/template/brand-voice.js'
import { lintDraft } from '../../domain/template/lint-draft.js'
import { lintRulesOf } from '../../domain/template/brand-voice.js'
import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps } from '../context.js'
import { parseInput } from '../parse-input.js'
import { brandVoiceInput, lintInput } from './template-inputs.js'

function voiceView(voice: BrandVoice & { updatedAt: Date | null }) {
  return {
    sign_off: voice.signOff,
    words_to_avoid: voice.wordsToAvoid,
    lint_rules: voice.lintRules ?? defaultLintRules,
    lint_rules_are_default: voice.lintRules === null,
    updated_at: voice.updatedAt,
  }
}

export async function getBrandVoice(deps: AppDeps, ctx: AppContext) {
  requirePermission(ctx, 'page.read')
  return voiceView(await deps.store.forOrg(ctx.orgId).brandVoice.get())
}

/** Changes the fields given; `lint_rules: null` goes back to our list. */
export async function saveBrandVoice(deps: AppDeps, ctx: AppContext, raw: unknown) {
  requirePermission(ctx, 'template.manage')
  const input = parseInput(brandVoiceInput, raw)
  return deps.store.transaction(ctx.orgId, async (tx) => {
    const current = await tx.brandVoice.get()
    const next: BrandVoice = {
      signOff: input.sign_off ?? current.signOff,
      wordsToAvoid: input.words_to_avoid ?? current.wordsToAvoid,
      lintRules: input.lint_rules === undefined ? current.lintRules : input.lint_rules,
    }
    const problems = brandVoiceProblems(next)
    if (problems.length > 0) throw invalid('The brand voice is invalid', problems)
    await tx.brandVoice.put(next, ctx.now, ctx.actor.name)
    return voiceView({ ...next, updatedAt: ctx.now })
  })
}

/** Flags blame-shifting, speculation and the organisation's words to avoid in a draft, with where and why. */
export async function lintMessageDraft(deps: AppDeps, ctx: AppContext, raw: unknown) {
  requirePermission(ctx, 'incident.read')
  const input = parseInput(lintInput, raw)
  const voice = await deps.store.forOrg(ctx.orgId).brandVoice.get()
  return { findings: lintDraft(input.text, lintRulesOf(voice)) }
}

import { invalid, notFound } from '../../domain/app-error.js'
import { isTemplateKey, type TemplateKey } from '../../domain/template/template-key.js'
import { templateProblems } from '../../domain/template/template-problems.js'
import { resolveTemplate } from '../../domain/template/template-overrides.js'
import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps } from '../context.js'
import { parseInput } from '../parse-input.js'
import { templateKeyParams, templateSourcesInput } from './template-inputs.js'
import { templateView } from './template-view.js'

/** A key in the path that names no template is a missing resource, not a bad body. */
function keyOf(rawParams: unknown): TemplateKey {
  const parsed = templateKeyParams.safeParse(rawParams)
  if (!parsed.success || !isTemplateKey(parsed.data)) throw notFound('Template')
  return parsed.data
}

export async function getTemplate(deps: AppDeps, ctx: AppContext, rawParams: unknown) {
  requirePermission(ctx, 'page.read')
  const key = keyOf(rawParams)
  const stored = await deps.store.forOrg(ctx.orgId).templates.get(key)
  return templateView(resolveTemplate(key, stored ? [stored] : []), stored)
}

/** Saves the organisation's version; one that does not parse or render is refused with field, line and reason. */
export async function saveTemplate(deps: AppDeps, ctx: AppContext, rawParams: unknown, raw: unknown) {
  requirePermission(ctx, 'template.manage')
  const key = keyOf(rawParams)
  const input = parseInput(templateSourcesInput, raw)
  const sources = Object.fromEntries(Object.entries(input).filter(([, v]) => v != null))
  const problems = templateProblems(key, sources)
  if (problems.length > 0) {
    const first = problems[0]!
    throw invalid(
      `The template does not render: ${first.field}, line ${first.line}: ${first.reason}`,
      problems.map((p) => ({ path: p.field, line: p.line, column: p.column, message: p.reason })),
    )
  }
  return deps.store.transaction(ctx.orgId, async (tx) => {
    const stored = await tx.templates.put(key, sources, ctx.now, ctx.actor.name)
    return templateView(resolveTemplate(key, [stored]), stored)
  })
}

/** Deletes the organisation's version: the built-in template renders again. */
export async function resetTemplate(deps: AppDeps, ctx: AppContext, rawParams: unknown) {
  requirePermission(ctx, 'template.manage')
  const key = keyOf(rawParams)
  const removed = await deps.store.transaction(ctx.orgId, (tx) => tx.templates.remove(key))
  if (!removed) throw notFound('Own version of this template')
}

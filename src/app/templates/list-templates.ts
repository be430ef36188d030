import { allTemplateKeys, sameKey } from '../../domain/template/template-key.js'
import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps } from '../context.js'
import { parseInput } from '../parse-input.js'
import { listTemplatesQuery } from './template-inputs.js'

/** Every template (stage × channel × audience × locale), saying which the organisation has made its own. */
export async function listTemplates(deps: AppDeps, ctx: AppContext, rawQuery: unknown) {
  requirePermission(ctx, 'page.read')
  const query = parseInput(listTemplatesQuery, rawQuery ?? {})
  const own = await deps.store.forOrg(ctx.orgId).templates.list()
  const templates = allTemplateKeys()
    .filter(
      (k) =>
        (!query.stage || k.stage === query.stage) &&
        (!query.channel || k.channel === query.channel) &&
        (!query.audience || k.audience === query.audience) &&
        (!query.locale || k.locale === query.locale),
    )
    .map((key) => {
      const stored = own.find((o) => sameKey(o, key))
      return {
        ...key,
        overridden: stored !== undefined,
        updated_at: stored?.updatedAt ?? null,
        updated_by: stored?.updatedBy ?? null,
      }
    })
    .filter((t) => query.overridden === undefined || t.overridden === (query.overridden === 'true'))
  return { templates }
}

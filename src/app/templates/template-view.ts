import type { StoredTemplate } from '../../store/message-templates-store.js'
import type { ResolvedTemplate } from '../../domain/template/template-overrides.js'

/** One template as the API shows it: what renders, ours beside it, and what the organisation changed. */
export function templateView(resolved: ResolvedTemplate, stored: StoredTemplate | undefined) {
  return {
    ...resolved.key,
    overridden: resolved.overridden.length > 0,
    overridden_fields: resolved.overridden,
    ...resolved.effective,
    built_in: resolved.builtIn,
    updated_at: stored?.updatedAt ?? null,
    updated_by: stored?.updatedBy ?? null,
  }
}

import type { AffectedComponent } from '../../store/schema/core.js'
import type { OrgStore } from '../../store/store.js'
import { invalid } from '../../domain/app-error.js'

/**
 * Sets the given component statuses as part of an incident update and returns the
 * Statuspage-style record of old → new for the update row.
 */
export async function applyComponentChanges(
  tx: OrgStore,
  input: { incidentId: string; pageId: string | null; changes: { id: string; status: string }[]; now: Date },
): Promise<{ affected: AffectedComponent[]; pageId: string | null }> {
  if (input.changes.length === 0) return { affected: [], pageId: input.pageId }
  const found = await tx.components.getMany(input.changes.map((c) => c.id))
  const missing = input.changes.filter((c) => !found.some((f) => f.id === c.id))
  if (missing.length > 0) {
    throw invalid(
      'The request is invalid',
      missing.map((m) => ({ path: 'components', message: `no such component ${m.id}` })),
    )
  }
  const pageId = input.pageId ?? found[0]!.page_id
  const offPage = found.filter((f) => f.page_id !== pageId)
  if (offPage.length > 0) {
    throw invalid(
      'The request is invalid',
      offPage.map((c) => ({ path: 'components', message: `component ${c.id} is on another status page` })),
    )
  }
  const affected: AffectedComponent[] = []
  for (const change of input.changes) {
    const before = found.find((f) => f.id === change.id)!
    affected.push({ code: before.id, name: before.name, old_status: before.status, new_status: change.status })
    if (before.status !== change.status) {
      await tx.components.update(change.id, { status: change.status }, input.now)
      await tx.components.recordStatusChange({
        componentId: change.id,
        oldStatus: before.status,
        newStatus: change.status,
        incidentId: input.incidentId,
        at: input.now,
      })
    }
  }
  await tx.incidents.attachComponents(
    input.incidentId,
    input.changes.map((c) => c.id),
  )
  return { affected, pageId }
}

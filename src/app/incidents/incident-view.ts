import type { OrgStore } from '../../store/store.js'

/** An incident as the API returns it: the row with its updates (newest first) and affected components. */
export async function loadIncidents(store: OrgStore, rows: Awaited<ReturnType<OrgStore['incidents']['list']>>) {
  const ids = rows.map((r) => r.id)
  const [updates, links] = await Promise.all([
    store.incidents.listUpdates(ids),
    store.incidents.listAffectedComponentIds(ids),
  ])
  return rows.map((row) => ({
    ...row,
    component_ids: links.filter((l) => l.incident_id === row.id).map((l) => l.component_id),
    updates: updates.filter((u) => u.incident_id === row.id),
  }))
}

export type IncidentView = Awaited<ReturnType<typeof loadIncidents>>[number]

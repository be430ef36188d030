import type {
  ImportPlan,
  PlannedComponent,
  PlannedGroup,
  PlannedIncident,
  PlannedMaintenance,
  PlannedPage,
  PlannedSubscriber,
  PlannedUpdate,
} from '../../domain/import/import-plan.js'
import type { Impact } from '../../domain/incident/impact.js'
import type { OrgStore } from '../../store/store.js'
import { newWebhookSecret } from '../subscribers/subscriber-links.js'
import { addressKeyOf } from '../subscribers/subscriber-view.js'
import type { BatchLog } from './import-report.js'

/** The default scale's level for a source's impact (the impact itself is kept as chosen). */
const severityOfImpact: Record<Impact, number> = { none: 1, minor: 2, major: 3, critical: 5 }

function slugBase(wish: string): string {
  const slug = wish
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
  return slug || 'imported'
}

export async function writePage(tx: OrgStore, log: BatchLog, page: PlannedPage, now: Date) {
  const known = log.idOf(page.key)
  if (known && (await tx.pages.update(known, { name: page.name }, now))) return log.count('pages', false)
  const base = slugBase(page.slug)
  const taken = await tx.imports.takenSlugs(base)
  let slug = base
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`
  const row = await tx.pages.create({ slug, name: page.name, ...(page.timeZone ? { timeZone: page.timeZone } : {}) })
  log.remember(page.key, 'status_pages', row.id)
  log.count('pages', true)
}

export async function writeGroup(tx: OrgStore, log: BatchLog, group: PlannedGroup, now: Date) {
  const values = { name: group.name, description: group.description, position: group.position }
  const known = log.idOf(group.key)
  if (known && (await tx.groups.update(known, values, now))) return log.count('groups', false)
  const row = await tx.groups.create({ pageId: log.idOf(group.pageKey)!, ...values })
  log.remember(group.key, 'component_groups', row.id)
  log.count('groups', true)
}

export async function writeComponent(tx: OrgStore, log: BatchLog, c: PlannedComponent, now: Date) {
  const values = {
    groupId: c.groupKey ? (log.idOf(c.groupKey) ?? null) : null,
    name: c.name,
    description: c.description,
    status: c.status,
    position: c.position,
    ...(c.showcase !== undefined ? { showcase: c.showcase } : {}),
    ...(c.onlyShowIfDegraded !== undefined ? { onlyShowIfDegraded: c.onlyShowIfDegraded } : {}),
    ...(c.startDate !== undefined ? { startDate: c.startDate } : {}),
  }
  const known = log.idOf(c.key)
  if (known) {
    const before = await tx.components.get(known)
    if (before && (await tx.components.update(known, values, now))) {
      if (before.status !== c.status)
        await tx.components.recordStatusChange({
          componentId: known,
          oldStatus: before.status,
          newStatus: c.status,
          at: now,
        })
      return log.count('components', false)
    }
  }
  const row = await tx.components.create({ pageId: log.idOf(c.pageKey)!, ...values })
  log.remember(c.key, 'components', row.id)
  log.count('components', true)
}

const componentIds = (log: BatchLog, keys: string[]) => keys.map((k) => log.idOf(k)).filter((id) => id !== undefined)

/** Updates already imported are edited in place; new ones are added with the time the source showed. */
async function writeIncidentUpdates(
  tx: OrgStore,
  log: BatchLog,
  incidentId: string,
  updates: PlannedUpdate[],
  now: Date,
) {
  const known = new Map((await tx.incidents.listUpdates([incidentId])).map((u) => [u.id, u.body]))
  for (const u of updates) {
    const id = log.idOf(u.key)
    if (id && known.has(id)) {
      if (known.get(id) !== u.body) await tx.incidents.editUpdate(incidentId, id, { body: u.body }, now)
      log.count('incident_updates', false)
      continue
    }
    const row = await tx.incidents.addUpdate(incidentId, {
      status: u.status,
      body: u.body,
      affectedComponents: (u.componentChanges ?? []).flatMap((c) => {
        const id = log.idOf(c.componentKey)
        return id ? [{ code: id, name: c.name, old_status: c.oldStatus, new_status: c.newStatus }] : []
      }),
      displayAt: u.at,
      deliverNotifications: false,
      createdBy: 'import',
    })
    log.remember(u.key, 'incident_updates', row.id)
    log.count('incident_updates', true)
  }
}

/** History, written as it was: no process is started and nothing is sent to anyone. */
export async function writeIncident(tx: OrgStore, log: BatchLog, source: string, i: PlannedIncident, now: Date) {
  const values = {
    title: i.title,
    status: i.status,
    impact: i.impact,
    impactChosen: true,
    severity: severityOfImpact[i.impact],
    startedAt: i.startedAt,
    declaredAt: i.startedAt,
    identifiedAt: i.identifiedAt,
    monitoringAt: i.monitoringAt,
    resolvedAt: i.resolvedAt,
  }
  const known = log.idOf(i.key)
  let id = known && (await tx.incidents.update(known, values, now)) ? known : undefined
  log.count('incidents', !id)
  if (!id) {
    const row = await tx.incidents.create({ pageId: log.idOf(i.pageKey)!, createdBy: `import:${source}`, ...values })
    id = row.id
    log.remember(i.key, 'incidents', id)
  }
  await tx.incidents.attachComponents(id, componentIds(log, i.componentKeys))
  await writeIncidentUpdates(tx, log, id, i.updates, now)
}

export async function writeMaintenance(tx: OrgStore, log: BatchLog, m: PlannedMaintenance, now: Date) {
  const values = {
    title: m.title,
    body: m.body,
    status: m.status,
    scheduledFor: m.scheduledFor,
    scheduledUntil: m.scheduledUntil,
    startedAt: m.startedAt,
    completedAt: m.completedAt,
  }
  const known = log.idOf(m.key)
  let id = known && (await tx.maintenances.update(known, values, now)) ? known : undefined
  log.count('maintenances', !id)
  if (!id) {
    const row = await tx.maintenances.create({ pageId: log.idOf(m.pageKey)!, ...values })
    await tx.maintenances.update(row.id, { startedAt: m.startedAt, completedAt: m.completedAt }, now)
    id = row.id
    log.remember(m.key, 'scheduled_maintenances', id)
  }
  await tx.maintenances.setComponents(id, componentIds(log, m.componentKeys))
  const existing = new Set((await tx.maintenances.listUpdates([id])).map((u) => u.id))
  for (const u of m.updates) {
    const updateId = log.idOf(u.key)
    if (updateId && existing.has(updateId)) continue
    const row = await tx.maintenances.addUpdate(id, { status: u.status, body: u.body, at: u.at })
    log.remember(u.key, 'maintenance_updates', row.id)
  }
}

/**
 * Subscribers keep what the source knew: confirmed ones are active at once, the others wait
 * (pending, no confirmation mail queued; nobody is emailed by an import). An address already
 * on the page is linked, never re-subscribed: someone who left stays left.
 */
export async function writeSubscribers(tx: OrgStore, log: BatchLog, batch: PlannedSubscriber[], now: Date) {
  const fresh: PlannedSubscriber[] = []
  const knownIds = batch.flatMap((s) => log.idOf(s.key) ?? [])
  const rows = knownIds.length
    ? new Map((await tx.subscribers.list({ ids: knownIds }, { limit: knownIds.length })).map((r) => [r.id, r]))
    : new Map()
  for (const s of batch) {
    const known = log.idOf(s.key)
    const row = known ? rows.get(known) : undefined
    if (!row) {
      fresh.push(s)
      continue
    }
    const activate = s.isConfirmed && row.state === 'pending'
    const ids = componentIds(log, s.componentKeys)
    const isSame = [...ids].sort().join() === [...row.component_ids].sort().join()
    log.count('subscribers', false)
    if (isSame && !activate) continue
    await tx.subscribers.update(
      row.id,
      { componentIds: ids, ...(activate ? { state: 'active', confirmedAt: now, confirmationExpiresAt: null } : {}) },
      now,
    )
  }
  const inserted = await tx.subscribers.insertMany(
    fresh.map((s) => ({
      pageId: log.idOf(s.pageKey)!,
      channel: s.channel,
      address: s.address,
      addressKey: addressKeyOf(s.channel, s.address),
      componentIds: componentIds(log, s.componentKeys),
      state: s.isConfirmed ? 'active' : 'pending',
      secret: s.channel === 'email' ? null : newWebhookSecret(),
      source: 'import',
      confirmationExpiresAt: null,
      confirmedAt: s.isConfirmed ? now : null,
    })),
  )
  if (inserted.length) log.created.set('subscribers', (log.created.get('subscribers') ?? 0) + inserted.length)
  const made = new Map(inserted.map((r) => [`${r.page_id} ${r.channel} ${r.address_key}`, r.id]))
  for (const s of fresh) {
    const [pageId, addressKey] = [log.idOf(s.pageKey)!, addressKeyOf(s.channel, s.address)]
    const id =
      made.get(`${pageId} ${s.channel} ${addressKey}`) ??
      (await tx.subscribers.findByAddress(pageId, s.channel, addressKey))?.id
    if (id) log.remember(s.key, 'subscribers', id)
  }
  const linked = fresh.length - inserted.length
  if (linked > 0) log.updated.set('subscribers', (log.updated.get('subscribers') ?? 0) + linked)
}

export type StatusPagePlan = Pick<
  ImportPlan,
  'pages' | 'groups' | 'components' | 'incidents' | 'maintenances' | 'subscribers'
>

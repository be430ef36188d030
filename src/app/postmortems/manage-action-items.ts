import { invalid, notFound } from '../../domain/app-error.js'
import { type ActionItemState, nextActionItemReminderAt, todayOf } from '../../domain/postmortem/action-items.js'
import type { OrgStore } from '../../store/store.js'
import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps } from '../context.js'
import { parseInput } from '../parse-input.js'
import { createActionItemInput, listActionItemsQuery, updateActionItemInput } from './postmortem-input.js'
import { actionItemView } from './postmortem-view.js'

/** An owner is a member of the organisation (so a reminder can reach them); their name is kept beside the id. */
async function ownerOf(tx: OrgStore, ownerId: string | null) {
  if (ownerId === null) return { owner_id: null, owner_name: null }
  const [member] = await tx.oncall.people.members([ownerId])
  if (!member)
    throw invalid('The owner must be a member of this organisation', [{ path: 'owner_id', message: 'not a member' }])
  return { owner_id: member.id, owner_name: member.name || member.email }
}

async function itemView(tx: OrgStore, id: string, now: Date) {
  const row = await tx.learning.actionItems.get(id)
  if (!row) throw notFound('Action item')
  return actionItemView(row, now)
}

const changed = (deps: AppDeps, ctx: AppContext, incidentId: string) =>
  deps.events.emit('incident.changed', { orgId: ctx.orgId, incidentId, pageId: null, kind: 'postmortem' })

export async function createActionItem(deps: AppDeps, ctx: AppContext, incidentId: string, raw: unknown) {
  requirePermission(ctx, 'postmortem.write')
  const input = parseInput(createActionItemInput, raw)
  const view = await deps.store.transaction(ctx.orgId, async (tx) => {
    if (!(await tx.incidents.get(incidentId))) throw notFound('Incident')
    const owner = await ownerOf(tx, input.owner_id)
    const id = await tx.learning.actionItems.create({
      incident_id: incidentId,
      title: input.title,
      ...owner,
      due_on: input.due_on,
      tags: input.tags,
      created_at: ctx.now,
      created_by: ctx.actor.name,
      updated_at: ctx.now,
      next_reminder_at: nextActionItemReminderAt({ state: 'open', dueOn: input.due_on, remindedAt: null }),
    })
    return itemView(tx, id, ctx.now)
  })
  changed(deps, ctx, incidentId)
  return view
}

export async function updateActionItem(deps: AppDeps, ctx: AppContext, id: string, raw: unknown) {
  requirePermission(ctx, 'postmortem.write')
  const input = parseInput(updateActionItemInput, raw)
  const view = await deps.store.transaction(ctx.orgId, async (tx) => {
    const current = await tx.learning.actionItems.getForUpdate(id)
    if (!current) throw notFound('Action item')
    const state = (input.state ?? current.state) as ActionItemState
    const dueOn = input.due_on === undefined ? current.due_on : input.due_on
    const isClosing = state !== 'open' && current.state === 'open'
    await tx.learning.actionItems.update(id, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.owner_id !== undefined ? await ownerOf(tx, input.owner_id) : {}),
      ...(input.due_on !== undefined ? { due_on: input.due_on } : {}),
      ...(input.tags !== undefined ? { tags: input.tags } : {}),
      state,
      updated_at: ctx.now,
      ...(isClosing ? { closed_at: ctx.now } : state === 'open' ? { closed_at: null } : {}),
      next_reminder_at: nextActionItemReminderAt({ state, dueOn, remindedAt: current.reminded_at }),
    })
    return itemView(tx, id, ctx.now)
  })
  changed(deps, ctx, view.incident.id)
  return view
}

export async function deleteActionItem(deps: AppDeps, ctx: AppContext, id: string) {
  requirePermission(ctx, 'postmortem.write')
  const incidentId = await deps.store.transaction(ctx.orgId, async (tx) => {
    const row = await tx.learning.actionItems.get(id)
    if (!row || !(await tx.learning.actionItems.remove(id))) throw notFound('Action item')
    return row.incident_id
  })
  changed(deps, ctx, incidentId)
}

export async function getActionItem(deps: AppDeps, ctx: AppContext, id: string) {
  requirePermission(ctx, 'incident.read')
  return itemView(deps.store.forOrg(ctx.orgId), id, ctx.now)
}

/** Action items across incidents: `?state=open&overdue=true` is what is late, soonest due first. */
export async function listActionItems(deps: AppDeps, ctx: AppContext, rawQuery: unknown) {
  requirePermission(ctx, 'incident.read')
  const query = parseInput(listActionItemsQuery, rawQuery ?? {})
  const rows = await deps.store.forOrg(ctx.orgId).learning.actionItems.list({
    limit: query.limit,
    ...(query.state ? { state: query.state } : {}),
    ...(query.overdue !== undefined ? { overdue: { today: todayOf(ctx.now), isOverdue: query.overdue } } : {}),
    ...(query.owner_id ? { ownerId: query.owner_id } : {}),
    ...(query.incident_id ? { incidentId: query.incident_id } : {}),
    ...(query.tag ? { tag: query.tag } : {}),
  })
  return { items: rows.map((r) => actionItemView(r, ctx.now)) }
}

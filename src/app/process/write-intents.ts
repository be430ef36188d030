import type { ProcessIncident } from '../../domain/process/incident-process.js'
import type { OutboxIntent } from '../../domain/process/process-commands.js'
import { responders } from '../../domain/process/incident-roles.js'
import type { Executor } from '../../store/schema/index.js'
import type { ProcessOutboxWrite } from '../../store/process-outbox-store.js'
import type { OrgStore } from '../../store/store.js'
import type { AppContext, AppDeps } from '../context.js'

/** Update ids this module is publishing right now: its own hook must not record them twice. */
export const publishingUpdateIds = new Set<string>()

/**
 * Public messages become incident updates (status page, subscribers through the existing
 * hooks); everything else becomes a process outbox row, in the same transaction.
 */
export async function writeIntents(
  deps: AppDeps,
  ctx: AppContext,
  tx: OrgStore,
  raw: Executor,
  incident: ProcessIncident,
  previousStatus: string,
  intents: readonly OutboxIntent[],
): Promise<{ publishedUpdate: boolean }> {
  const rows: ProcessOutboxWrite[] = []
  let publishedUpdate = false
  const groups = intents.some((i) => i.kind === 'notify_stakeholders')
    ? await tx.process.config.listStakeholderGroups()
    : []
  for (const intent of intents) {
    if (intent.kind === 'message' && intent.audience === 'public') {
      await publishUpdate(deps, ctx, tx, raw, incident.id, previousStatus, intent.status, intent.text)
      publishedUpdate = true
    } else if (intent.kind === 'message') {
      const team = [
        ...responders(incident.checkIns).map((c) => c.person),
        ...incident.roles.flatMap((r) => (r.primary ? [r.primary] : [])),
      ]
      const recipients = [...new Map(team.map((p) => [p.id, p])).values()]
      rows.push({
        incidentId: incident.id,
        kind: 'team_message',
        dueAt: ctx.now,
        payload: { stage: intent.stage, status: intent.status, text: intent.text, isDrill: intent.isDrill, recipients },
      })
    } else if (intent.kind === 'notify_stakeholders') {
      const addressed = groups.filter((g) => (intent.groups as readonly string[]).includes(g.key))
      rows.push({
        incidentId: incident.id,
        kind: 'stakeholder_notification',
        dueAt: ctx.now,
        payload: {
          event: intent.event,
          groups: intent.groups,
          text: intent.text,
          isDrill: intent.isDrill,
          // A drill's notices go to the response team only; the groups are named, not reached.
          recipients: intent.isDrill
            ? []
            : addressed.map((g) => ({ group: g.key, emails: g.emails, webhookUrl: g.webhook_url })),
        },
      })
    } else {
      rows.push({
        incidentId: incident.id,
        kind: 'person_notification',
        dueAt: ctx.now,
        payload: {
          person: intent.person,
          role: intent.role,
          reason: intent.reason,
          text: intent.text,
          isDrill: intent.isDrill,
        },
      })
    }
  }
  await tx.process.outbox.enqueue(rows, ctx.now)
  return { publishedUpdate }
}

async function publishUpdate(
  deps: AppDeps,
  ctx: AppContext,
  tx: OrgStore,
  raw: Executor,
  incidentId: string,
  previousStatus: string,
  status: string,
  body: string,
) {
  const update = await tx.incidents.addUpdate(incidentId, {
    status,
    body,
    createdBy: ctx.actor.name,
    displayAt: ctx.now,
  })
  const row = (await tx.incidents.get(incidentId))!
  publishingUpdateIds.add(update.id)
  try {
    for (const hook of deps.hooks.incidentUpdatePublished) {
      await hook(raw, ctx, { incident: row, update, previousStatus, componentIds: [] })
    }
  } finally {
    publishingUpdateIds.delete(update.id)
  }
}

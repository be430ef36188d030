import type { ProcessIncident } from '../../domain/process/incident-process.js'
import { responders } from '../../domain/process/incident-roles.js'
import type { OutboxIntent } from '../../domain/process/process-commands.js'
import type { NoticeContent } from '../../domain/template/notice-message.js'
import type { MessageWrite } from '../../store/messages-store.js'
import type { Executor } from '../../store/schema/index.js'
import type { OrgStore } from '../../store/store.js'
import type { AppContext, AppDeps } from '../context.js'

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Public messages become incident updates (status page, subscribers through the update
 * hooks); everything else becomes outbox rows, one per recipient, in the same transaction.
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
  const rows: MessageWrite[] = []
  let publishedUpdate = false
  const groups = intents.some((i) => i.kind === 'notify_stakeholders')
    ? await tx.process.config.listStakeholderGroups()
    : []
  const emailOf = await emailsOf(tx, intents, incident)
  const content = (text: string, isDrill: boolean, extra: Partial<NoticeContent>) => ({
    incidentTitle: incident.title,
    text,
    isDrill,
    ...extra,
  })
  const row = (kind: MessageWrite['kind'], channel: MessageWrite['channel'], address: string, body: object) => ({
    kind,
    channel,
    address,
    incidentId: incident.id,
    content: body as Record<string, unknown>,
    dueAt: ctx.now,
  })
  for (const intent of intents) {
    if (intent.kind === 'message' && intent.audience === 'public') {
      await publishUpdate(deps, ctx, tx, raw, incident.id, previousStatus, intent.status, intent.text)
      publishedUpdate = true
    } else if (intent.kind === 'message') {
      const body = content(intent.text, intent.isDrill, { stage: intent.stage })
      const team = teamOf(incident).filter((p) => emailOf.has(p.id))
      for (const person of team) {
        rows.push(row('team_notice', 'email', emailOf.get(person.id)!, { ...body, personId: person.id }))
      }
      // Nobody to tell is shown as a failed message, not dropped: the gap is the news.
      if (team.length === 0) {
        rows.push({ ...row('team_notice', 'email', '', body), failedBecause: 'nobody is on the team yet' })
      }
    } else if (intent.kind === 'notify_stakeholders') {
      // A drill's notices go to the response team only; the groups are named, not reached.
      if (intent.isDrill) continue
      const body = content(intent.text, false, { event: intent.event })
      for (const key of intent.groups) {
        const group = groups.find((g) => g.key === key)
        const addressed = { ...body, group: key }
        for (const email of group?.emails ?? []) rows.push(row('stakeholder_notice', 'email', email, addressed))
        if (group?.webhook_url) rows.push(row('stakeholder_notice', 'webhook', group.webhook_url, addressed))
        if (!group?.emails.length && !group?.webhook_url) {
          const failedBecause = `the stakeholder group "${key}" has no email address or webhook set`
          rows.push({ ...row('stakeholder_notice', 'email', '', addressed), failedBecause })
        }
      }
    } else {
      const body = content(intent.text, intent.isDrill, { reason: intent.reason, role: intent.role })
      const email = intent.person ? emailOf.get(intent.person.id) : undefined
      rows.push({
        ...row('role_notice', 'email', email ?? '', {
          ...body,
          person: intent.person,
          personId: intent.person?.id ?? null,
        }),
        ...(email
          ? {}
          : { failedBecause: intent.person ? 'this person has no email address here' : 'nobody holds this role' }),
      })
    }
  }
  await tx.messages.enqueue(rows, ctx.now)
  return { publishedUpdate }
}

function teamOf(incident: ProcessIncident) {
  const team = [
    ...responders(incident.checkIns).map((c) => c.person),
    ...incident.roles.flatMap((r) => (r.primary ? [r.primary] : [])),
  ]
  return [...new Map(team.map((p) => [p.id, p])).values()]
}

/** The email of everyone these intents reach, read once in the transaction. */
async function emailsOf(tx: OrgStore, intents: readonly OutboxIntent[], incident: ProcessIncident) {
  const ids = new Set<string>()
  for (const intent of intents) {
    if (intent.kind === 'message' && intent.audience !== 'public') for (const p of teamOf(incident)) ids.add(p.id)
    if (intent.kind === 'notify_person' && intent.person) ids.add(intent.person.id)
  }
  const members = await tx.oncall.people.members([...ids].filter((id) => uuidPattern.test(id)))
  return new Map(members.map((m) => [m.id, m.email]))
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
  for (const hook of deps.hooks.incidentUpdatePublished) {
    await hook(raw, ctx, { incident: row, update, previousStatus, componentIds: [], origin: 'process' })
  }
}

import { sql } from 'kysely'
import { enqueueAccountMail, invitationMail } from '../../src/app/accounts/account-mail.js'
import { systemContext } from '../../src/app/context.js'
import { createIncident } from '../../src/app/incidents/create-incident.js'
import { addContactMethod } from '../../src/app/oncall/manage-contact-methods.js'
import { createEscalationPolicy } from '../../src/app/oncall/manage-escalation-policies.js'
import { pageEscalationPolicy } from '../../src/app/oncall/page-escalation-policy.js'
import { declareIncident } from '../../src/app/process/decide-triage.js'
import { assignRole } from '../../src/app/process/manage-responders.js'
import { putStakeholderGroup, updateProcessSettings } from '../../src/app/process/manage-process-config.js'
import { openTriageIncident } from '../../src/app/process/open-triage-incident.js'
import { keyFor } from '../../src/delivery/worker/message-composer.js'
import type { ClaimedDelivery, DeliveryKind } from '../../src/delivery/worker/outbox-port.js'
import type { openPlace } from '../subscribers/crash-helpers.js'

type Place = Awaited<ReturnType<typeof openPlace>>

export interface EveryKindCounts {
  subscribers: number
  pages: number
  incidents: number
  accountMails: number
}

/**
 * An outbox holding every kind of message at once, written by the use cases that queue them:
 * an update to `subscribers` email subscribers, pages to 20 people (email, and webhook for
 * some), stakeholder notices, role notices and a freeze webhook from declared incidents, and
 * account mail. Webhooks go to `webhookUrl`.
 */
export async function seedEveryKind(
  place: Place,
  orgId: string,
  pageId: string,
  counts: EveryKindCounts,
  webhookUrl: string,
) {
  const { deps } = place
  const ctx = systemContext(orgId, new Date(), 'outage test')
  const db = deps.store.db
  const people = await sql<{ id: string; email: string }>`
    WITH made AS (
      INSERT INTO users (email, name)
      SELECT 'person' || g || '-' || ${orgId}::text || '@example.test', 'Person ' || g FROM generate_series(1, 20) g
      RETURNING id, email
    ), joined AS (
      INSERT INTO memberships (org_id, user_id, role) SELECT ${orgId}::uuid, id, 'responder' FROM made RETURNING user_id
    )
    SELECT made.id, made.email FROM made JOIN joined ON joined.user_id = made.id`.execute(db)
  for (const [i, person] of people.rows.entries()) {
    await addContactMethod(deps, ctx, { user_id: person.id, kind: 'email', address: person.email })
    if (i % 4 === 0)
      await addContactMethod(deps, ctx, { user_id: person.id, kind: 'webhook', address: `${webhookUrl}/page/${i}` })
  }
  const policy = await createEscalationPolicy(deps, ctx, {
    name: 'Everyone',
    levels: [{ ack_timeout_minutes: 600, targets: people.rows.map((p) => ({ type: 'user', id: p.id })) }],
  })
  for (let i = 0; i < counts.pages; i++)
    await pageEscalationPolicy(deps, ctx, { policyId: policy.id, summary: `Page ${i}` })

  await updateProcessSettings(deps, ctx, { freeze_webhook_url: `${webhookUrl}/freeze` })
  const emails = Array.from({ length: 100 }, (_, i) => `exec${i}@example.test`)
  await putStakeholderGroup(deps, ctx, 'management', { name: 'Management', emails, webhook_url: `${webhookUrl}/mgmt` })
  const lead = { id: people.rows[0]!.id, name: 'Person 1' }
  const second = { id: people.rows[1]!.id, name: 'Person 2' }
  for (let i = 0; i < counts.incidents; i++) {
    const opened = await openTriageIncident(deps, ctx, {
      title: `Outage ${i}`,
      severity: 5,
      roles: [{ role: 'incident_lead', person: lead }],
    })
    await declareIncident(deps, ctx, opened.incident_id, { override_reason: 'outage test' })
    // A role handed to someone is a role notice to them.
    await assignRole(deps, ctx, opened.incident_id, 'communications_lead', { person: second })
  }
  for (let i = 0; i < counts.accountMails; i++) {
    const mail = invitationMail({
      to: `invitee${i}@example.test`,
      orgId,
      orgName: 'Crash test',
      inviterName: 'Owner',
      role: 'viewer',
      url: `http://status.crash.test/invitations/accept?token=t${i}`,
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    await enqueueAccountMail(db, mail, new Date())
  }
  await createIncident(deps, ctx, { title: 'Checkout errors', page_id: pageId, body: 'Some payments fail.' })
}

/** Every queued message that can be sent (not refused at queue time), with the key it must arrive under. */
export async function expectedMessages(place: Place) {
  const rows = await place.deps.store.db
    .selectFrom('deliveries')
    .select(['id', 'kind', 'channel', 'update_id', 'subscriber_id'])
    // A notice with nobody to send it to was refused when queued (no address): not a message to deliver.
    .where((eb) => eb.or([eb('address', 'is', null), eb('address', '<>', '')]))
    .execute()
  return rows.map((r) => ({
    kind: r.kind,
    channel: r.channel,
    key: keyFor(place.deps.secret, {
      id: String(r.id),
      kind: r.kind as DeliveryKind,
      updateId: r.update_id,
      subscriberId: r.subscriber_id,
      channel: r.channel,
    } as ClaimedDelivery),
  }))
}

/** How each kind stands now, as the API shows it. */
export async function statesByKind(place: Place, orgId: string) {
  const { messages } = { messages: await place.deps.store.forOrg(orgId).messages.list({ limit: 1_000_000 }) }
  const states: Record<string, Record<string, number>> = {}
  for (const m of messages) {
    states[m.kind] ??= {}
    states[m.kind]![m.status] = (states[m.kind]![m.status] ?? 0) + 1
  }
  return states
}

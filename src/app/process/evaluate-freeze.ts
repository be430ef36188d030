import type { IncidentStatus } from '../../domain/incident/incident-status.js'
import { freezeTransition, marketingFreeze, type FreezeState } from '../../domain/process/marketing-freeze.js'
import type { ProcessPolicy } from '../../domain/process/process-policy.js'
import type { OrgStore } from '../../store/store.js'

export async function currentFreeze(tx: OrgStore, policy: ProcessPolicy): Promise<FreezeState> {
  const candidates = await tx.process.freeze.freezeCandidates()
  return marketingFreeze(
    policy.freeze,
    candidates.map((c) => ({
      id: c.id,
      title: c.title,
      status: c.status as IncidentStatus,
      severity: c.severity,
      isDrill: c.is_drill,
      qualifyingSince: c.since,
    })),
  )
}

/** After any change: if the organisation's freeze flipped, remember it and queue the webhook. */
export async function evaluateFreeze(tx: OrgStore, policy: ProcessPolicy, now: Date): Promise<void> {
  const after = await currentFreeze(tx, policy)
  const stored = await tx.process.freeze.freezeStateForUpdate()
  const before: FreezeState = stored.is_frozen
    ? { isFrozen: true, since: stored.since ?? stored.changed_at, incidents: [] }
    : { isFrozen: false }
  const edge = freezeTransition(before, after)
  if (edge === null) return
  await tx.process.freeze.setFreezeState(after.isFrozen, after.isFrozen ? after.since : null, now)
  const settings = await tx.process.config.getSettings()
  const url = settings?.freeze_webhook_url
  // Without a webhook the freeze is still queryable (GET /api/process/freeze); nothing to send.
  if (!url) return
  const body = after.isFrozen
    ? {
        event: 'marketing.freeze',
        frozen: true,
        since: after.since.toISOString(),
        incidents: after.incidents.map((i) => ({ ...i, since: i.since.toISOString() })),
      }
    : { event: 'marketing.unfreeze', frozen: false, at: now.toISOString() }
  await tx.messages.enqueue(
    [
      {
        kind: 'freeze_webhook',
        channel: 'webhook',
        address: url,
        incidentId: after.isFrozen ? (after.incidents[0]?.id ?? null) : null,
        content: { event: edge, body },
        dueAt: now,
      },
    ],
    now,
  )
}

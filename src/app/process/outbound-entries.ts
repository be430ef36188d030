import type { TimelineEntry } from '../../domain/process/timeline.js'
import type { OrgStore } from '../../store/store.js'

const system = { kind: 'system' as const, id: 'outbox', name: 'outbox' }

/** The incident's outbound messages as timeline entries, each with how its delivery goes now. */
export async function outboundEntries(tx: OrgStore, incidentId: string): Promise<(TimelineEntry & { id: string })[]> {
  const rows = await tx.messages.summaryForIncident(incidentId)
  return rows.map((r, i) => ({
    id: `outbox-${i}`,
    type: 'outbound_message',
    kind: r.kind,
    channel: r.channel,
    stage: r.stage,
    updateId: r.update_id,
    delivery: {
      total: Number(r.total),
      sent: Number(r.sent),
      queued: Number(r.queued),
      retrying: Number(r.retrying),
      failed: Number(r.failed),
      skipped: Number(r.skipped),
    },
    lastError: r.last_error,
    at: r.queued_at,
    actor: system,
  }))
}

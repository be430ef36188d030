import type { AppDeps } from '../app/context.js'
import { pageEscalationPolicy } from '../app/oncall/page-escalation-policy.js'
import { respondToAlertPages } from '../app/oncall/respond-to-page.js'
import { followUpdatesForContactTasks } from '../app/key-customers/follow-updates-for-contact-tasks.js'
import { followIncidentUpdates } from '../app/process/follow-incident-updates.js'
import { enqueueOnUpdatePublished } from '../app/subscribers/enqueue-update-deliveries.js'
import type { StatusPagesRuntime } from '../http/status-page/runtime.js'

/**
 * What runs inside a change's own transaction (so its outbox rows commit with it or not at
 * all), and what follows a commit: snapshots rebuilt, the outbox woken.
 */
export function wireHooks(deps: AppDeps, statusPages: StatusPagesRuntime): void {
  // The process follows an update first, then its subscribers' messages are queued, then key-customer
  // task holders are reminded (and newly affected customers get their task).
  deps.hooks.incidentUpdatePublished.push(
    followIncidentUpdates(deps),
    enqueueOnUpdatePublished,
    followUpdatesForContactTasks,
  )

  // A routing rule's page opens in the alert's own transaction; on-call answers with the page id.
  deps.hooks.alertPageRequested.push(async (tx, ctx, request) => {
    const { alert } = request
    return pageEscalationPolicy(
      deps,
      ctx,
      {
        policyId: request.escalationPolicyId,
        summary: request.summary ?? alert.summary,
        details: `${alert.severity} alert from ${alert.source} (${alert.dedup_key})`,
        alertId: alert.id,
        incidentId: request.incidentId,
        groupKey: request.groupKey ?? null,
      },
      tx,
    )
  })
  // Alertmanager "resolved", PagerDuty resolve/acknowledge: nobody is woken for what the source already settled.
  deps.hooks.alertStatusChanged.push(async (tx, ctx, { alertId, status }) => {
    await respondToAlertPages(deps, ctx, alertId, status === 'resolved' ? 'resolve' : 'acknowledge', tx)
  })

  // Emitted after commit, so the rows are there for the snapshot and the worker.
  deps.events.on('page.changed', ({ pageId }) => pageId && statusPages.cache.changed(pageId))
  deps.events.on('incident.changed', ({ pageId, kind }) => {
    if (pageId) statusPages.cache.changed(pageId)
    // A delivery's new state comes from the worker itself: nothing new to send.
    if (kind !== 'delivery') deps.outbox.wake()
  })
}

import type { Feature } from '../../features.js'
import { oncallJobsService } from '../../jobs/oncall-jobs-service.js'
import { pageEscalationPolicy } from './page-escalation-policy.js'
import { createPagingChannels } from './paging-channels.js'
import { respondToAlertPages } from './respond-to-page.js'

/**
 * On-call in the running product: a routing rule's `page` action opens a page in the alert's
 * own transaction, the alert's acknowledge/resolve settles it in theirs, and one background
 * service advances escalation timers and sends pages.
 */
export const oncallFeature: Feature = {
  name: 'oncall',
  setup(deps) {
    // Answers with the page id (null when the policy no longer exists), which intake keeps on the alert.
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
    // Alertmanager "resolved", PagerDuty resolve/acknowledge: nobody should be woken for what the source already settled.
    deps.hooks.alertStatusChanged.push(async (tx, ctx, { alertId, status }) => {
      await respondToAlertPages(deps, ctx, alertId, status === 'resolved' ? 'resolve' : 'acknowledge', tx)
    })
  },
  services(deps, config) {
    return [oncallJobsService(deps, createPagingChannels(config), deps.clock)]
  },
}

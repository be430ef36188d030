import type { AlertStateRow } from '../../store/alerts-store.js'
import type { Executor } from '../../store/schema/index.js'
import type { AppContext, AppDeps } from '../context.js'

/**
 * Asks on-call (the alertPageRequested hooks) to page each policy, in the caller's transaction,
 * and says what became of each request. Without an on-call module the request stays on the
 * alert for people to act on. With a group key, on-call pages once per group.
 */
export async function requestPages(
  deps: AppDeps,
  ctx: AppContext,
  rawTx: Executor,
  input: {
    policyIds: readonly string[]
    alert: AlertStateRow
    incidentId: string | null
    summary?: string
    groupKey: string | null
  },
): Promise<Record<string, unknown>[]> {
  const { alert, incidentId, groupKey } = input
  const pages: Record<string, unknown>[] = []
  for (const escalationPolicyId of input.policyIds) {
    const answers = []
    for (const hook of deps.hooks.alertPageRequested) {
      answers.push(
        await hook(rawTx, ctx, {
          escalationPolicyId,
          alert,
          incidentId,
          ...(input.summary !== undefined ? { summary: input.summary } : {}),
          ...(groupKey !== null ? { groupKey } : {}),
        }),
      )
    }
    const pageId = answers.find((a): a is string => typeof a === 'string')
    const status =
      deps.hooks.alertPageRequested.length === 0
        ? 'not_delivered_no_oncall'
        : pageId
          ? 'paged'
          : answers.includes(null)
            ? 'not_paged'
            : 'requested'
    pages.push({ escalation_policy_id: escalationPolicyId, status, ...(pageId ? { page_id: pageId } : {}) })
  }
  return pages
}

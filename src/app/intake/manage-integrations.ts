import { z } from 'zod'
import { requirePermission } from '../authorize.js'
import { nameSchema } from '../common-schemas.js'
import type { AppContext, AppDeps } from '../context.js'
import { notFound } from '../../domain/app-error.js'
import { parseInput } from '../parse-input.js'
import { forgetIntegrationKeys } from './find-integration.js'
import { integrationConfig, intakeKindSchema } from './integration-config.js'
import { hashIntegrationKey, keyHint, newIntegrationKey } from './integration-keys.js'

export const createIntegrationInput = z.strictObject({
  kind: intakeKindSchema,
  name: nameSchema,
  config: integrationConfig.default({}),
})

interface IntegrationRow {
  id: string
  kind: string
  name: string
  key_hint: string
  config: Record<string, unknown>
  created_at: Date
}

/** Where the tool sends its alerts; the key itself is shown only when the integration is created. */
export function intakeAddress(
  deps: Pick<AppDeps, 'baseUrl'>,
  kind: string,
  key: string,
): { url?: string; email?: string; routing_key?: string } {
  switch (kind) {
    case 'alertmanager':
      return { url: `${deps.baseUrl}/api/intake/alertmanager/${key}` }
    case 'webhook':
      return { url: `${deps.baseUrl}/api/intake/webhook/${key}` }
    case 'pagerduty':
      return { url: `${deps.baseUrl}/v2/enqueue`, routing_key: key }
    default:
      return { email: `${key}@${new URL(deps.baseUrl).hostname}` }
  }
}

function view(row: IntegrationRow) {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    key_hint: row.key_hint,
    config: row.config,
    created_at: row.created_at,
  }
}

export async function createIntegration(deps: AppDeps, ctx: AppContext, raw: unknown) {
  requirePermission(ctx, 'integration.manage')
  const input = parseInput(createIntegrationInput, raw)
  const key = newIntegrationKey()
  // The transaction's result is what the audit row keeps: the view, never the key.
  const created = await deps.store.transaction(ctx.orgId, async (tx) =>
    view(
      await tx.integrations.create({
        kind: input.kind,
        name: input.name,
        keyHash: hashIntegrationKey(key),
        keyHint: keyHint(key),
        config: input.config,
      }),
    ),
  )
  return { ...created, key, ...intakeAddress(deps, created.kind, key) }
}

export async function listIntegrations(deps: AppDeps, ctx: AppContext) {
  requirePermission(ctx, 'alert.read')
  return (await deps.store.forOrg(ctx.orgId).integrations.list()).map(view)
}

export async function getIntegration(deps: AppDeps, ctx: AppContext, id: string) {
  requirePermission(ctx, 'alert.read')
  const row = await deps.store.forOrg(ctx.orgId).integrations.get(id)
  if (!row) throw notFound('Integration')
  return view(row)
}

/** Its alerts and events go with it; the key stops working at once on this node, within seconds on others. */
export async function deleteIntegration(deps: AppDeps, ctx: AppContext, id: string) {
  requirePermission(ctx, 'integration.manage')
  const removed = await deps.store.transaction(ctx.orgId, (tx) => tx.integrations.remove(id))
  if (!removed) throw notFound('Integration')
  forgetIntegrationKeys(deps)
}

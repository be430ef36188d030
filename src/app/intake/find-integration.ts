import type { AppDeps } from '../context.js'
import { hashIntegrationKey } from './integration-keys.js'

export interface IntakeIntegration {
  id: string
  org_id: string
  kind: string
  name: string
  config: Record<string, unknown>
}

const TTL_MS = 5_000
const MAX_ENTRIES = 10_000

// Every alert carries its key; a short cache spares the database one query per alert.
// Misses are cached too, so a flood of unknown keys does not become a flood of queries.
export async function findIntegrationByKey(
  deps: Pick<AppDeps, 'store' | 'intake'>,
  key: string,
  nowMs = Date.now(),
): Promise<IntakeIntegration | null> {
  if (key.length === 0 || key.length > 128) return null
  const hash = hashIntegrationKey(key)
  const cache = deps.intake.integrations
  const hit = cache.get(hash)
  if (hit && hit.until > nowMs) return hit.integration
  const row = await deps.store.integrationKeys.findByKeyHash(hash)
  const integration = row
    ? { id: row.id, org_id: row.org_id, kind: row.kind, name: row.name, config: row.config }
    : null
  if (cache.size >= MAX_ENTRIES) cache.clear()
  cache.set(hash, { integration, until: nowMs + TTL_MS })
  return integration
}

/** After a create or delete: this node sees the change at once. */
export function forgetIntegrationKeys(deps: Pick<AppDeps, 'intake'>) {
  deps.intake.integrations.clear()
}

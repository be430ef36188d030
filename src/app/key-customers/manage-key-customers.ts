import { invalid, notFound } from '../../domain/app-error.js'
import type { OrgStore } from '../../store/store.js'
import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps } from '../context.js'
import { parseInput } from '../parse-input.js'
import { createKeyCustomerInput, updateKeyCustomerInput } from './key-customer-input.js'
import { keyCustomerView } from './key-customer-view.js'

/** A customer depends on components of this organisation only: any other id is named as the problem. */
export async function checkComponents(tx: OrgStore, ids: readonly string[], path = 'component_ids') {
  const found = new Set((await tx.components.getMany([...new Set(ids)])).map((c) => c.id))
  const unknown = ids.filter((id) => !found.has(id))
  if (unknown.length > 0)
    throw invalid('The request is invalid', [{ path, message: `no such component: ${unknown.join(', ')}` }])
}

async function customerView(tx: OrgStore, id: string) {
  const row = await tx.keyCustomers.get(id)
  if (!row) throw notFound('Key customer')
  return keyCustomerView(row)
}

export async function listKeyCustomers(deps: AppDeps, ctx: AppContext) {
  requirePermission(ctx, 'customer.read')
  const rows = await deps.store.forOrg(ctx.orgId).keyCustomers.list()
  return { key_customers: rows.map(keyCustomerView) }
}

export async function getKeyCustomer(deps: AppDeps, ctx: AppContext, id: string) {
  requirePermission(ctx, 'customer.read')
  return customerView(deps.store.forOrg(ctx.orgId), id)
}

export async function createKeyCustomer(deps: AppDeps, ctx: AppContext, raw: unknown) {
  requirePermission(ctx, 'customer.manage')
  const input = parseInput(createKeyCustomerInput, raw)
  return deps.store.transaction(ctx.orgId, async (tx) => {
    await checkComponents(tx, input.component_ids)
    const { component_ids, ...values } = input
    const id = await tx.keyCustomers.create({ ...values, created_at: ctx.now, updated_at: ctx.now }, component_ids)
    return customerView(tx, id)
  })
}

export async function updateKeyCustomer(deps: AppDeps, ctx: AppContext, id: string, raw: unknown) {
  requirePermission(ctx, 'customer.manage')
  const input = parseInput(updateKeyCustomerInput, raw)
  return deps.store.transaction(ctx.orgId, async (tx) => {
    if (input.component_ids) await checkComponents(tx, input.component_ids)
    const { component_ids, ...patch } = input
    if (!(await tx.keyCustomers.update(id, { ...patch, updated_at: ctx.now }, component_ids)))
      throw notFound('Key customer')
    return customerView(tx, id)
  })
}

/** Its tasks stay on their incidents, with the name and terms they were made with. */
export async function deleteKeyCustomer(deps: AppDeps, ctx: AppContext, id: string) {
  requirePermission(ctx, 'customer.manage')
  await deps.store.transaction(ctx.orgId, async (tx) => {
    if (!(await tx.keyCustomers.remove(id))) throw notFound('Key customer')
  })
}

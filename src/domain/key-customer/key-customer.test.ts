import { describe, expect, it } from 'vitest'
import { affectedCustomers } from './key-customer.js'

const customer = (id: string, componentIds: string[], isAffectedByEveryIncident = false) => ({
  id,
  name: id,
  notifyWithinMinutes: 30,
  isAffectedByEveryIncident,
  componentIds,
})

describe('which key customers an incident affects', () => {
  const customers = [customer('api user', ['api']), customer('dashboard user', ['web']), customer('all in', [], true)]

  it('are those depending on one of its components, and those affected by every incident', () => {
    expect(affectedCustomers(customers, ['api', 'db']).map((c) => c.id)).toEqual(['api user', 'all in'])
  })

  it('are only the every-incident customers while no component is named yet', () => {
    expect(affectedCustomers(customers, []).map((c) => c.id)).toEqual(['all in'])
  })
})

import type { FastifyInstance } from 'fastify'
import { addPerson } from '../accounts/accounts-fixtures.js'
import type { TestApp, TestOrg } from '../support/test-app.js'

export interface Populated {
  /** The body each create route was called with: isolation attempts reuse them, so they get past validation. */
  bodies: Map<string, unknown>
  personId: string
}

/**
 * One of (nearly) everything a tenant can own, made through the API as that tenant's owner.
 * A new feature adds its objects here; the isolation test fails for any route whose object
 * this does not create (it says which).
 */
export async function populateTenant(t: TestApp, org: TestOrg, tag: string): Promise<Populated> {
  const bodies = new Map<string, unknown>()
  const app: FastifyInstance = t.app
  const call = async (method: 'POST' | 'PUT' | 'PATCH', url: string, route: string, payload: unknown) => {
    bodies.set(`${method} ${route}`, payload)
    const response = await app.inject({ method, url, headers: org.auth, payload: payload as object })
    if (response.statusCode >= 300)
      throw new Error(`populate ${method} ${url}: ${response.statusCode} ${response.payload}`)
    // biome-ignore lint/suspicious/noExplicitAny: the sweep reads ids out of every kind of answer
    return response.json() as Record<string, any>
  }
  const at = (hours: number) => new Date(t.clock.now.getTime() + hours * 3_600_000).toISOString()

  const person = await addPerson(t, org.id, 'responder', { email: `${tag}-responder@example.com` })
  const page = await call('POST', '/api/pages', '/api/pages', { slug: `${tag}-page`, name: `${tag} page` })
  const group = await call('POST', '/api/component-groups', '/api/component-groups', { page_id: page.id, name: 'Core' })
  const component = await call('POST', '/api/components', '/api/components', {
    page_id: page.id,
    group_id: group.id,
    name: 'API',
  })
  await call('POST', '/api/key-customers', '/api/key-customers', {
    name: `${tag} customer`,
    notify_within_minutes: 30,
    contacts: [{ name: 'Hank', email: `${tag}-hank@example.com` }],
    component_ids: [component.id],
  })
  const incident = await call('POST', '/api/incidents', '/api/incidents', {
    title: `${tag} incident`,
    page_id: page.id,
    body: 'We are investigating.',
    components: [{ id: component.id, status: 'partial_outage' }],
  })
  await call('POST', `/api/incidents/${incident.id}/updates`, '/api/incidents/{id}/updates', {
    status: 'identified',
    body: 'Found it.',
  })
  const incidentPath = `/api/incidents/${incident.id}`
  const tasks = await app.inject({ url: `${incidentPath}/contact-tasks`, headers: org.auth })
  await call('PATCH', `/api/contact-tasks/${tasks.json().tasks[0].id}`, '/api/contact-tasks/{id}', {
    ticket_id: 'ZD-1',
  })
  await call('POST', `${incidentPath}/postmortem`, '/api/incidents/{id}/postmortem', {})
  await call('PATCH', `${incidentPath}/postmortem`, '/api/incidents/{id}/postmortem', {
    public: { root_cause: 'A bad deploy' },
    contributing_factors: [{ category: 'deployment', area: 'api' }],
  })
  await call('POST', `${incidentPath}/action-items`, '/api/incidents/{id}/action-items', {
    title: 'Add a canary',
    owner_id: person.id,
    due_on: '2026-12-01',
  })
  await call(
    'POST',
    `${incidentPath}/scorecard/items/incident_lead.record_kept`,
    '/api/incidents/{id}/scorecard/items/{key}',
    { status: 'met', note: 'The timeline reads well' },
  )
  await call('POST', '/api/maintenances', '/api/maintenances', {
    page_id: page.id,
    title: 'Upgrade',
    scheduled_for: at(24),
    scheduled_until: at(26),
  })
  const integration = await call('POST', '/api/integrations', '/api/integrations', {
    kind: 'webhook',
    name: 'Monitoring',
  })
  await call('POST', '/api/routing-rules', '/api/routing-rules', {
    name: 'Open incidents',
    actions: [{ type: 'open_incident' }],
  })
  await call('POST', '/api/process/incidents', '/api/process/incidents', { title: `${tag} triage` })
  const schedule = await call('POST', '/api/schedules', '/api/schedules', {
    name: 'Primary',
    time_zone: 'Europe/Berlin',
  })
  await call('POST', `/api/schedules/${schedule.id}/overrides`, '/api/schedules/{id}/overrides', {
    user_id: person.id,
    start_at: at(1),
    end_at: at(9),
  })
  const policy = await call('POST', '/api/escalation-policies', '/api/escalation-policies', {
    name: 'Default',
    levels: [{ ack_timeout_minutes: 15, targets: [{ type: 'user', id: person.id }] }],
  })
  await call('POST', '/api/contact-methods', '/api/contact-methods', {
    user_id: person.id,
    kind: 'email',
    address: `${tag}-responder@example.com`,
  })
  await call('POST', '/api/oncall-pages', '/api/oncall-pages', {
    escalation_policy_id: policy.id,
    summary: 'Disk full',
  })
  await call('POST', `/api/pages/${page.id}/subscribers`, '/api/pages/{id}/subscribers', {
    address: `${tag}-reader@example.com`,
    skip_confirmation: true,
  })
  await call('POST', '/api/invitations', '/api/invitations', { email: `${tag}-invitee@example.com`, role: 'viewer' })
  await call('POST', '/api/tokens', '/api/tokens', { name: 'bot', kind: 'organisation', role: 'viewer' })
  const key = integration.key ?? integration.intake_key ?? integration.token
  if (typeof key === 'string') {
    await app.inject({
      method: 'POST',
      url: `/api/intake/webhook/${key}`,
      payload: { summary: 'CPU high', dedup_key: `${tag}-cpu` },
    })
  }
  return { bodies, personId: person.id }
}

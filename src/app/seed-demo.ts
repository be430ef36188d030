import { createIncident } from './incidents/create-incident.js'
import { postIncidentUpdate } from './incidents/post-incident-update.js'
import { createMaintenance } from './maintenances/manage-maintenances.js'
import { createComponent, createGroup } from './status-pages/manage-components.js'
import { createPage } from './status-pages/manage-pages.js'
import { systemContext, type AppDeps } from './context.js'

const hour = 3_600_000
const day = 24 * hour

const groups: { name: string; components: { name: string; description: string }[] }[] = [
  {
    name: 'Core platform',
    components: [
      { name: 'API', description: 'Public REST API' },
      { name: 'Dashboard', description: 'Web console for customers' },
      { name: 'Authentication', description: 'Sign-in and single sign-on' },
    ],
  },
  {
    name: 'Data',
    components: [
      { name: 'Database', description: 'Managed PostgreSQL clusters' },
      { name: 'Object storage', description: 'S3-compatible buckets' },
      { name: 'Backups', description: 'Nightly snapshots and restores' },
    ],
  },
  {
    name: 'Notifications',
    components: [
      { name: 'Email delivery', description: 'Transactional email' },
      { name: 'Webhooks', description: 'Outgoing event webhooks' },
    ],
  },
]

/**
 * The demo organisation `npm start` shows on a fresh install: a page with real history,
 * built through the same use cases as the API so it is what a user would have made.
 */
export async function seedDemo(deps: AppDeps, now: Date): Promise<{ orgId: string; pageId: string }> {
  const org = await deps.store.organisations.create({ slug: 'acme', name: 'Acme Cloud' })
  const at = (offsetMs: number) => systemContext(org.id, new Date(now.getTime() + offsetMs), 'demo seed')
  const setupAt = -100 * day
  const page = await createPage(deps, at(setupAt), {
    slug: 'acme-cloud',
    name: 'Acme Cloud',
    hostnames: ['status.acme.localhost'],
    branding: { brandColor: '#1f6feb', supportUrl: 'https://acme.example/support', url: 'https://acme.example' },
  })
  const ids: Record<string, string> = {}
  for (const [position, group] of groups.entries()) {
    const created = await createGroup(deps, at(setupAt), { page_id: page.id, name: group.name, position })
    for (const [index, component] of group.components.entries()) {
      const c = await createComponent(deps, at(setupAt), {
        page_id: page.id,
        group_id: created.id,
        position: index,
        ...component,
      })
      ids[component.name] = c.id
    }
  }

  const startedAt = -3 * day - 5 * hour
  const incident = await createIncident(deps, at(startedAt), {
    title: 'Elevated API error rates in the EU',
    page_id: page.id,
    status: 'investigating',
    severity: 3,
    body: "We're investigating elevated error rates on the API for customers in the EU and assessing next steps.",
    components: [{ id: ids.API!, status: 'partial_outage' }],
  })
  await postIncidentUpdate(deps, at(startedAt + 25 * 60_000), incident.id, {
    status: 'identified',
    body: 'We have identified a faulty configuration change on our EU load balancers and are rolling it back.',
    body_technical: 'A connection-limit change on the EU-west load balancer pool dropped ~18% of TLS handshakes.',
    components: [{ id: ids.API!, status: 'degraded_performance' }],
  })
  await postIncidentUpdate(deps, at(startedAt + 70 * 60_000), incident.id, {
    status: 'resolved',
    body:
      'The API is back to normal for all customers. ' +
      'We are sorry for the trouble; a summary of what happened will follow on this page.',
  })

  const nextSaturday = new Date(now)
  nextSaturday.setUTCDate(now.getUTCDate() + ((6 - now.getUTCDay() + 7) % 7 || 7))
  nextSaturday.setUTCHours(2, 0, 0, 0)
  await createMaintenance(deps, at(0), {
    page_id: page.id,
    title: 'Database maintenance',
    body: 'We will upgrade the primary database clusters. Brief read-only periods of under a minute are expected.',
    scheduled_for: nextSaturday.toISOString(),
    scheduled_until: new Date(nextSaturday.getTime() + 2 * hour).toISOString(),
    component_ids: [ids.Database!, ids.Backups!],
  })
  return { orgId: org.id, pageId: page.id }
}

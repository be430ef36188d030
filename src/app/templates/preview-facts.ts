import { notFound } from '../../domain/app-error.js'
import type { MessageFacts } from '../../domain/template/message-facts.js'
import type { Brand } from '../../domain/template/render-message.js'
import { sampleMessageFacts } from '../../domain/template/sample-facts.js'
import type { OrgStore } from '../../store/store.js'
import { pagePublicUrl } from '../subscribers/subscriber-links.js'

export interface PreviewFacts {
  source: 'incident' | 'sample'
  facts: MessageFacts
  locale: string
  brand: Brand
}

/**
 * An incident's facts as its messages would say them (the delivery worker reads the same
 * columns); several reads, none in a transaction: a preview writes nothing.
 */
export async function previewFacts(
  store: OrgStore,
  baseUrl: string,
  incidentId: string | undefined,
  now: Date,
): Promise<PreviewFacts> {
  const pages = await store.pages.list()
  const firstPage = pages[0]
  const pageOf = (page: (typeof pages)[number] | undefined) => ({
    name: page?.name ?? 'Status page',
    statusUrl: page ? pagePublicUrl(page, baseUrl) : baseUrl,
  })
  const brandOf = (page: (typeof pages)[number] | undefined): Brand => {
    const branding = (page?.branding ?? {}) as Record<string, unknown>
    return {
      ...(typeof branding.brandColor === 'string' ? { color: branding.brandColor } : {}),
      ...(typeof branding.logoUrl === 'string' ? { logoUrl: branding.logoUrl } : {}),
    }
  }
  if (!incidentId) {
    return {
      source: 'sample',
      facts: sampleMessageFacts(now, pageOf(firstPage)),
      locale: firstPage?.locale ?? 'en',
      brand: brandOf(firstPage),
    }
  }
  const incident = await store.incidents.get(incidentId)
  if (!incident) throw notFound('Incident')
  const page = pages.find((p) => p.id === incident.page_id)
  const { name, statusUrl } = pageOf(page)
  const links = await store.incidents.listAffectedComponentIds([incident.id])
  const components = await store.components.getMany(links.map((l) => l.component_id))
  const [latest] = await store.incidents.listUpdates([incident.id])
  const facts: MessageFacts = {
    pageName: name,
    statusUrl,
    incidentTitle: incident.title,
    incidentUrl: `${statusUrl}/incidents/${incident.id}`,
    affectedComponents: components.map((c) => c.name),
    startedAt: incident.started_at,
    ...(incident.resolved_at ? { resolvedAt: incident.resolved_at } : {}),
    ...(latest ? { message: latest.body } : {}),
    ...(latest?.body_technical ? { technicalDetail: latest.body_technical } : {}),
    ...(incident.who_is_affected ? { whoIsAffected: incident.who_is_affected } : {}),
    ...(incident.expected_duration ? { expectedDuration: incident.expected_duration } : {}),
    ...(incident.workaround ? { workaround: incident.workaround } : {}),
    ...(incident.contact ? { contact: incident.contact } : {}),
    ...(incident.response_time_minutes ? { responseTimeMinutes: incident.response_time_minutes } : {}),
    ...(incident.third_party_provider ? { thirdPartyProvider: incident.third_party_provider } : {}),
    isDrill: incident.is_drill,
    ...(page ? { timeZone: page.time_zone } : {}),
  }
  return { source: 'incident', facts, locale: page?.locale ?? firstPage?.locale ?? 'en', brand: brandOf(page) }
}

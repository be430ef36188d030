import type { MessageFacts } from '../../domain/template/message-facts.js'
import type { Brand } from '../../domain/template/render-message.js'
import { pagePublicUrl } from '../../app/subscribers/subscriber-links.js'
import { brandVoiceStore } from '../../store/brand-voice-store.js'
import { messageTemplatesStore } from '../../store/message-templates-store.js'
import { outboxFactsStore } from '../../store/outbox-facts-store.js'
import type { Db } from '../../store/schema/index.js'
import type { PageFacts, UpdateFacts } from './message-composer.js'

type IncidentRow = NonNullable<Awaited<ReturnType<ReturnType<typeof outboxFactsStore>['loadUpdate']>>>['incident']

/** The incident's own facts every message repeats; the provider is redacted per channel later. */
function communicationFactsOf(incident: IncidentRow): Partial<MessageFacts> {
  const facts: Partial<MessageFacts> = {}
  if (incident.who_is_affected) facts.whoIsAffected = incident.who_is_affected
  if (incident.expected_duration) facts.expectedDuration = incident.expected_duration
  if (incident.workaround) facts.workaround = incident.workaround
  if (incident.contact) facts.contact = incident.contact
  if (incident.response_time_minutes) facts.responseTimeMinutes = incident.response_time_minutes
  if (incident.third_party_provider) facts.thirdPartyProvider = incident.third_party_provider
  return facts
}

/** Reads what an update's messages say, and the webhook event's structured part, from the store. */
export function createFactsLoader(db: Db, baseUrl: string) {
  const store = outboxFactsStore(db)

  async function loadPage(pageId: string): Promise<PageFacts & { id: string; timeZone: string }> {
    const page = await store.loadPage(pageId)
    if (!page) throw new Error(`status page ${pageId} is gone`)
    const brand: Brand = {}
    if (typeof page.branding.brandColor === 'string') brand.color = page.branding.brandColor
    if (typeof page.branding.logoUrl === 'string') brand.logoUrl = page.branding.logoUrl
    return {
      id: page.id,
      name: page.name,
      statusUrl: pagePublicUrl(page, baseUrl),
      locale: page.locale,
      brand,
      timeZone: page.time_zone,
    }
  }

  async function loadUpdate(orgId: string, updateId: string): Promise<UpdateFacts> {
    const found = await store.loadUpdate(orgId, updateId)
    if (!found) throw new Error(`incident update ${updateId} is gone`)
    const { update, incident, components } = found
    if (!incident.page_id) throw new Error(`incident ${incident.id} is on no status page`)
    const page = await loadPage(incident.page_id)
    const templates = await messageTemplatesStore(db, orgId).list()
    const voice = await brandVoiceStore(db, orgId).get()
    const named = update.affected_components.map((c) => c.name)
    const incidentUrl = `${page.statusUrl}/incidents/${incident.id}`
    return {
      page,
      templates,
      signOff: voice.signOff,
      writtenAt: update.created_at,
      facts: {
        pageName: page.name,
        statusUrl: page.statusUrl,
        incidentTitle: incident.title,
        incidentUrl,
        affectedComponents: named.length > 0 ? named : components.map((c) => c.name),
        startedAt: incident.started_at,
        ...(incident.resolved_at ? { resolvedAt: incident.resolved_at } : {}),
        message: update.body,
        ...(update.body_technical ? { technicalDetail: update.body_technical } : {}),
        isDrill: incident.is_drill,
        timeZone: page.timeZone,
        ...communicationFactsOf(incident),
      },
      event: {
        type: 'incident.update',
        created_at: update.created_at.toISOString(),
        page: { id: page.id, name: page.name, url: page.statusUrl },
        incident: {
          id: incident.id,
          name: incident.title,
          status: incident.status,
          impact: incident.impact,
          url: incidentUrl,
          started_at: incident.started_at.toISOString(),
          resolved_at: incident.resolved_at?.toISOString() ?? null,
        },
        update: {
          id: update.id,
          status: update.status,
          display_at: update.display_at.toISOString(),
          affected_components: update.affected_components.map((c) => ({
            id: c.code,
            name: c.name,
            old_status: c.old_status,
            new_status: c.new_status,
          })),
        },
      },
    }
  }

  const loadTemplates = (orgId: string) => messageTemplatesStore(db, orgId).list()

  return { loadUpdate, loadPage, loadPageNotification: store.loadPageNotification, loadTemplates }
}

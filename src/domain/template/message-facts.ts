import type { CatalogStrings } from './catalog.js'
import { firstSentence, formatDateTime, formatInterval, formatList } from './format-facts.js'
import { mayNameProvider, type TemplateChannel } from './message-kinds.js'
import { redactProvider } from './third-party.js'

/** What a message can say: the facts of one incident at one update, in the communicator's words. */
export interface MessageFacts {
  pageName: string
  statusUrl: string
  incidentTitle: string
  incidentUrl?: string
  affectedComponents: readonly string[]
  /** For whom, e.g. "customers in the EU"; absent means not known yet (an accepted answer). */
  whoIsAffected?: string
  startedAt?: Date
  resolvedAt?: Date
  expectedDuration?: string
  workaround?: string
  /** The communicator's text for this update. */
  message?: string
  /** Shown only to the technical audience. */
  technicalDetail?: string
  contact?: string
  /** How soon the contact answers, as the communicator wrote it ("2 hours")… */
  responseTime?: string
  /** …or in minutes, said in words of the locale. */
  responseTimeMinutes?: number
  cadenceMinutes?: number
  nextUpdateAt?: Date
  postmortemUrl?: string
  /** The failing provider; named on the status page only. */
  thirdPartyProvider?: string
  standDownReason?: 'false_alarm' | 'resolved'
  isDrill?: boolean
  timeZone?: string
}

/** The variables a template sees, snake_case as Liquid authors expect. All strings or booleans. */
export type TemplateContext = Record<string, string | boolean>

export const templateVariables = [
  'page_name',
  'status_url',
  'incident_title',
  'incident_url',
  'affected',
  'who',
  'who_known',
  'started_at',
  'started_at_known',
  'resolved_at',
  'expected_duration',
  'workaround',
  'message',
  'message_short',
  'technical_detail',
  'contact',
  'response_time',
  'cadence',
  'next_update_at',
  'summary_url',
  'postmortem_url',
  'provider',
  'has_third_party',
  'false_alarm',
  'is_drill',
  'sign_off',
] as const

const present = (value: string | undefined): value is string => value !== undefined && value.trim() !== ''

export function buildTemplateContext(
  facts: MessageFacts,
  channel: TemplateChannel,
  locale: string,
  strings: CatalogStrings,
): TemplateContext {
  const tz = facts.timeZone ?? 'UTC'
  const provider = facts.thirdPartyProvider?.trim()
  const named = mayNameProvider(channel)
  const scrub = (text: string | undefined) =>
    present(text) ? (named ? text : redactProvider(text, provider, strings.thirdPartyProvider)) : ''
  const message = scrub(facts.message).trim()
  const components = facts.affectedComponents.filter(present)
  return {
    page_name: facts.pageName,
    status_url: facts.statusUrl,
    incident_title: scrub(facts.incidentTitle),
    incident_url: facts.incidentUrl ?? facts.statusUrl,
    affected: components.length > 0 ? formatList(components, locale) : strings.someServices,
    who: present(facts.whoIsAffected) ? scrub(facts.whoIsAffected) : strings.unknownYet,
    who_known: present(facts.whoIsAffected),
    started_at: facts.startedAt ? formatDateTime(facts.startedAt, locale, tz) : strings.unknownYet,
    started_at_known: facts.startedAt !== undefined,
    resolved_at: facts.resolvedAt ? formatDateTime(facts.resolvedAt, locale, tz) : '',
    expected_duration: present(facts.expectedDuration) ? scrub(facts.expectedDuration) : strings.unknownYet,
    workaround: present(facts.workaround) ? scrub(facts.workaround) : strings.unknownYet,
    message,
    message_short: message ? firstSentence(message) : '',
    technical_detail: scrub(facts.technicalDetail).trim(),
    contact: facts.contact ?? '',
    response_time:
      facts.responseTime ?? (facts.responseTimeMinutes ? formatInterval(facts.responseTimeMinutes, locale) : ''),
    cadence: facts.cadenceMinutes ? formatInterval(facts.cadenceMinutes, locale) : '',
    next_update_at: facts.nextUpdateAt ? formatDateTime(facts.nextUpdateAt, locale, tz) : '',
    summary_url: facts.postmortemUrl ?? facts.incidentUrl ?? facts.statusUrl,
    postmortem_url: facts.postmortemUrl ?? '',
    provider: provider ? (named ? provider : strings.thirdPartyProvider) : '',
    has_third_party: Boolean(provider),
    false_alarm: facts.standDownReason === 'false_alarm',
    is_drill: facts.isDrill === true,
    sign_off: '',
  }
}

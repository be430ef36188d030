import type { MessageStage } from './message-kinds.js'

/** One stage in one locale: Liquid sources a communicator may edit. */
export interface StageTemplates {
  /** Email subject, webhook title. */
  subject: string
  /** The full message: email body, status page entry. Blank lines separate paragraphs; `- ` starts a list item. */
  body: string
  /** One or two sentences with the status link: chat, webhook text, social drafts. */
  short: string
}

/** Words the layouts need around a message, per locale. */
export interface CatalogStrings {
  someServices: string
  unknownYet: string
  thirdPartyProvider: string
  technicalDetails: string
  viewStatusPage: string
  unsubscribe: string
  /** `{page_name}` is replaced. */
  whyReceiving: string
  drillNotice: string
  drillSubjectPrefix: string
  internalNotice: string
}

export interface LocaleCatalog {
  locale: string
  strings: CatalogStrings
  stages: Record<MessageStage, StageTemplates>
}

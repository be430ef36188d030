import type { ColumnType } from 'kysely'
import type { Json, Timestamp } from './core.js'

export interface MessageTemplatesTable {
  org_id: string
  stage: string
  channel: string
  audience: string
  locale: string
  subject: string | null
  body: string | null
  short: string | null
  updated_at: Timestamp
  updated_by: string
}

export interface StoredLintRule {
  phrase: string
  kind: string
  reason?: string
}

export interface BrandVoicesTable {
  org_id: string
  sign_off: ColumnType<string, string | undefined, string>
  words_to_avoid: Json<string[]>
  lint_rules: ColumnType<StoredLintRule[] | null, string | null | undefined, string | null>
  updated_at: Timestamp
  updated_by: string
}

/** Migration 0017: the organisation's own templates and brand voice. */
export interface TemplateTables {
  message_templates: MessageTemplatesTable
  brand_voices: BrandVoicesTable
}

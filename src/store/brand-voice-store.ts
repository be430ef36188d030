import { type BrandVoice, defaultBrandVoice, type LintKind } from '../domain/template/brand-voice.js'
import { json, type Executor } from './schema/index.js'

/** The organisation's brand voice; no row means the defaults. */
export function brandVoiceStore(db: Executor, orgId: string) {
  return {
    async get(): Promise<BrandVoice & { updatedAt: Date | null }> {
      const row = await db.selectFrom('brand_voices').selectAll().where('org_id', '=', orgId).executeTakeFirst()
      if (!row) return { ...defaultBrandVoice, updatedAt: null }
      return {
        signOff: row.sign_off,
        wordsToAvoid: row.words_to_avoid,
        lintRules: row.lint_rules?.map((r) => ({ ...r, kind: r.kind as LintKind })) ?? null,
        updatedAt: row.updated_at,
      }
    },
    async put(voice: BrandVoice, at: Date, by: string): Promise<void> {
      const values = {
        sign_off: voice.signOff,
        words_to_avoid: json(voice.wordsToAvoid),
        lint_rules: voice.lintRules === null ? null : json(voice.lintRules),
        updated_at: at,
        updated_by: by,
      }
      await db
        .insertInto('brand_voices')
        .values({ org_id: orgId, ...values })
        .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
        .execute()
    },
  }
}

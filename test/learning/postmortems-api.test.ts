import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../support/databases.js'
import { finishedPublic, resolvedIncident } from './learning-fixtures.js'

forEachDatabase((engine) => {
  describe('postmortems', () => {
    it('start from the template with the timeline generated, and are edited section by section', async () => {
      const t = await resolvedIncident(engine)
      expect((await t.postmortem('GET')).statusCode).toBe(404)
      const created = await t.postmortem('POST', '', {})
      expect(created.statusCode).toBe(201)
      const draft = created.json()
      expect(draft.revision).toBe(1)
      expect(draft.internal.timeline).toContain('Ana checked in as Incident lead.')
      expect(draft.internal.impact).toContain('Severity: serious')
      expect(draft.public.timeline).toContain("Investigating: We're investigating.")
      expect(draft.public.timeline).not.toContain('Ana')
      // Nothing known of the scope yet (no checklist answers, no components): left to write.
      expect(draft.public_missing).toEqual(['scope', 'root_cause', 'resolution', 'improvements'])
      expect(draft.follow_up).toMatchObject({ is_required: true, skipped: null })
      expect((await t.postmortem('POST', '', {})).statusCode).toBe(409)

      const edited = await t.postmortem('PATCH', '', {
        revision: 1,
        internal: { root_cause: 'Deploy 4711 changed the pool weights.' },
        public: { timeline: '- 09:05 We noticed errors.' },
        contributing_factors: [
          { category: 'deployment', area: 'checkout' },
          { category: 'monitoring_gap', note: 'No alert on pool weights' },
        ],
      })
      expect(edited.statusCode).toBe(200)
      expect(edited.json()).toMatchObject({
        revision: 2,
        internal: { root_cause: 'Deploy 4711 changed the pool weights.', impact: draft.internal.impact },
        public: { timeline: '- 09:05 We noticed errors.' },
        contributing_factors: [
          { category: 'deployment', area: 'checkout', note: null },
          { category: 'monitoring_gap', area: null, note: 'No alert on pool weights' },
        ],
      })
      const stale = await t.postmortem('PATCH', '', { revision: 1, public: { scope: 'x' } })
      expect(stale.statusCode).toBe(409)
      expect(stale.json()).toMatchObject({ code: 'CONFLICT', errors: [{ path: 'revision' }] })
      const bad = await t.postmortem('PATCH', '', { contributing_factors: [{ category: 'human_error' }] })
      expect(bad.statusCode).toBe(400)
      expect(bad.headers['content-type']).toContain('application/problem+json')

      const regenerated = await t.postmortem('POST', '/timeline', { version: 'public' })
      expect(regenerated.json().public.timeline).toBe(draft.public.timeline)
      expect(regenerated.json().internal.root_cause).toBe('Deploy 4711 changed the pool weights.')

      const markdown = await t.postmortem('GET', '?format=markdown&version=internal')
      expect(markdown.headers['content-type']).toContain('text/markdown')
      expect(markdown.body).toMatch(/^# Checkout is down\n\n## Impact\n/)
      expect(markdown.body).toContain('## Root cause\n\nDeploy 4711 changed the pool weights.')
    })

    it('may be skipped with a reason below the required severity, not above it', async () => {
      const serious = await resolvedIncident(engine)
      const refused = await serious.postmortem('POST', '/skip', { reason: 'small' })
      expect(refused.statusCode).toBe(409)
      expect(refused.json().title).toBe('A serious incident needs a postmortem')
      // The organisation decides from which severity a postmortem is required.
      const settings = await serious.app.inject({
        method: 'PATCH',
        url: '/api/process/settings',
        headers: serious.org.auth,
        payload: { postmortem_required_from: 5, postmortem_reminder_days: { '4': 1 } },
      })
      expect(settings.json()).toMatchObject({ postmortem_required_from: 5, postmortem_reminder_days: { '4': 1 } })
      expect(
        (await serious.postmortem('POST', '/skip', { reason: 'Covered by the quarterly review' })).statusCode,
      ).toBe(200)
      const minimal = await resolvedIncident(engine, { severity: 2 })
      expect((await minimal.postmortem('POST', '/skip', {})).statusCode).toBe(400)
      const skipped = await minimal.postmortem('POST', '/skip', { reason: 'A two-minute blip, no customer contact' })
      expect(skipped.statusCode).toBe(200)
      expect(skipped.json()).toMatchObject({
        is_required: false,
        skipped: { reason: 'A two-minute blip, no customer contact' },
      })
      // Writing one after all settles the skip.
      expect((await minimal.postmortem('POST', '', {})).json().follow_up.skipped).toBe(null)
    })

    it('are read by every member and written by those who work incidents; publishing speaks to customers', async () => {
      const t = await resolvedIncident(engine)
      await t.postmortem('POST', '', {})
      await t.postmortem('PATCH', '', { public: finishedPublic })
      const as = async (role: 'viewer' | 'responder', method: 'GET' | 'PATCH' | 'POST', suffix = '') =>
        t.app.inject({
          method,
          url: `/api/incidents/${t.id}/postmortem${suffix}`,
          headers: await t.org.tokenFor(role),
          ...(method === 'GET' ? {} : { payload: {} }),
        })
      expect((await as('viewer', 'GET')).statusCode).toBe(200)
      expect((await as('viewer', 'PATCH')).statusCode).toBe(403)
      expect((await as('responder', 'PATCH')).statusCode).toBe(200)
      expect((await as('responder', 'POST', '/publish')).statusCode).toBe(403)
    })
  })
})

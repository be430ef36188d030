import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../support/databases.js'
import { resolvedIncident } from './learning-fixtures.js'

type Item = { key: string; status: string; detail: string; tick: unknown; automatic: { status: string } | null }

forEachDatabase((engine) => {
  describe('the process scorecard', () => {
    it('scores an incident from its timeline and names the missed steps with their role', async () => {
      const t = await resolvedIncident(engine)
      const read = async () =>
        (await t.app.inject({ url: `/api/incidents/${t.id}/scorecard`, headers: t.org.auth })).json()
      const card = await read()
      const status = (key: string) => (card.items as Item[]).find((i) => i.key === key)?.status
      expect(status('incident_lead.checked_in')).toBe('met')
      expect(status('incident_lead.triage_in_time')).toBe('met')
      expect(status('communications_lead.first_acknowledgement')).toBe('met')
      expect(status('communications_lead.cadence_kept')).toBe('met')
      expect(status('communications_lead.all_clear_sent')).toBe('met')
      expect(status('incident_manager.postmortem_published')).toBe('open')
      expect(status('support_on_call_manager.key_customers_contacted')).toBe('not_applicable')
      expect(status('incident_lead.record_kept')).toBe('open')
      expect(card.missed_steps).toEqual([
        expect.objectContaining({
          key: 'incident_lead.scope_gathered',
          role: 'incident_lead',
          role_name: 'Incident lead',
          title: 'Scope and impact gathered: every checklist question answered',
        }),
      ])
      expect(card).toMatchObject({ is_drill: false, is_complete: false, incident: { id: t.id, status: 'resolved' } })
      expect(card.score.percent).toBe(Math.round((100 * card.score.met) / (card.score.met + 1)))

      t.clock.advance(6 * 86_400_000)
      const later = await read()
      expect(later.missed_steps.map((m: { key: string }) => m.key)).toEqual([
        'incident_lead.scope_gathered',
        'incident_manager.postmortem_published',
      ])
      const list = (await t.app.inject({ url: '/api/scorecards', headers: t.org.auth })).json()
      expect(list.scorecards).toEqual([
        expect.objectContaining({ incident: expect.objectContaining({ id: t.id }), score: later.score }),
      ])
      expect(list.scorecards[0].items).toBeUndefined()
    })

    it('takes a reviewer’s tick with a note, and asks why when it overrules the timeline', async () => {
      const t = await resolvedIncident(engine)
      const tick = async (key: string, payload: object, headers = t.org.auth) =>
        t.app.inject({ method: 'POST', url: `/api/incidents/${t.id}/scorecard/items/${key}`, headers, payload })
      const ticked = await tick('incident_lead.record_kept', { status: 'met', note: 'The timeline reads well' })
      expect(ticked.statusCode).toBe(200)
      const item = (ticked.json().items as Item[]).find((i) => i.key === 'incident_lead.record_kept')
      expect(item).toMatchObject({
        status: 'met',
        detail: 'The timeline reads well',
        tick: { status: 'met', note: 'The timeline reads well', by: { name: 'owner token' } },
      })

      const unexplained = await tick('incident_lead.scope_gathered', { status: 'met' })
      expect(unexplained.statusCode).toBe(400)
      expect(unexplained.json().errors[0]).toMatchObject({ path: 'note' })
      expect(unexplained.json().errors[0].message).toContain('the timeline says missed')
      const explained = await tick('incident_lead.scope_gathered', { status: 'met', note: 'Answered in the chat room' })
      expect(explained.json().missed_steps).toEqual([])
      expect((explained.json().items as Item[]).find((i) => i.key === 'incident_lead.scope_gathered')).toMatchObject({
        status: 'met',
        automatic: { status: 'missed' },
      })

      expect((await tick('incident_lead.nope', { status: 'met' })).statusCode).toBe(404)
      expect((await tick('incident_lead.record_kept', { status: 'maybe' })).statusCode).toBe(400)
      const viewer = await t.org.tokenFor('viewer')
      expect((await tick('incident_lead.record_kept', { status: 'missed', note: 'x' }, viewer)).statusCode).toBe(403)
      expect((await t.app.inject({ url: `/api/incidents/${t.id}/scorecard`, headers: viewer })).statusCode).toBe(200)

      const untick = await t.app.inject({
        method: 'DELETE',
        url: `/api/incidents/${t.id}/scorecard/items/incident_lead.scope_gathered`,
        headers: t.org.auth,
      })
      expect(untick.statusCode).toBe(200)
      expect(untick.json().missed_steps.map((m: { key: string }) => m.key)).toEqual(['incident_lead.scope_gathered'])
    })
  })
})

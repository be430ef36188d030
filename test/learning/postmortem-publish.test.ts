import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../support/databases.js'
import { finishedPublic, resolvedIncident, updateStages } from './learning-fixtures.js'

forEachDatabase((engine) => {
  describe('publishing a postmortem', () => {
    it('puts the public version on the status page and tells subscribers with the postmortem stage', async () => {
      const t = await resolvedIncident(engine)
      await t.deps.statusPages.start()
      await t.postmortem('POST', '', {})
      const unfinished = await t.postmortem('POST', '/publish', {})
      expect(unfinished.statusCode).toBe(400)
      expect(unfinished.json().errors.map((e: { path: string }) => e.path)).toEqual([
        'public.scope',
        'public.root_cause',
        'public.resolution',
        'public.improvements',
      ])
      await t.postmortem('PATCH', '', { public: { ...finishedPublic, root_cause: 'A **routing** change.' } })
      t.clock.advance(3_600_000)
      const published = await t.postmortem('POST', '/publish', {})
      expect(published.statusCode).toBe(200)
      expect(published.json()).toMatchObject({ status: 'postmortem_published', is_announced: true })
      expect(await updateStages(t)).toEqual(['acknowledge', 'all_clear', 'postmortem'])
      const timeline = await t.timeline()
      expect(timeline.at(-1)).toMatchObject({ type: 'postmortem_published', isAnnounced: true, isRevision: false })

      const slug = 'status'
      const page = await waitForPage(t, `/p/${slug}/incidents/${t.id}`, 'A <strong>routing</strong> change.')
      expect(page).toContain('<h2 id="postmortem-title">Postmortem</h2>')
      expect(page).toContain('<h3>Root cause</h3>')
      expect((await t.app.inject({ url: `/p/${slug}/history` })).body).toContain('Read the postmortem')

      // A correction: drafts stay off the page until published again, which tells nobody twice.
      await t.postmortem('PATCH', '', { public: { resolution: 'We rolled back within 20 minutes.' } })
      expect((await t.postmortem('GET')).json().published.has_unpublished_changes).toBe(true)
      expect((await t.app.inject({ url: `/p/${slug}/incidents/${t.id}` })).body).not.toContain('within 20 minutes')
      const again = await t.postmortem('POST', '/publish', {})
      expect(again.json()).toMatchObject({ is_announced: false, status: 'postmortem_published' })
      await waitForPage(t, `/p/${slug}/incidents/${t.id}`, 'We rolled back within 20 minutes.')
      expect(await updateStages(t)).toEqual(['acknowledge', 'all_clear', 'postmortem'])
      expect((await t.timeline()).at(-1)).toMatchObject({ type: 'postmortem_published', isRevision: true })
    })

    it('waits until the incident is resolved', async () => {
      const t = await resolvedIncident(engine)
      await t.postmortem('POST', '', {})
      await t.postmortem('PATCH', '', { public: finishedPublic })
      await t.call('transition', { to: 'investigating', reason: 'errors are back' })
      const early = await t.postmortem('POST', '/publish', {})
      expect(early.statusCode).toBe(409)
      expect(early.json()).toMatchObject({ code: 'INVALID_TRANSITION' })
    })

    it('of a drill goes to the team only, like every message of a drill', async () => {
      const t = await resolvedIncident(engine, { isDrill: true })
      await t.postmortem('POST', '', {})
      await t.postmortem('PATCH', '', { public: finishedPublic })
      const published = await t.postmortem('POST', '/publish', {})
      expect(published.json()).toMatchObject({ status: 'postmortem_published', is_announced: true })
      expect(await updateStages(t)).toEqual([])
      const notices = await t.outbox('team_message')
      expect(String(notices.at(-1)?.payload.text)).toMatch(/^\[DRILL\] We've published our postmortem/)
    })
  })
})

async function waitForPage(
  t: { app: { inject: (o: { url: string }) => Promise<{ body: string }> } },
  url: string,
  text: string,
) {
  const started = Date.now()
  for (;;) {
    const body = (await t.app.inject({ url })).body
    if (body.includes(text)) return body
    if (Date.now() - started > 5_000) throw new Error(`${url} never showed ${text}: ${body.slice(0, 300)}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

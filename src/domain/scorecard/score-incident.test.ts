import { describe, expect, it } from 'vitest'
import { ana, days, ev, goodIncident, scoreOf } from './scorecard-test-kit.js'

const byKey = (card: ReturnType<typeof scoreOf>, key: string) => card.items.find((i) => i.key === key)!

describe('scoring an incident', () => {
  it('scores the met out of the decided items and names the missed steps with their role', () => {
    const timeline = goodIncident().filter((e) => !(e.type === 'message_published' && e.stage === 'all_clear'))
    const card = scoreOf(timeline, { now: days(30) })
    expect(card.missedSteps).toEqual([
      expect.objectContaining({
        key: 'incident_manager.postmortem_published',
        role: 'incident_manager',
        roleName: 'Incident manager',
      }),
      expect.objectContaining({
        key: 'communications_lead.all_clear_sent',
        roleName: 'Communications lead',
        detail: 'Resolved without an all-clear to customers',
      }),
    ])
    const { met, missed } = card.score
    expect(card.score.percent).toBe(Math.round((100 * met) / (met + missed)))
    expect(card.isComplete).toBe(false)
    expect(byKey(card, 'incident_lead.record_kept')).toMatchObject({ status: 'open', detail: 'Waiting for a reviewer' })
  })

  it('takes a reviewer tick over the timeline, keeping what the timeline said', () => {
    const tick = {
      key: 'communications_lead.cadence_kept',
      status: 'not_applicable' as const,
      note: 'Updates went out by phone while the page was down',
      by: ana,
      at: new Date(),
    }
    const timeline = goodIncident().filter((e) => !(e.type === 'message_published' && e.stage === 'update'))
    const item = byKey(scoreOf(timeline, { ticks: [tick] }), 'communications_lead.cadence_kept')
    expect(item).toMatchObject({ status: 'not_applicable', detail: tick.note, automatic: { status: 'missed' } })
  })

  it('is complete once every reviewer item is ticked, and gives a percentage per role', () => {
    const reviewerKeys = scoreOf(goodIncident())
      .items.filter((i) => i.scoredBy === 'reviewer')
      .map((i) => i.key)
    const ticks = reviewerKeys.map((key) => ({ key, status: 'met' as const, note: null, by: ana, at: new Date() }))
    const timeline = [...goodIncident(), ev.postmortem(200)]
    const card = scoreOf(timeline, { status: 'postmortem_published', ticks })
    expect(card.isComplete).toBe(true)
    expect(card.score).toMatchObject({ missed: 0, open: 0, percent: 100 })
    expect(card.byRole.find((r) => r.role === 'communications_lead')).toMatchObject({ met: 4, missed: 0, percent: 100 })
  })

  it('scores a drill like a real incident and says it was one', () => {
    const drill = goodIncident().map((e) =>
      e.type === 'message_published' ? { ...e, audience: 'team' as const, channels: [], isDrill: true } : e,
    )
    const card = scoreOf(drill, { incident: { isDrill: true } })
    expect(card.isDrill).toBe(true)
    expect(byKey(card, 'communications_lead.first_acknowledgement').status).toBe('met')
  })

  it('leaves a false alarm to the lead: the other roles have nothing to score', () => {
    const card = scoreOf([ev.opened(0), ev.status(12, 'triage', 'stood_down')], { status: 'stood_down' })
    expect(byKey(card, 'incident_lead.triage_in_time').status).toBe('met')
    expect(byKey(card, 'support_on_call_manager.staffing').status).toBe('not_applicable')
    expect(byKey(card, 'incident_lead.record_kept').status).toBe('open')
    expect(card.missedSteps).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { ana, bo, cy, days, ev, goodIncident, ruleOn } from './scorecard-test-kit.js'

const without = (timeline: ReturnType<typeof goodIncident>, type: string, stage?: string) =>
  timeline.filter((e) => !(e.type === type && (stage === undefined || ('stage' in e && e.stage === stage))))

describe('checked in within 10 minutes', () => {
  it('is met when each holder checked in within 10 minutes of being given the role', () => {
    const result = ruleOn('communications_lead.checked_in', goodIncident())
    expect(result).toMatchObject({ status: 'met', detail: 'Checked in: Bo after 1 minute' })
  })

  it('is missed, naming the person, when the check-in came later or never', () => {
    const late = [ev.opened(0), ev.role(0, 'incident_lead', ana), ev.checkIn(14, ana)]
    expect(ruleOn('incident_lead.checked_in', late)).toMatchObject({
      status: 'missed',
      detail: 'Ana checked in 14 minutes after being given the role',
    })
    const never = [ev.opened(0), ev.role(0, 'incident_lead', ana)]
    expect(ruleOn('incident_lead.checked_in', never)).toMatchObject({
      status: 'missed',
      detail: 'Ana never checked in',
    })
  })

  it('counts a check-in made before the role was given, and waits while the window is open', () => {
    const early = [ev.opened(0), ev.checkIn(1, cy), ev.role(30, 'business_manager', cy)]
    expect(ruleOn('business_manager.checked_in', early).status).toBe('met')
    const waiting = [ev.opened(0), ev.role(0, 'business_manager', cy)]
    expect(ruleOn('business_manager.checked_in', waiting, { status: 'investigating', now: 5 }).status).toBe('open')
  })

  it('owes nothing from someone relieved of the role before their window ran out', () => {
    const handover = [ev.opened(0), ev.role(0, 'incident_lead', ana), ev.role(4, 'incident_lead', bo, ana)]
    const withBo = [...handover, ev.checkIn(6, bo)]
    expect(ruleOn('incident_lead.checked_in', withBo)).toMatchObject({
      status: 'met',
      detail: 'Checked in: Bo after 2 minutes',
    })
    // A backup takeover after the window: the first holder missed it.
    const takeover = [
      ev.opened(0),
      ev.role(0, 'incident_lead', ana),
      ev.role(15, 'incident_lead', bo, ana),
      ev.checkIn(16, bo),
    ]
    expect(ruleOn('incident_lead.checked_in', takeover)).toMatchObject({
      status: 'missed',
      detail: 'Ana never checked in',
    })
  })

  it('does not apply to a role nobody held', () => {
    expect(ruleOn('incident_manager.checked_in', goodIncident()).status).toBe('not_applicable')
  })
})

describe('triage decided within its time-box', () => {
  it('is met when declared or stood down inside the window', () => {
    expect(ruleOn('incident_lead.triage_in_time', goodIncident())).toMatchObject({
      status: 'met',
      detail: 'Decided after 8 minutes; the time-box is 15 minutes',
    })
    const stoodDown = [ev.opened(0), ev.status(15, 'triage', 'stood_down')]
    expect(ruleOn('incident_lead.triage_in_time', stoodDown, { status: 'stood_down' }).status).toBe('met')
  })

  it('is missed when decided late, or still undecided after the window', () => {
    const late = [ev.opened(0), ev.status(16, 'triage', 'declared')]
    expect(ruleOn('incident_lead.triage_in_time', late, { status: 'declared' }).status).toBe('missed')
    const undecided = [ev.opened(0)]
    expect(ruleOn('incident_lead.triage_in_time', undecided, { status: 'triage', now: 20 }).status).toBe('missed')
    expect(ruleOn('incident_lead.triage_in_time', undecided, { status: 'triage', now: 14 }).status).toBe('open')
  })

  it('does not apply to an incident that never was in triage', () => {
    const adopted = [ev.message(0, 'acknowledgement', 'investigating')]
    expect(ruleOn('incident_lead.triage_in_time', adopted, { status: 'investigating' }).status).toBe('not_applicable')
    const openedPublic = [ev.opened(0), ev.status(0, 'triage', 'investigating'), adopted[0]!]
    expect(ruleOn('incident_lead.triage_in_time', openedPublic, { status: 'investigating' }).status).toBe(
      'not_applicable',
    )
  })
})

describe('scope gathered', () => {
  it('is met when every checklist question was answered', () => {
    expect(ruleOn('incident_lead.scope_gathered', goodIncident()).status).toBe('met')
  })

  it('is missed when the incident resolved with questions unanswered, naming them', () => {
    const result = ruleOn('incident_lead.scope_gathered', without(goodIncident(), 'scope_answer'))
    expect(result.status).toBe('missed')
    expect(result.detail).toContain('"When did it start?"')
  })
})

describe('first public acknowledgement within 15 minutes of the first alert', () => {
  it('is met at 10 minutes', () => {
    expect(ruleOn('communications_lead.first_acknowledgement', goodIncident()).status).toBe('met')
  })

  it('counts from the earliest alert, even one attached after the incident opened', () => {
    const timeline = [
      ev.opened(10),
      ev.alert(0),
      ev.status(20, 'triage', 'declared'),
      ev.message(20, 'acknowledgement', 'investigating'),
    ]
    expect(ruleOn('communications_lead.first_acknowledgement', timeline)).toMatchObject({
      status: 'missed',
      detail: 'First public message 20 minutes after the first alert; the promise is 15 minutes',
    })
  })

  it('is missed when nothing was published in time, open before then, and not applicable to a false alarm', () => {
    const quiet = [ev.opened(0), ev.status(5, 'triage', 'declared')]
    expect(ruleOn('communications_lead.first_acknowledgement', quiet, { status: 'declared', now: 16 }).status).toBe(
      'missed',
    )
    expect(ruleOn('communications_lead.first_acknowledgement', quiet, { status: 'declared', now: 15 }).status).toBe(
      'open',
    )
    const falseAlarm = [ev.opened(0), ev.status(30, 'triage', 'stood_down')]
    expect(ruleOn('communications_lead.first_acknowledgement', falseAlarm, { status: 'stood_down' }).status).toBe(
      'not_applicable',
    )
  })

  it('scores a drill by its messages to the team', () => {
    const drill = [
      ev.opened(0, 4, true),
      ev.status(3, 'triage', 'declared'),
      ev.message(5, 'acknowledgement', 'investigating', true),
    ]
    expect(ruleOn('communications_lead.first_acknowledgement', drill, { status: 'investigating', now: 6 }).status).toBe(
      'met',
    )
  })
})

describe('every update on cadence', () => {
  it('is met when no wait between public messages ran past the cadence (60 minutes for serious)', () => {
    expect(ruleOn('communications_lead.cadence_kept', goodIncident())).toMatchObject({
      status: 'met',
      detail: 'Every update came within the promised cadence (3 waits)',
    })
  })

  it('is missed when an update came late', () => {
    const timeline = goodIncident().filter(
      (e) =>
        !(e.type === 'message_published' && e.at.getTime() === ev.message(65, 'update', 'investigating').at.getTime()),
    )
    const result = ruleOn('communications_lead.cadence_kept', timeline)
    expect(result.status).toBe('missed')
    expect(result.detail).toContain('1 of 2 waits')
    expect(result.detail).toContain('110 minutes against a promise of every 60 minutes')
  })
})

describe('all-clear sent', () => {
  it('is met when the resolution went out as an all-clear', () => {
    expect(ruleOn('communications_lead.all_clear_sent', goodIncident()).status).toBe('met')
  })

  it('is missed when the incident was resolved without telling customers', () => {
    expect(
      ruleOn('communications_lead.all_clear_sent', without(goodIncident(), 'message_published', 'all_clear')).status,
    ).toBe('missed')
  })

  it('is open while the incident is still active', () => {
    const active = goodIncident().slice(0, 8)
    expect(ruleOn('communications_lead.all_clear_sent', active, { status: 'investigating', now: 20 }).status).toBe(
      'open',
    )
  })
})

describe('postmortem published within 5 days', () => {
  it('is met when published 3 days after the resolution', () => {
    const timeline = [...goodIncident(), ev.postmortem(180 + days(3))]
    expect(ruleOn('incident_manager.postmortem_published', timeline, { status: 'postmortem_published' }).status).toBe(
      'met',
    )
  })

  it('is missed when published later, or not published after 5 days', () => {
    const late = [...goodIncident(), ev.postmortem(180 + days(6))]
    expect(ruleOn('incident_manager.postmortem_published', late, { status: 'postmortem_published' }).status).toBe(
      'missed',
    )
    expect(ruleOn('incident_manager.postmortem_published', goodIncident(), { now: 180 + days(5) + 1 }).status).toBe(
      'missed',
    )
    expect(ruleOn('incident_manager.postmortem_published', goodIncident(), { now: 180 + days(4) }).status).toBe('open')
  })

  it('does not apply when the postmortem was skipped with a reason', () => {
    const result = ruleOn('incident_manager.postmortem_published', goodIncident(), { skipped: { reason: 'a blip' } })
    expect(result).toMatchObject({ status: 'not_applicable', detail: 'Postmortem skipped: a blip' })
  })
})

describe('key customers contacted within their SLA', () => {
  it('does not apply while no key customers are set up', () => {
    expect(ruleOn('support_on_call_manager.key_customers_contacted', goodIncident()).status).toBe('not_applicable')
  })
})

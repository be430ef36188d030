import { describe, expect, it } from 'vitest'
import { renderBadge } from './badge.js'
import { renderMaintenanceCalendar } from './calendar.js'
import { renderFeeds } from './feeds.js'
import { sampleView } from './sample-view.js'

describe('feeds', () => {
  const { atom, rss } = renderFeeds(sampleView(), 'server')

  it('list incidents and maintenances with stable URN ids and links to their pages, newest change first', () => {
    const ids = [...atom.matchAll(/<id>(urn:candor:[^<]+)<\/id>/g)].map((m) => m[1])
    expect(ids).toEqual([
      'urn:candor:page:kctbh9vrtdwd',
      'urn:candor:incident:p31zjtct2jer',
      'urn:candor:maintenance:w7n5b3v1c9x2',
      'urn:candor:incident:old0incident',
    ])
    expect(atom).toContain('<link href="https://status.acme.example/incidents/p31zjtct2jer"/>')
    expect(rss).toContain('<guid isPermaLink="false">urn:candor:incident:p31zjtct2jer</guid>')
    expect(rss).toContain('<link>https://status.acme.example/incidents/old0incident</link>')
  })

  it('carry every update and the technical detail as HTML content', () => {
    expect(atom).toContain('<strong>Identified</strong></p><p>We have identified a faulty configuration change')
    expect(atom).toContain('<p><em>Details for IT teams</em></p><p>Config push <code>cfg-2291</code>')
  })

  it('give the same bytes for the same page (no clock inside)', () => {
    expect(renderFeeds(sampleView(), 'server')).toEqual({ atom, rss })
  })

  it('keep markup in names as text and cannot be broken out of', () => {
    const view = sampleView()
    view.incidents[0]!.name = 'a]]><evil/>]]><x>'
    const feeds = renderFeeds(view, 'server')
    expect(feeds.atom).toContain('<title type="html"><![CDATA[a]]&gt;&lt;evil/&gt;]]&gt;&lt;x&gt;]]></title>')
    expect(feeds.rss).toContain('<title><![CDATA[a]]&gt;&lt;evil/&gt;]]&gt;&lt;x&gt;]]></title>')
  })
})

describe('maintenance calendar', () => {
  it('has one UTC event per maintenance, stamped by its own last change', () => {
    const ics = renderMaintenanceCalendar(sampleView(), 'server')
    expect(ics).toContain('UID:w7n5b3v1c9x2@candor')
    expect(ics).toContain('DTSTART:20261128T020000Z')
    expect(ics).toContain('DTEND:20261128T040000Z')
    expect(ics).toContain('DTSTAMP:20261118T120000Z')
    expect(ics).toContain('SUMMARY:Database maintenance')
    expect(ics).toContain('URL;VALUE=URI:https://status.acme.example/incidents/w7n5b3v1c9x2')
    expect(renderMaintenanceCalendar(sampleView(), 'server')).toBe(ics)
  })
})

describe('status badge', () => {
  it('says the indicator in words, with its colour and an accessible name', () => {
    const svg = renderBadge(sampleView())
    expect(svg).toContain('aria-label="status: Partial system outage"')
    expect(svg).toContain('fill="#bc4c00"')
    expect(svg).toContain('>Partial system outage</text>')
  })

  it('escapes and localises', () => {
    const view = sampleView('ja')
    view.indicator = 'none'
    expect(renderBadge(view)).toContain('すべてのシステムが正常に稼働しています')
  })
})

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { fixtureView, sampleView } from './sample-view.js'
import { statuspageDocuments } from './statuspage-json.js'

// A verbatim copy of ../shared/fixtures/statuspage-v2-summary.json, so the repository tests itself.
const fixture = JSON.parse(readFileSync(new URL('./testdata/statuspage-v2-summary.json', import.meta.url), 'utf8'))

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)
/** Fields Statuspage documents as "string or null"; the fixture shows one of the two. */
const nullableStrings = new Set([
  'description',
  'start_date',
  'group_id',
  'monitoring_at',
  'resolved_at',
  'custom_tweet',
  'tweet_id',
])

/**
 * Same field names and value types, recursively; array items are checked against the reference item of the same kind.
 */
function expectSameShape(actual: Json, reference: Json, path = '$'): void {
  const field = path.split('.').at(-1)!
  if (nullableStrings.has(field))
    return expect(['null', 'string'], `${path} has the wrong type`).toContain(kind(actual))
  expect(kind(actual), `${path} has the wrong type`).toBe(kind(reference))
  if (Array.isArray(reference) && Array.isArray(actual)) {
    if (reference.length === 0) return
    actual.forEach((item, i) => {
      const isGroup = (x: Json) => typeof x === 'object' && x !== null && !Array.isArray(x) && x.group === true
      const twin = reference.find((r) => isGroup(r) === isGroup(item)) ?? reference[0]!
      expectSameShape(item, twin, `${path}[${i}]`)
    })
  } else if (
    reference &&
    typeof reference === 'object' &&
    !Array.isArray(reference) &&
    actual &&
    typeof actual === 'object'
  ) {
    const a = actual as Record<string, Json>
    expect(Object.keys(a), `${path} has other fields`).toEqual(Object.keys(reference))
    for (const key of Object.keys(reference)) expectSameShape(a[key]!, reference[key]!, `${path}.${key}`)
  }
}

const server = statuspageDocuments(fixtureView(), 'server') as Record<string, Json>

describe('Statuspage v2 documents', () => {
  it('render the fixture page as exactly the fixture summary.json (shortlinks aside)', () => {
    const summary = JSON.parse(JSON.stringify(server['/api/v2/summary.json']))
    for (const list of [summary.incidents, summary.scheduled_maintenances])
      for (const i of list) i.shortlink = `https://status.acme.example/i/${i.id}`
    expect(summary).toEqual(fixture)
  })

  it('give every document the fixture’s field names, nesting and value types', () => {
    const ref = fixture as { [key: string]: Json }
    const expected: Record<string, Json> = {
      '/api/v2/summary.json': ref,
      '/api/v2/status.json': { page: ref.page!, status: ref.status! },
      '/api/v2/components.json': { page: ref.page!, components: ref.components! },
      '/api/v2/incidents.json': { page: ref.page!, incidents: ref.incidents! },
      '/api/v2/incidents/unresolved.json': { page: ref.page!, incidents: ref.incidents! },
      '/api/v2/scheduled-maintenances.json': { page: ref.page!, scheduled_maintenances: ref.scheduled_maintenances! },
      '/api/v2/scheduled-maintenances/upcoming.json': {
        page: ref.page!,
        scheduled_maintenances: ref.scheduled_maintenances!,
      },
      '/api/v2/scheduled-maintenances/active.json': { page: ref.page!, scheduled_maintenances: [] },
    }
    expect(Object.keys(server).sort()).toEqual(Object.keys(expected).sort())
    for (const [path, doc] of Object.entries(expected)) expectSameShape(server[path]!, doc, path)
  })

  it('keeps the same shape for a richer page, with timestamps where a resolved incident has them', () => {
    const docs = statuspageDocuments(sampleView(), 'server') as Record<string, { incidents?: Record<string, Json>[] }>
    const incidents = docs['/api/v2/incidents.json']!.incidents!
    expect(incidents.map((i) => i.id)).toEqual(['p31zjtct2jer', 'old0incident'])
    const resolved = incidents[1]!
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolved_at: '2026-10-02T09:30:00.000Z',
      monitoring_at: '2026-10-02T09:00:00.000Z',
    })
    expect(docs['/api/v2/incidents/unresolved.json']!.incidents!.map((i) => i.id)).toEqual(['p31zjtct2jer'])
    const components = (docs['/api/v2/components.json'] as unknown as { components: Json[] }).components
    const ref = (fixture as { components: Json[] }).components
    components.forEach((c, i) =>
      expectSameShape(
        c,
        ref.find((r) => (r as { group: boolean }).group === (c as { group: boolean }).group)!,
        `components[${i}]`,
      ),
    )
  })

  it('lists a group as a component whose status is its worst member’s, with member ids', () => {
    const view = sampleView()
    view.components.push({ ...view.components[0]!, id: 'cdn000000001', name: 'CDN', status: 'major_outage' })
    const docs = statuspageDocuments(view, 'server') as Record<string, { components: Array<Record<string, Json>> }>
    const group = docs['/api/v2/components.json']!.components.find((c) => c.group === true)!
    expect(group).toMatchObject({
      id: 'gr0upc0re001',
      status: 'major_outage',
      components: ['b13yz5g2cw10', 'cdn000000001'],
    })
  })

  it('splits maintenances into upcoming and active, and reports an active one in the indicator text', () => {
    const view = fixtureView()
    view.maintenances[0]!.status = 'in_progress'
    view.indicator = 'maintenance'
    const docs = statuspageDocuments(view, 'server') as Record<
      string,
      { scheduled_maintenances: Array<{ id: string }>; status?: object }
    >
    expect(docs['/api/v2/scheduled-maintenances/active.json']!.scheduled_maintenances.map((m) => m.id)).toEqual([
      'w7n5b3v1c9x2',
    ])
    expect(docs['/api/v2/scheduled-maintenances/upcoming.json']!.scheduled_maintenances).toEqual([])
    expect(docs['/api/v2/status.json']!.status).toEqual({
      indicator: 'maintenance',
      description: 'Service Under Maintenance',
    })
  })
})

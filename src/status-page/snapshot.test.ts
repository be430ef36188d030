import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { staticSiteFiles } from './export-static-site.js'
import { linksFrom } from './html/links.js'
import { sampleView } from './sample-view.js'
import { renderSnapshot } from './snapshot.js'

const expectedPaths = [
  '/',
  '/history',
  '/incidents/p31zjtct2jer',
  '/incidents/old0incident',
  '/incidents/w7n5b3v1c9x2',
  '/api/v2/summary.json',
  '/api/v2/status.json',
  '/api/v2/components.json',
  '/api/v2/incidents.json',
  '/api/v2/incidents/unresolved.json',
  '/api/v2/scheduled-maintenances.json',
  '/api/v2/scheduled-maintenances/upcoming.json',
  '/api/v2/scheduled-maintenances/active.json',
  '/history.atom',
  '/history.rss',
  '/maintenances.ics',
  '/badge.svg',
  '/widget.js',
  '/assets/status.css',
  '/assets/status.js',
  '/assets/favicon.svg',
]

const linksIn = (body: string) =>
  [...body.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]!).filter((h) => !/^(https?:|mailto:|#)/.test(h))

describe('renderSnapshot', () => {
  it('renders every path of the page once, with identity, gzip and brotli bytes that agree', async () => {
    const snapshot = await renderSnapshot(sampleView())
    expect([...snapshot.keys()].sort()).toEqual([...expectedPaths].sort())
    for (const [path, entry] of snapshot) {
      expect(gunzipSync(entry.gzip).equals(entry.body), path).toBe(true)
      expect(brotliDecompressSync(entry.br).equals(entry.body), path).toBe(true)
      expect(entry.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/)
    }
    expect(snapshot.get('/')!.contentType).toBe('text/html; charset=utf-8')
    expect(snapshot.get('/api/v2/summary.json')!.contentType).toBe('application/json; charset=utf-8')
    expect(snapshot.get('/')!.br.length).toBeLessThan(snapshot.get('/')!.body.length / 4)
  })

  it('gives the same ETag for the same page and a new one when it changes, reusing unchanged bytes', async () => {
    const first = await renderSnapshot(sampleView())
    const view = sampleView()
    view.components[1]!.status = 'degraded_performance'
    const second = await renderSnapshot(view, { previous: first })
    expect(second.get('/')!.etag).not.toBe(first.get('/')!.etag)
    expect(second.get('/incidents/old0incident')).toBe(first.get('/incidents/old0incident'))
    expect((await renderSnapshot(sampleView())).get('/')!.etag).toBe(first.get('/')!.etag)
  })

  it('has no broken links between its own pages when served', async () => {
    const snapshot = await renderSnapshot(sampleView())
    for (const [path, entry] of snapshot) {
      if (!entry.contentType.startsWith('text/html')) continue
      for (const href of linksIn(entry.body.toString())) {
        const target = new URL(href, `https://h.example/p/acme${path}`)
        const key = target.pathname.replace(/^\/p\/acme/, '') + target.search
        // The subscribe form is the subscribers feature's page, served beside the snapshot.
        if (key !== '/subscribe') expect(snapshot.has(key), `${href} from ${path}`).toBe(true)
      }
    }
    expect(linksFrom('server', '/').to('/api/live')).toBe('api/live')
  })
})

describe('static export', () => {
  it('writes folders as index.html and every link points at a written file', async () => {
    const files = staticSiteFiles(await renderSnapshot(sampleView(), { mode: 'static' }))
    const names = new Set(files.map((f) => f.file))
    expect(names).toContain('index.html')
    expect(names).toContain('history/index.html')
    expect(names).toContain('incidents/p31zjtct2jer/index.html')
    expect(names).toContain('api/v2/summary.json')
    for (const f of files.filter((f) => f.file.endsWith('.html'))) {
      const body = f.body.toString()
      expect(body).not.toContain('data-live="')
      for (const href of linksIn(body)) {
        const target = new URL(href, `https://h.example/site/${f.file}`).pathname.replace(/^\/site\//, '')
        const file = target === '' || target.endsWith('/') ? `${target}index.html` : target
        expect(names.has(file), `${href} from ${f.file}`).toBe(true)
      }
    }
  })

  it('can add precompressed siblings, and refuses paths that are not plain files', async () => {
    const snapshot = await renderSnapshot(sampleView(), { mode: 'static' })
    const names = staticSiteFiles(snapshot, { precompressed: true }).map((f) => f.file)
    expect(names).toContain('index.html.gz')
    expect(names).toContain('index.html.br')
    snapshot.set('/history?page=2', snapshot.get('/')!)
    expect(() => staticSiteFiles(snapshot)).toThrow(/not a static path/)
  })
})

import { describe, expect, it } from 'vitest'
import { historyPath, incidentPath, linksFrom } from './links.js'

/** Resolves a relative link the way a browser does, from a page mounted under `base`. */
const resolve = (base: string, from: string, href: string) =>
  new URL(href, `https://h.example${base}${from.slice(1)}`).pathname +
  new URL(href, `https://h.example${base}${from.slice(1)}`).search

describe('relative links', () => {
  it('reach the same targets at the host root and under /p/:slug/', () => {
    for (const base of ['/', '/p/acme/']) {
      for (const from of ['/', '/history', '/history?page=2', incidentPath('server', 'abc')]) {
        const links = linksFrom('server', from)
        expect(resolve(base, from, links.home)).toBe(base)
        expect(resolve(base, from, links.history(2))).toBe(`${base}history?page=2`)
        expect(resolve(base, from, links.incident('abc'))).toBe(`${base}incidents/abc`)
        expect(resolve(base, from, links.to('/assets/status.css'))).toBe(`${base}assets/status.css`)
      }
    }
  })

  it('reach folder targets in a static export placed in any folder', () => {
    for (const base of ['/', '/status/']) {
      for (const from of ['/', historyPath('static', 1), historyPath('static', 3), incidentPath('static', 'abc')]) {
        const links = linksFrom('static', from)
        expect(resolve(base, from, links.home)).toBe(base)
        expect(resolve(base, from, links.history(3))).toBe(`${base}history/page/3/`)
        expect(resolve(base, from, links.incident('abc'))).toBe(`${base}incidents/abc/`)
      }
    }
  })
})

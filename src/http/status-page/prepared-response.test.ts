import { describe, expect, it } from 'vitest'
import { sampleView } from '../../status-page/sample-view.js'
import { renderSnapshot } from '../../status-page/snapshot.js'
import { acceptedEncodings, chooseVariant, isNotModified, prepareEntry } from './prepared-response.js'

const snapshot = await renderSnapshot(sampleView())
const home = prepareEntry('/', snapshot.get('/')!)

describe('prepared responses', () => {
  it('pick brotli, then gzip, then identity, honouring q=0', () => {
    expect(chooseVariant(home, 'gzip, deflate, br').headers['content-encoding']).toBe('br')
    expect(chooseVariant(home, 'gzip').headers['content-encoding']).toBe('gzip')
    expect(chooseVariant(home, 'br;q=0, gzip;q=0.5').headers['content-encoding']).toBe('gzip')
    expect(chooseVariant(home, '*').headers['content-encoding']).toBe('br')
    expect(chooseVariant(home, undefined).headers['content-encoding']).toBeUndefined()
    expect(chooseVariant(home, 'identity').body).toBe(snapshot.get('/')!.body)
    expect(acceptedEncodings('gzip;q=0, br;q=0')).toEqual({ br: false, gzip: false })
  })

  it('give each encoding its own strong ETag and answer 304 to any of them, weak or not', () => {
    const br = chooseVariant(home, 'br')
    expect(br.etag).toMatch(/^"[^"]+-br"$/)
    expect(br.etag).not.toBe(home.identity.etag)
    expect(isNotModified(home, br.etag)).toBe(true)
    expect(isNotModified(home, `"other", W/${home.identity.etag}`)).toBe(true)
    expect(isNotModified(home, '"stale"')).toBe(false)
    expect(isNotModified(home, undefined)).toBe(false)
  })

  it('carry length, cache policy, Vary and a strict CSP on HTML; open CORS on the API only', () => {
    const h = home.identity.headers
    expect(h['content-length']).toBe(String(snapshot.get('/')!.body.length))
    expect(h['cache-control']).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+/)
    expect(h.vary).toBe('Accept-Encoding')
    expect(h['content-security-policy']).toContain("script-src 'self'")
    expect(h['access-control-allow-origin']).toBeUndefined()
    const api = prepareEntry('/api/v2/summary.json', snapshot.get('/api/v2/summary.json')!)
    expect(api.identity.headers['access-control-allow-origin']).toBe('*')
    expect(api.identity.headers['content-security-policy']).toBeUndefined()
    expect(home.identity.notModifiedHeaders['content-length']).toBeUndefined()
  })
})

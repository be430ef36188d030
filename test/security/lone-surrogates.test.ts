import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../support/databases.js'
import { createTestApp } from '../support/test-app.js'

// JSON may carry "\ud800" escaped; it parses to half a surrogate pair, which UTF-8 cannot hold.
const lone = '{"name": "Supplier \\ud800 failure", "criteria": [{"id": "down", "text": "A supplier is down"}]}'

forEachDatabase((engine) => {
  describe('text with half a surrogate pair', () => {
    it('is refused with 400 naming the field, and neither the change nor an audit row is written', async () => {
      const t = await createTestApp(engine)
      const headers = { ...t.org.auth, 'content-type': 'application/json' }
      const put = await t.app.inject({
        method: 'PUT',
        url: '/api/process/crisis-types/supplier',
        headers,
        payload: lone,
      })
      expect(put.statusCode).toBe(400)
      expect(put.json()).toMatchObject({ code: 'VALIDATION', errors: [{ path: 'name', message: /surrogate/ }] })
      const config = (await t.app.inject({ url: '/api/process/config', headers: t.org.auth })).json()
      expect(JSON.stringify(config)).not.toContain('supplier')
      const audit = (await t.app.inject({ url: '/api/audit', headers: t.org.auth })).json()
      expect(audit.entries.filter((e: { action: string }) => e.action.includes('crisis-types'))).toEqual([])

      const incident = await t.app.inject({
        method: 'POST',
        url: '/api/incidents',
        headers,
        payload: '{"title": "Checkout \\udc00 down", "status": "triage"}',
      })
      expect(incident.statusCode).toBe(400)
      expect(incident.json()).toMatchObject({ errors: [{ path: 'title' }] })
      // A real pair (an emoji) is text like any other.
      const emoji = await t.app.inject({
        method: 'POST',
        url: '/api/incidents',
        headers,
        payload: '{"title": "Down 🔥", "status": "triage"}',
      })
      expect(emoji.statusCode).toBe(201)
      expect(emoji.json().title).toBe('Down 🔥')
    })
  })
})

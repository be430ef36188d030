import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startServer } from '../support/server-process.js'

describe('the first start of the built server', () => {
  it('creates an owner and prints a one-time sign-in link, once', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'candor-owner-')), 'data')
    const first = await startServer({ env: { DATA_DIR: dataDir } })
    let link: string
    try {
      const printed = /Sign in once with this link[^\n]*\n\s+(http\S+)/.exec(first.output())
      expect(printed, first.output()).not.toBeNull()
      expect(first.output()).toContain('Owner account created: owner@localhost')
      link = printed![1]!
      const token = new URL(link).searchParams.get('token')!
      const page = await fetch(`${first.url}/auth/link?token=${encodeURIComponent(token)}`)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('<form method="post" action="/auth/link">')
      const signIn = async () =>
        fetch(`${first.url}/api/auth/link`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token }),
        })
      const used = await signIn()
      expect(used.status).toBe(200)
      const body = (await used.json()) as { role: string; organisation: { name: string } }
      expect(body).toMatchObject({ role: 'owner', organisation: { name: 'Acme Cloud' } })
      const cookie = used.headers.get('set-cookie')!
      expect(cookie).toMatch(/^candor_session=[^;]+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/)
      const me = await fetch(`${first.url}/api/me`, { headers: { cookie: cookie.split(';')[0]! } })
      expect(((await me.json()) as { role: string }).role).toBe('owner')
      expect((await signIn()).status).toBe(401)
    } finally {
      await first.stop()
    }
    const second = await startServer({ env: { DATA_DIR: dataDir } })
    try {
      expect(second.output()).not.toContain('Sign in once with this link')
    } finally {
      await second.stop()
    }
  }, 180_000)
})

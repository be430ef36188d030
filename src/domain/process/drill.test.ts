import { describe, expect, it } from 'vitest'
import { markDrill, mayReach } from './drill.js'

describe('drills', () => {
  it('never reach customers or a public page, but do reach the team', () => {
    expect(mayReach(true, 'customers')).toBe(false)
    expect(mayReach(true, 'public_page')).toBe(false)
    expect(mayReach(true, 'team')).toBe(true)
    expect(mayReach(false, 'customers')).toBe(true)
  })

  it('mark every message once', () => {
    expect(markDrill(true, 'We are investigating')).toBe('[DRILL] We are investigating')
    expect(markDrill(true, markDrill(true, 'x'))).toBe('[DRILL] x')
    expect(markDrill(false, 'x')).toBe('x')
  })
})

import { describe, expect, it } from 'vitest'
import type { DeliveryChannel } from './channel.js'
import { ChannelRegistry } from './channel-registry.js'

const fake = (kind: string, closed: string[] = []): DeliveryChannel => ({
  kind,
  send: async () => ({ ok: true }),
  close: async () => {
    closed.push(kind)
  },
})

describe('channel registry', () => {
  it('finds a channel by kind', () => {
    const registry = new ChannelRegistry().register(fake('email')).register(fake('sms'))
    expect(registry.get('sms').kind).toBe('sms')
    expect(registry.kinds()).toEqual(['email', 'sms'])
  })

  it('refuses a second channel of the same kind and names the missing one', () => {
    const registry = new ChannelRegistry().register(fake('email'))
    expect(() => registry.register(fake('email'))).toThrow('already registered')
    expect(() => registry.get('pager')).toThrow('no delivery channel "pager" is registered (have: email)')
  })

  it('closes every channel', async () => {
    const closed: string[] = []
    await new ChannelRegistry().register(fake('a', closed)).register(fake('b', closed)).closeAll()
    expect(closed.sort()).toEqual(['a', 'b'])
  })
})

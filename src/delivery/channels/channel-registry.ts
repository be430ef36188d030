import type { DeliveryChannel } from './channel.js'

/**
 * Channels plug in by kind (GoAlert's notification registry): the worker asks the
 * registry, never a channel module, so adding a channel touches no other.
 */
export class ChannelRegistry {
  readonly #channels = new Map<string, DeliveryChannel>()

  register(channel: DeliveryChannel): this {
    if (this.#channels.has(channel.kind)) throw new Error(`a delivery channel "${channel.kind}" is already registered`)
    this.#channels.set(channel.kind, channel)
    return this
  }

  has(kind: string): boolean {
    return this.#channels.has(kind)
  }

  get(kind: string): DeliveryChannel {
    const channel = this.#channels.get(kind)
    if (!channel)
      throw new Error(`no delivery channel "${kind}" is registered (have: ${this.kinds().join(', ') || 'none'})`)
    return channel
  }

  kinds(): string[] {
    return [...this.#channels.keys()]
  }

  async closeAll(): Promise<void> {
    await Promise.allSettled([...this.#channels.values()].map((channel) => channel.close?.()))
  }
}

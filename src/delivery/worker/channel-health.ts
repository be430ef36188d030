import type { DeliveryChannel } from '../channels/channel.js'

export interface ChannelHealthState {
  isUp: boolean
  downSince: Date | null
  reason: string | null
}

export interface ChannelHealth {
  isUp(): boolean
  state(): ChannelHealthState
  /** The relay could not be reached: stop claiming for this channel and probe it until it answers. */
  markDown(reason: string): void
  stop(): void
}

export interface ChannelHealthOptions {
  channel: DeliveryChannel
  /** How often an unreachable relay is tried again: the longest a message waits once it is back. */
  probeMs: number
  now: () => Date
  /** The relay answers again: make what waited on it due, and wake the lanes. */
  onRecovered(): Promise<void>
  onError(error: unknown): void
}

/**
 * Whether a channel's relay can be reached. While it cannot, the lanes leave its messages
 * queued (no attempt is spent on a relay that is down) and one probe a `probeMs` asks the
 * relay; the moment it answers, everything held is due again, not after its backoff.
 */
export function channelHealth(options: ChannelHealthOptions): ChannelHealth {
  let downSince: Date | null = null
  let reason: string | null = null
  let timer: NodeJS.Timeout | null = null
  let isStopped = false

  async function probe() {
    timer = null
    if (isStopped || downSince === null) return
    let answers = true
    try {
      answers = options.channel.probe ? await options.channel.probe() : true
    } catch {
      answers = false
    }
    if (isStopped) return
    if (!answers) {
      schedule()
      return
    }
    downSince = null
    reason = null
    await options.onRecovered().catch(options.onError)
  }

  function schedule() {
    if (timer || isStopped) return
    timer = setTimeout(() => void probe(), options.probeMs)
    timer.unref()
  }

  return {
    isUp: () => downSince === null,
    state: () => ({ isUp: downSince === null, downSince, reason }),
    markDown(why) {
      if (downSince === null) {
        downSince = options.now()
        reason = why
      }
      schedule()
    },
    stop() {
      isStopped = true
      if (timer) clearTimeout(timer)
      timer = null
    },
  }
}

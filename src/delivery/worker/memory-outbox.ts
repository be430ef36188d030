import type { ClaimedDelivery, FailMark, OutboxPort, RetryMark } from './outbox-port.js'

/** The outbox in memory, for worker tests: the same lease rules as the SQL store. */
export interface MemoryRow extends Omit<ClaimedDelivery, 'attempts'> {
  attempts: number
  status: 'pending' | 'sending' | 'sent' | 'retrying' | 'failed' | 'skipped'
  nextAttemptAt: Date
  lockedUntil: Date | null
  lastError: string | null
}

export function createMemoryOutbox(
  rows: MemoryRow[],
): OutboxPort & { rows: MemoryRow[]; disabled: Map<string, string>; streaks: Map<string, number> } {
  const byId = new Map(rows.map((r) => [r.id, r]))
  const disabled = new Map<string, string>()
  const streaks = new Map<string, number>()
  return {
    rows,
    disabled,
    streaks,
    async claim(channels, limit, now, leaseMs) {
      const due = rows.filter(
        (r) =>
          channels.includes(r.channel) &&
          (((r.status === 'pending' || r.status === 'retrying') && r.nextAttemptAt <= now) ||
            (r.status === 'sending' && (r.lockedUntil ?? now) < now)),
      )
      return due.slice(0, limit).map((r) => {
        r.status = 'sending'
        r.attempts += 1
        r.lockedUntil = new Date(now.getTime() + leaseMs)
        return { ...r }
      })
    },
    async markSent(ids) {
      for (const id of ids) Object.assign(byId.get(id) ?? {}, { status: 'sent', lockedUntil: null })
    },
    async markSkipped(ids) {
      for (const id of ids) Object.assign(byId.get(id) ?? {}, { status: 'skipped', lockedUntil: null })
    },
    async markRetrying(marks: readonly RetryMark[]) {
      for (const m of marks)
        Object.assign(byId.get(m.id) ?? {}, {
          status: 'retrying',
          nextAttemptAt: m.nextAttemptAt,
          lastError: m.error,
          lockedUntil: null,
        })
    },
    async markFailed(marks: readonly FailMark[]) {
      const result: { subscriberId: string; reason: string }[] = []
      for (const m of marks) {
        Object.assign(byId.get(m.id) ?? {}, { status: 'failed', lastError: m.error, lockedUntil: null })
        const streak = (streaks.get(m.subscriberId) ?? 0) + 1
        streaks.set(m.subscriberId, streak)
        if (m.isGone || streak >= 3) {
          disabled.set(m.subscriberId, m.error)
          result.push({ subscriberId: m.subscriberId, reason: m.error })
        }
      }
      return result
    },
    async resetFailureStreaks(ids) {
      for (const id of ids) streaks.delete(id)
    },
    async extendLease(ids, until) {
      for (const id of ids) Object.assign(byId.get(id) ?? {}, { lockedUntil: until })
    },
  }
}

const minuteMs = 60_000

/** "7 minutes", "3 hours", "2.5 days": how long, in the unit a reader expects. */
export function durationText(ms: number): string {
  const minutes = Math.round(ms / minuteMs)
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? '' : 's'}`
  const hours = ms / (60 * minuteMs)
  if (hours < 48) return `${round1(hours)} hours`
  return `${round1(hours / 24)} days`
}

const round1 = (n: number) => String(Math.round(n * 10) / 10)

export const minutesMs = (n: number) => n * minuteMs
export const daysMs = (n: number) => n * 24 * 60 * minuteMs

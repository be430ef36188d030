import { useEffect, useState } from 'react'
import type { ProcessState } from '../../api/types'

const minute = 60_000

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}

function span(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / minute))
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`
}

/** "Next update due in 12 min", red once overdue: customers were promised the next word by then. */
export function CadenceClock({ cadence }: { cadence: ProcessState['cadence'] }) {
  const now = useNow(15_000)
  const every = `Updates every ${span(cadence.minutes * minute)}`
  if (!cadence.next_update_due_at)
    return (
      <p className="cadence card" id="cadence">
        <strong>No update due yet</strong> <span className="muted">· {every}, counted from the first public word</span>
      </p>
    )
  const left = new Date(cadence.next_update_due_at).getTime() - now
  const isOverdue = left < 0
  return (
    <p className={isOverdue ? 'cadence card cadence-overdue' : 'cadence card'} id="cadence">
      <strong>
        {isOverdue ? (
          <>
            <span aria-hidden="true">⚠ </span>Update overdue by {span(-left)}
          </>
        ) : (
          `Next update due in ${span(left)}`
        )}
      </strong>{' '}
      <span className="muted">· {every}</span>
    </p>
  )
}

import type { ReactNode } from 'react'
import type { Problem } from '../api/problem'
import { ProblemMessage } from './problem-message'

/** Shows the problem, a loading line, or the content once its data is there. */
export function Loading<T>({
  data,
  problem,
  children,
}: {
  data: T | undefined
  problem: Problem | null
  children: (data: T) => ReactNode
}) {
  if (data === undefined)
    return problem ? (
      <ProblemMessage problem={problem} />
    ) : (
      <p className="muted" role="status">
        Loading…
      </p>
    )
  return (
    <>
      <ProblemMessage problem={problem} />
      {children(data)}
    </>
  )
}

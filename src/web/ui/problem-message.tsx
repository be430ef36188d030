import type { Problem } from '../api/problem'

/**
 * An API refusal next to the form that caused it, as an error summary: each reason under the
 * visible label of its field (`fields` maps the API's name, e.g. `new_password`, to that label),
 * never the API's name. The fields show their own reason beside them too.
 */
export function ProblemMessage({ problem, fields = {} }: { problem: Problem | null; fields?: Record<string, string> }) {
  if (!problem) return null
  const labelOf = (path: string | undefined) =>
    path === undefined
      ? undefined
      : Object.entries(fields).find(([name]) => path === name || path.startsWith(`${name}.`))?.[1]
  const reasons = (problem.errors ?? []).map((e) => {
    const label = labelOf(e.path)
    return label ? `${label}: ${e.message}` : e.message
  })
  return (
    <div className="problem" role="alert">
      <p className="problem-title">
        <span aria-hidden="true">⚠ </span>
        {problem.title}
      </p>
      {problem.detail && <p>{problem.detail}</p>}
      {reasons.length > 0 && (
        <ul>
          {[...new Set(reasons)].map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
    </div>
  )
}

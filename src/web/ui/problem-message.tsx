import type { Problem } from '../api/problem'

/** An API refusal next to the form that caused it, with every listed reason (e.g. what the scope checklist still misses). */
export function ProblemMessage({ problem }: { problem: Problem | null }) {
  if (!problem) return null
  return (
    <div className="problem" role="alert">
      <p className="problem-title">
        <span aria-hidden="true">⚠ </span>
        {problem.title}
      </p>
      {problem.detail && <p>{problem.detail}</p>}
      {problem.errors && problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((e, i) => (
            <li key={`${e.path ?? ''}-${i}`}>
              {e.path && <code>{e.path}</code>} {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

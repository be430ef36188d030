import type { Problem } from '../api/problem'

/**
 * An API refusal next to the form that caused it. Reasons about a field the form shows
 * (`fields` maps the API's name to the visible label) are shown beside that field instead;
 * the rest are listed here under the field's label, never the API's name.
 */
export function ProblemMessage({
  problem,
  fields = {},
  id,
}: {
  problem: Problem | null
  fields?: Record<string, string>
  id?: string
}) {
  if (!problem) return null
  const shownBeside = (path: string | undefined) =>
    path !== undefined && Object.keys(fields).some((f) => path === f || path.startsWith(`${f}.`))
  const rest = (problem.errors ?? []).filter((e) => !shownBeside(e.path))
  const besideCount = (problem.errors ?? []).length - rest.length
  return (
    <div className="problem" role="alert" id={id}>
      <p className="problem-title">
        <span aria-hidden="true">⚠ </span>
        {problem.title}
      </p>
      {problem.detail && <p>{problem.detail}</p>}
      {rest.length > 0 && (
        <ul>
          {rest.map((e) => (
            <li key={`${e.path ?? ''}:${e.message}`}>{e.message}</li>
          ))}
        </ul>
      )}
      {besideCount > 0 && <p className="muted">See the marked field{besideCount === 1 ? '' : 's'} above.</p>}
    </div>
  )
}

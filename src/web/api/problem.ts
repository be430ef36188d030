/**
 * The API answers every error as problem+json (src/http/problem.ts); the console shows it beside
 * the form that caused it.
 */
export interface Problem {
  status: number
  code: string
  title: string
  detail?: string
  /** `line` and `column`: where in a submitted text (a template) the reason lies. */
  errors?: { path?: string; message: string; line?: number; column?: number }[]
}

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title)
  }
}

export function toProblem(error: unknown): Problem {
  if (error instanceof ProblemError) return error.problem
  const message = error instanceof Error ? error.message : String(error)
  return { status: 0, code: 'NETWORK', title: `The server could not be reached (${message})` }
}

export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).title === 'string' &&
    typeof (value as Problem).status === 'number'
  )
}

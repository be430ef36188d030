import type { z } from 'zod'
import { AppError } from '../domain/app-error.js'

/** Parses outside input with a zod schema and reports every problem at once as VALIDATION. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const result = schema.safeParse(raw)
  if (result.success) return result.data
  throw new AppError(
    'VALIDATION',
    'The request is invalid',
    result.error.issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message })),
  )
}

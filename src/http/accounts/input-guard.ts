import type { FastifyInstance } from 'fastify'
import { AppError } from '../../app/errors.js'

const maxDepth = 64

/** The path of the first string holding a NUL character, or of a structure nested absurdly deep. */
function findProblem(value: unknown, path: string, depth: number): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? `${path || '(body)'}: must not contain the NUL character` : null
  if (value === null || typeof value !== 'object') return null
  if (depth > maxDepth) return `${path || '(body)'}: nested more than ${maxDepth} levels deep`
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return `${path}: a key must not contain the NUL character`
    const problem = findProblem(item, path ? `${path}.${key}` : key, depth + 1)
    if (problem) return problem
  }
  return null
}

/**
 * PostgreSQL text cannot hold NUL (U+0000): such input would fail deep in a query as a 500.
 * It is refused here, once for every route, as the client's mistake it is.
 */
export function registerInputGuard(app: FastifyInstance) {
  // A callback hook: it runs on every request, and an async one costs a promise each time.
  app.addHook('preValidation', (request, _reply, done) => {
    const problem = findProblem(request.params, 'params', 0) ?? findProblem(request.query, 'query', 0) ?? findProblem(request.body, '', 0)
    if (!problem) return done()
    const [path, message] = problem.split(': ')
    done(new AppError('VALIDATION', 'The request is invalid', [{ path: path!, message: message! }]))
  })
}

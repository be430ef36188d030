import type { FastifyInstance } from 'fastify'
import { AppError } from '../../domain/app-error.js'

const maxDepth = 64

type Found = { path: string[]; message: string }

/** The first string holding a NUL character, or a structure nested absurdly deep; its path is built only then. */
function find(value: unknown, depth: number): Found | null {
  if (typeof value === 'string')
    return value.includes('\u0000') ? { path: [], message: 'must not contain the NUL character' } : null
  if (value === null || typeof value !== 'object') return null
  if (depth > maxDepth) return { path: [], message: `nested more than ${maxDepth} levels deep` }
  const object = value as Record<string, unknown>
  for (const key in object) {
    if (!Object.hasOwn(object, key)) continue
    if (key.includes('\u0000')) return { path: [], message: 'a key must not contain the NUL character' }
    const found = find(object[key], depth + 1)
    if (found) {
      found.path.unshift(key)
      return found
    }
  }
  return null
}

function findProblem(value: unknown, root: string): { path: string; message: string } | null {
  const found = find(value, 0)
  if (!found) return null
  const path = [root, ...found.path].filter(Boolean).join('.')
  return { path: path || '(body)', message: found.message }
}

/**
 * PostgreSQL text cannot hold NUL (U+0000): such input would fail deep in a query as a 500.
 * It is refused here, once for every route, as the client's mistake it is.
 */
export function registerInputGuard(app: FastifyInstance) {
  // A callback hook: it runs on every request, and an async one costs a promise each time.
  app.addHook('preValidation', (request, _reply, done) => {
    const problem =
      findProblem(request.params, 'params') ?? findProblem(request.query, 'query') ?? findProblem(request.body, '')
    if (!problem) return done()
    done(new AppError('VALIDATION', 'The request is invalid', [problem]))
  })
}

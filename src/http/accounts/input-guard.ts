import type { FastifyInstance } from 'fastify'
import { AppError } from '../../domain/app-error.js'

const maxDepth = 64

type Found = { path: string[]; message: string }

// With the u flag a well-formed pair is one code point, so only a lone half is of category Cs.
const loneSurrogate = /\p{Cs}/u
const lone = 'must be valid Unicode text (it holds half of a UTF-16 surrogate pair)'

/** What is wrong with a text PostgreSQL would refuse or store badly, if anything. */
function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain the NUL character'
  return loneSurrogate.test(text) ? lone : null
}

/** The first string holding a NUL character or a lone surrogate, or a structure nested absurdly deep. */
function find(value: unknown, depth: number): Found | null {
  if (typeof value === 'string') {
    const message = textProblem(value)
    return message ? { path: [], message } : null
  }
  if (value === null || typeof value !== 'object') return null
  if (depth > maxDepth) return { path: [], message: `nested more than ${maxDepth} levels deep` }
  const object = value as Record<string, unknown>
  for (const key in object) {
    if (!Object.hasOwn(object, key)) continue
    const keyProblem = textProblem(key)
    if (keyProblem) return { path: [], message: `a key ${keyProblem}` }
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
 * PostgreSQL text cannot hold NUL (U+0000), and a lone UTF-16 surrogate cannot be encoded as
 * UTF-8 (it is saved as U+FFFD at best, and fails the audit row's jsonb at worst): such input
 * is refused here, once for every route, as the client's mistake it is.
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

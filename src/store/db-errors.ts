import { AppError } from '../domain/app-error.js'

const connectionCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  '57P01',
  '57P03',
  '08006',
  '08001',
  '08003',
])

// Bad text representation, too long, bad dates, out of range, bad parameter, bad encoding (e.g. NUL),
// untranslatable character, bad regular expression.
const malformedValueCodes = new Set(['22P02', '22001', '22007', '22008', '22003', '22023', '22021', '22P05', '2201B'])

/** Turns a database error that outside input can cause into an AppError; anything else stays a 500. */
export function translateDbError(error: unknown): AppError | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const { code, constraint, detail } = error as { code?: string; constraint?: string; detail?: string }
  const message = (error as Error).message ?? ''
  if (code === '23505')
    return new AppError('CONFLICT', 'This already exists', [
      { path: constraint ?? '', message: detail ?? 'duplicate value' },
    ])
  if (code === '23503')
    return new AppError('CONFLICT', 'This refers to something that does not exist or is still in use', [
      { path: constraint ?? '', message: detail ?? message },
    ])
  if (code === '23514')
    return new AppError('VALIDATION', 'A value is out of range', [{ path: constraint ?? '', message }])
  if (code && malformedValueCodes.has(code))
    return new AppError('VALIDATION', 'A value has the wrong form', [{ message }])
  // An index row too large: a value far longer than anyone types.
  if (code === '54000') return new AppError('VALIDATION', 'A value is too long', [{ message }])
  if (
    (code && connectionCodes.has(code)) ||
    /Connection terminated|connect ECONNREFUSED|PGlite is closed/i.test(message)
  ) {
    return new AppError('UNAVAILABLE', 'The database is unavailable; try again shortly')
  }
  return undefined
}

/** Whether a database error carries this SQLSTATE (both engines put it in `code`). */
export function isDbError(error: unknown, sqlState: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === sqlState
}

import { AppError } from '../app/errors.js'

const connectionCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', '57P01', '57P03', '08006', '08001', '08003'])

/** Turns a database error that outside input can cause into an AppError; anything else stays a 500. */
export function translateDbError(error: unknown): AppError | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const { code, constraint, detail } = error as { code?: string; constraint?: string; detail?: string }
  const message = (error as Error).message ?? ''
  if (code === '23505') return new AppError('CONFLICT', 'This already exists', [{ path: constraint ?? '', message: detail ?? 'duplicate value' }])
  if (code === '23503') return new AppError('CONFLICT', 'This refers to something that does not exist or is still in use', [{ path: constraint ?? '', message: detail ?? message }])
  if (code === '23514') return new AppError('VALIDATION', 'A value is out of range', [{ path: constraint ?? '', message }])
  if (code === '22P02' || code === '22001' || code === '22007' || code === '22008' || code === '22003' || code === '22023') {
    return new AppError('VALIDATION', 'A value has the wrong form', [{ message }])
  }
  if ((code && connectionCodes.has(code)) || /Connection terminated|connect ECONNREFUSED|PGlite is closed/i.test(message)) {
    return new AppError('UNAVAILABLE', 'The database is unavailable; try again shortly')
  }
  return undefined
}

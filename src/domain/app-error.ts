/** The few error codes every edge maps once: HTTP to problem+json, the CLI to exit codes. */
export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHORIZED',
  'INVALID_TRANSITION',
  'RATE_LIMITED',
  'UNAVAILABLE',
] as const
export type ErrorCode = (typeof errorCodes)[number]

export interface ErrorDetail {
  path?: string
  message: string
}

export class AppError extends Error {
  readonly code: ErrorCode
  readonly details: ErrorDetail[]
  constructor(code: ErrorCode, message: string, details: ErrorDetail[] = []) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.details = details
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`)
export const conflict = (message: string, details?: ErrorDetail[]) => new AppError('CONFLICT', message, details)
export const invalid = (message: string, details?: ErrorDetail[]) => new AppError('VALIDATION', message, details)
export const forbidden = (message = 'You do not have permission to do this') => new AppError('FORBIDDEN', message)

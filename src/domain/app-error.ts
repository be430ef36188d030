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
  'NO_RECIPIENTS',
] as const
export type ErrorCode = (typeof errorCodes)[number]

export interface ErrorDetail {
  path?: string
  message: string
  /** Where in a submitted text (a template): 1-based. */
  line?: number
  column?: number
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
/** A public message that would reach nobody: no status page on the incident, no channel with a recipient. */
export const noRecipients = () =>
  new AppError('NO_RECIPIENTS', 'This message would reach nobody: the incident has no status page', [
    { path: 'page_id', message: 'set the status page of the incident first (PATCH /api/incidents/:id)' },
    { path: 'channels', message: 'no channel named has a recipient without a status page' },
  ])

export const forbidden = (message = 'You do not have permission to do this') => new AppError('FORBIDDEN', message)

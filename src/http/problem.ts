import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { AppError, type ErrorCode } from '../domain/app-error.js'
import { translateDbError } from '../store/db-errors.js'

const statusByCode: Record<ErrorCode, number> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FORBIDDEN: 403,
  UNAUTHORIZED: 401,
  INVALID_TRANSITION: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  NO_RECIPIENTS: 422,
}

/** The HTTP status an application error answers with. */
export function statusOf(error: AppError): number {
  return statusByCode[error.code]
}

export interface Problem {
  type: string
  title: string
  status: number
  detail?: string
  code: string
  errors?: { path?: string; message: string }[]
  instance?: string
}

export function sendProblem(reply: FastifyReply, problem: Omit<Problem, 'type'> & { type?: string }) {
  return reply
    .code(problem.status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: problem.type ?? `https://candor.dev/problems/${problem.code.toLowerCase().replaceAll('_', '-')}`,
      ...problem,
    })
}

/** The one place errors become HTTP: known errors get their 4xx, the rest a bare 500 with nothing leaked. */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const appError = error instanceof AppError ? error : translateDbError(error)
  if (appError) {
    if (appError.code === 'UNAVAILABLE') request.log.warn({ err: error }, 'database unavailable')
    return sendProblem(reply, {
      status: statusOf(appError),
      code: appError.code,
      title: appError.message,
      ...(appError.details.length ? { errors: appError.details } : {}),
      instance: request.url,
    })
  }
  const fastifyError = error as FastifyError
  const status = fastifyError.statusCode
  if (status && status >= 400 && status < 500) {
    const code =
      status === 413
        ? 'PAYLOAD_TOO_LARGE'
        : status === 415
          ? 'UNSUPPORTED_MEDIA_TYPE'
          : status === 429
            ? 'RATE_LIMITED'
            : 'VALIDATION'
    return sendProblem(reply, { status, code, title: fastifyError.message, instance: request.url })
  }
  request.log.error({ err: error }, 'unhandled error')
  return sendProblem(reply, {
    status: 500,
    code: 'INTERNAL',
    title: 'Something went wrong on our side',
    instance: request.url,
  })
}

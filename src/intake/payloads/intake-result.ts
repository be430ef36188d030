import type { z } from 'zod'
import type { AlertEvent } from '../../domain/alert/alert-event.js'

export interface IntakeProblem {
  path: string
  message: string
}

/**
 * A payload either becomes alert events or a list of every problem found in it. `raw[i]` is
 * the part of the payload `events[i]` came from, kept verbatim with the event.
 */
export type IntakeResult = { ok: true; events: AlertEvent[]; raw: unknown[] } | { ok: false; problems: IntakeProblem[] }

export function problemsFrom(error: z.ZodError, prefix = ''): IntakeProblem[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.'),
    message: issue.message,
  }))
}

export const invalidPayload = (problems: IntakeProblem[]): IntakeResult => ({ ok: false, problems })

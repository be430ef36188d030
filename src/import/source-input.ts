import type { z } from 'zod'
import { AppError, invalid } from '../domain/app-error.js'

/** A source's file or API answer, checked against its schema; every problem is named (first 20). */
export function parseSource<S extends z.ZodType>(schema: S, raw: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(raw)
  if (result.success) return result.data
  throw invalid(
    `${what} is not in the expected format`,
    result.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.') || '(file)', message: i.message })),
  )
}

/** JSON text from a file or a request; a clear refusal when it is not JSON. */
export function parseJsonText(text: string, what: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw invalid(`${what} is not valid JSON`, [{ message: (error as Error).message }])
  }
}

/** ISO text from a source, or an invalid Date the plan check reports (never a throw half-way). */
export function instant(text: string | null | undefined): Date {
  return text ? new Date(text) : new Date(Number.NaN)
}

export function optionalInstant(text: string | null | undefined): Date | null {
  return text ? new Date(text) : null
}

export interface FetchOptions {
  headers: Record<string, string>
  /** Names the source and the credential in refusals: "the Statuspage API key". */
  what: string
  timeoutMs?: number
}

/**
 * GET one JSON document from a source's API. Refusals are input errors (a wrong key or id is
 * the caller's to fix); an unreachable API is UNAVAILABLE. Never called inside a transaction.
 */
export async function fetchJson(url: string, options: FetchOptions): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    const response = await send(url, options)
    // Every tool limits its API; a long import waits as told (Retry-After) rather than failing at page 40.
    if (response.status === 429 && attempt < maxRetries) {
      await response.body?.cancel()
      const told = Number(response.headers.get('retry-after'))
      await sleep(Math.min(30_000, Number.isFinite(told) && told >= 0 ? told * 1000 : 2 ** attempt * 1000))
      continue
    }
    return answer(url, response, options)
  }
}

const maxRetries = 5
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function send(url: string, options: FetchOptions): Promise<Response> {
  try {
    return await fetch(url, {
      headers: { accept: 'application/json', ...options.headers },
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    })
  } catch (error) {
    // Most often a mistyped address or a host this server cannot see: the caller's to fix, so a 4xx.
    throw invalid(`${options.what}: cannot reach ${new URL(url).origin}`, [
      { path: 'api.url', message: (error as Error).cause ? String((error as Error).cause) : (error as Error).message },
    ])
  }
}

async function answer(url: string, response: Response, options: FetchOptions): Promise<unknown> {
  if (response.status === 401 || response.status === 403) {
    await response.body?.cancel()
    throw invalid(`${options.what} was refused (HTTP ${response.status}): check the key or token`, [
      { path: 'api.key', message: 'refused by the source' },
    ])
  }
  if (response.status === 404) {
    await response.body?.cancel()
    throw invalid(`${options.what}: ${new URL(url).pathname} was not found (HTTP 404): check the ids`)
  }
  if (!response.ok) {
    await response.body?.cancel()
    throw new AppError('UNAVAILABLE', `${options.what}: the API answered HTTP ${response.status}`)
  }
  return parseJsonText(await response.text(), `${options.what}: the answer from ${new URL(url).pathname}`)
}

export type FetchProgress = (what: string, count: number) => void

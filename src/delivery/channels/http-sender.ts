import { sharedDeadlines } from '../shared-deadlines.js'
import { isIP } from 'node:net'
import { Agent, request } from 'undici'
import { classifyHttpStatus } from '../../domain/delivery/delivery-failure.js'
import { assertOutsideTransaction } from '../../store/transaction-scope.js'
import type { SendResult } from './channel.js'
import { checkAddress, createAllowlist, guardedLookup, SsrfRefusedError, type Resolver } from './ssrf-guard.js'

/**
 * One keep-alive undici Agent shared by the webhook and Slack channels. Every connection
 * goes through the SSRF guard's lookup, so the address checked is the address used.
 */
export interface HttpSenderOptions {
  /** IPs, CIDRs or host names a webhook may reach although they are private (WEBHOOK_ALLOWLIST). */
  allowlist?: readonly string[]
  connectTimeoutMs?: number
  /** Whole request, headers and body included. */
  timeoutMs?: number
  connectionsPerOrigin?: number
  /** Tests replace DNS. */
  resolver?: Resolver
  userAgent?: string
}

export interface HttpSender {
  postJson(url: string, body: string, headers: Record<string, string>, signal?: AbortSignal): Promise<HttpResult>
  close(): Promise<void>
}

export type HttpResult =
  | { status: number; bodySnippet: string; retryAfterMs?: number }
  | { error: SendResult & { ok: false } }

const snippetBytes = 512

export function createHttpSender(options: HttpSenderOptions = {}): HttpSender {
  const allowlist = createAllowlist(options.allowlist ?? [])
  const timeoutMs = options.timeoutMs ?? 10_000
  const agent = new Agent({
    connections: options.connectionsPerOrigin ?? 32,
    keepAliveTimeout: 30_000,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connect: {
      timeout: options.connectTimeoutMs ?? 5_000,
      lookup: guardedLookup(allowlist, options.resolver) as never,
    },
  })
  const userAgent = options.userAgent ?? 'Candor-Webhooks/1.0'
  const deadline = sharedDeadlines(timeoutMs)

  async function postJson(
    rawUrl: string,
    body: string,
    headers: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<HttpResult> {
    assertOutsideTransaction('a webhook request')
    let url: URL
    try {
      url = new URL(rawUrl)
    } catch {
      return { error: { ok: false, kind: 'permanent', reason: 'not a valid URL' } }
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      return { error: { ok: false, kind: 'permanent', reason: 'only http(s) URLs are allowed' } }
    // A literal IP never goes through DNS lookup, so it is checked here.
    const host = url.hostname.replace(/^\[|\]$/g, '')
    const literal = isIP(host) ? checkAddress(host, host, allowlist) : null
    if (literal) return { error: { ok: false, kind: 'permanent', reason: literal } }
    try {
      const response = await request(url, {
        dispatcher: agent,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': userAgent, ...headers },
        body,
        signal: deadline(signal),
      })
      // A success's body says nothing we keep; dumping it is cheaper than reading a snippet.
      const isSuccess = response.statusCode >= 200 && response.statusCode < 300
      const bodySnippet = isSuccess ? (await response.body.dump(), '') : await readSnippet(response.body)
      return { status: response.statusCode, bodySnippet, ...retryAfter(response.headers['retry-after']) }
    } catch (error) {
      return { error: networkFailure(error) }
    }
  }

  // Stopping must not wait for a receiver that never answers: in-flight requests are cut.
  return { postJson, close: () => agent.destroy() }
}

async function readSnippet(body: AsyncIterable<Buffer> & { destroy(): void }): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    chunks.push(chunk)
    size += chunk.length
    if (size >= snippetBytes) {
      body.destroy()
      break
    }
  }
  return Buffer.concat(chunks).subarray(0, snippetBytes).toString('utf8')
}

function retryAfter(value: string | string[] | undefined): { retryAfterMs?: number } {
  const raw = Array.isArray(value) ? value[0] : value
  if (!raw) return {}
  const seconds = Number(raw)
  if (Number.isFinite(seconds) && seconds >= 0) return { retryAfterMs: seconds * 1000 }
  const at = Date.parse(raw)
  return Number.isNaN(at) ? {} : { retryAfterMs: Math.max(0, at - Date.now()) }
}

function findCause(error: unknown): Error & { code?: string } {
  let current = error as (Error & { code?: string; cause?: unknown }) | undefined
  while (current?.cause && !(current instanceof SsrfRefusedError)) current = current.cause as typeof current
  return (current ?? (error as Error)) as Error & { code?: string }
}

function networkFailure(error: unknown): SendResult & { ok: false } {
  const cause = findCause(error)
  if (cause instanceof SsrfRefusedError || cause.code === 'ERR_CANDOR_SSRF')
    return { ok: false, kind: 'permanent', reason: cause.message }
  const code = cause.code ?? cause.name
  return { ok: false, kind: 'retry', reason: `${code}: ${cause.message}`.slice(0, 300) }
}

/** Turns an HTTP answer into a send result with the domain's classification. */
export function resultFromStatus(
  result: HttpResult,
  statusKind: (status: number) => ReturnType<typeof classifyHttpStatus> = classifyHttpStatus,
): SendResult {
  if ('error' in result) return result.error
  const kind = statusKind(result.status)
  if (kind === 'ok') return { ok: true, detail: `HTTP ${result.status}` }
  const reason = `HTTP ${result.status}${result.bodySnippet ? `: ${result.bodySnippet.slice(0, 200)}` : ''}`
  return {
    ok: false,
    kind,
    reason,
    ...(result.retryAfterMs !== undefined ? { retryAfterMs: result.retryAfterMs } : {}),
  }
}

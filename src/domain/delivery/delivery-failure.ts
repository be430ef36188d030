/**
 * What a failed send means for the next step: try again later, give up on this message,
 * or give up on the address itself (it no longer exists), which disables the subscriber.
 */
export type FailureKind = 'retry' | 'permanent' | 'gone'

export function classifyHttpStatus(status: number): FailureKind | 'ok' {
  if (status >= 200 && status < 300) return 'ok'
  if (status === 410) return 'gone'
  // The same payload will be refused again; a redirect is never followed (SSRF), so it cannot succeed either.
  if (status === 400 || status === 413 || status === 422 || (status >= 300 && status < 400)) return 'permanent'
  return 'retry'
}

/** SMTP reply codes: 4xx is temporary by definition, 5xx permanent; 5.1.x means the mailbox is not there. */
export function classifySmtpReply(code: number | undefined, enhancedStatus?: string): FailureKind {
  if (code === undefined || code < 500) return 'retry'
  if (enhancedStatus?.startsWith('5.1.')) return 'gone'
  if (code === 550 || code === 551 || code === 553) return enhancedStatus ? 'permanent' : 'gone'
  return 'permanent'
}

/** Pulls an RFC 3463 enhanced status code ("5.1.1") out of an SMTP reply text. */
export function enhancedStatusOf(reply: string | undefined): string | undefined {
  return reply?.match(/\b([245]\.\d{1,3}\.\d{1,3})\b/)?.[1]
}

/**
 * The 8x8 seed's rule: only the status page names a failing provider; every other channel
 * says "one of our third-party providers". Free text a communicator wrote is scrubbed too,
 * so the rule holds even when the name slips into an update.
 */
export function redactProvider(text: string, providerName: string | undefined, phrase: string): string {
  const name = providerName?.trim()
  if (!name) return text
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  // Word edges only where the name itself starts/ends with a word character ("AWS", not "lAWSon").
  const start = /^\w/.test(name) ? '\\b' : ''
  const end = /\w$/.test(name) ? '\\b' : ''
  // At the start of the text or of a sentence the phrase starts with a capital, as the name did.
  return text.replace(new RegExp(`${start}${escaped}${end}`, 'giu'), (_match, offset: number, whole: string) =>
    /(^|[.!?]\s+)$/u.test(whole.slice(0, offset)) ? capitalise(phrase) : phrase,
  )
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1)
}

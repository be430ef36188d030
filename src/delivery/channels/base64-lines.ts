/**
 * Base64 in lines of 76 characters (RFC 2045) for message bodies. The bodies of one fan-out
 * differ only in the recipient's own links near their end, so the lines before the first
 * difference are encoded once and reused. A reused prefix is a whole number of 57-byte
 * groups (one 76-character line each), so it and the freshly encoded rest join exactly:
 * the output is byte for byte what encoding the whole body would give.
 */
const lineBytes = 57
const lineChars = 76
/** Shorter shared prefixes are not worth remembering. */
const minimumPrefix = lineBytes * 4

function wrap(encoded: string): string {
  if (encoded.length <= lineChars) return encoded
  const lines: string[] = []
  for (let at = 0; at < encoded.length; at += lineChars) lines.push(encoded.slice(at, at + lineChars))
  return lines.join('\r\n')
}

export function base64Lines(content: string): string {
  return wrap(Buffer.from(content, 'utf8').toString('base64'))
}

function sharedLength(a: Buffer, b: Buffer): number {
  const length = Math.min(a.length, b.length)
  let at = 0
  while (at < length && a[at] === b[at]) at++
  return at
}

/**
 * An encoder that learns the prefixes its bodies share: each body is compared with the one
 * before it, and the last `slots` shared prefixes are kept. Use one per kind of body (text,
 * HTML), so that consecutive bodies are alike.
 */
export function createBase64Encoder(slots = 8): (content: string) => string {
  const known: { bytes: Buffer; lines: string }[] = []
  let previous: Buffer | null = null
  return (content) => {
    const bytes = Buffer.from(content, 'utf8')
    for (const prefix of known) {
      const length = prefix.bytes.length
      if (bytes.length >= length && bytes.compare(prefix.bytes, 0, length, 0, length) === 0) {
        if (bytes.length === length) return prefix.lines
        return `${prefix.lines}\r\n${wrap(bytes.toString('base64', length))}`
      }
    }
    if (previous) {
      const shared = sharedLength(previous, bytes)
      const aligned = shared - (shared % lineBytes)
      if (aligned >= minimumPrefix) {
        const prefix = Buffer.from(bytes.subarray(0, aligned))
        known.unshift({ bytes: prefix, lines: wrap(prefix.toString('base64')) })
        if (known.length > slots) known.pop()
      }
    }
    previous = bytes
    return wrap(bytes.toString('base64'))
  }
}

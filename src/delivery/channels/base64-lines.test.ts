import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { base64Lines, createBase64Encoder } from './base64-lines.js'

describe('base64 lines', () => {
  it('wraps at 76 characters and decodes back', () => {
    const text = 'Ünïcode and ASCII, '.repeat(40)
    const lines = base64Lines(text).split('\r\n')
    for (const line of lines.slice(0, -1)) expect(line).toHaveLength(76)
    expect(Buffer.from(lines.join(''), 'base64').toString('utf8')).toBe(text)
  })

  it('reusing shared prefixes gives exactly what encoding each body whole gives', () => {
    const body = fc.tuple(
      fc.string({ unit: 'grapheme', maxLength: 600 }),
      fc.string({ maxLength: 80 }),
      fc.string({ unit: 'grapheme', maxLength: 60 }),
    )
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.string({ maxLength: 80 })), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.array(body, { minLength: 3, maxLength: 3 }),
        (picks, templates) => {
          const encode = createBase64Encoder(2)
          for (const [which, link] of picks) {
            const [head, , tail] = templates[which]!
            const content = `${head.repeat(3)}${link}${tail}`
            expect(encode(content)).toBe(base64Lines(content))
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('learns a fan-out body after two recipients and keeps encoding it correctly', () => {
    const encode = createBase64Encoder()
    const head = 'We are investigating elevated error rates. '.repeat(30)
    for (let i = 0; i < 20; i++) {
      const content = `${head}https://status.example.test/unsubscribe?token=${'x'.repeat(i)}\n`
      expect(encode(content)).toBe(base64Lines(content))
    }
  })
})

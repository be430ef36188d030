import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { markdownToPlainText } from './plain-text.js'

describe('markdownToPlainText', () => {
  it('keeps the words and drops the markup', () => {
    expect(markdownToPlainText('We are **investigating** _elevated_ errors in `eu-west`.')).toBe(
      'We are investigating elevated errors in eu-west.',
    )
  })

  it('writes link targets after their text, and bare URLs once', () => {
    expect(
      markdownToPlainText(
        'See [the status page](https://status.example.com) or https://example.com/x, mail ops@example.com',
      ),
    ).toBe('See the status page <https://status.example.com> or https://example.com/x, mail ops@example.com')
  })

  it('keeps paragraphs, line breaks, lists and quotes readable', () => {
    const source = '# Impact\nSome customers.\nNot all.\n\n- EU\n- US\n  1. east\n  2. west\n\n> quoted\n\nAfter.'
    expect(markdownToPlainText(source)).toBe(
      'Impact\n\nSome customers.\nNot all.\n\n- EU\n- US\n  1. east\n  2. west\n\n> quoted\n\nAfter.',
    )
  })

  it('numbers ordered lists from their start', () => {
    expect(markdownToPlainText('3. three\n4. four')).toBe('3. three\n4. four')
  })

  it('shows tables row by row and code as it was written', () => {
    expect(markdownToPlainText('| region | status |\n|---|---|\n| EU | down |\n\n```\nerror 503\n```')).toBe(
      'region | status\nEU | down\n\nerror 503',
    )
  })

  it('shows an image as its description and address', () => {
    expect(markdownToPlainText('![latency graph](https://img.example.com/g.png)')).toBe(
      'latency graph <https://img.example.com/g.png>',
    )
  })

  it('keeps text that only looks like HTML as the literal text typed', () => {
    expect(markdownToPlainText('use <b> for bold')).toBe('use <b> for bold')
  })

  it('never throws and never grows text by more than its link targets', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (source) => {
        const text = markdownToPlainText(source)
        expect(typeof text).toBe('string')
        expect(text.length).toBeLessThanOrEqual(source.length * 4 + 10)
      }),
      { numRuns: 2000 },
    )
  })
})

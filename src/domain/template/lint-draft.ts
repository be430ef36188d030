import { defaultReasons, type LintKind, type LintRule } from './brand-voice.js'

export interface LintFinding {
  /** The words as written in the draft. */
  text: string
  phrase: string
  kind: LintKind
  reason: string
  /** UTF-16 offsets into the draft, end exclusive: what an editor selects. */
  start: number
  end: number
  /** 1-based, for people. */
  line: number
  column: number
}

// Scripts written without spaces: a phrase there matches anywhere, not only between word breaks.
const unspaced = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function patternOf(phrase: string): RegExp {
  const words = phrase.trim().split(/\s+/).map(escapeRegExp).join('\\s+')
  // Typographic and straight apostrophes read the same.
  const body = words.replace(/'/g, "['\u2019]")
  if (unspaced.test(phrase)) return new RegExp(body, 'giu')
  return new RegExp(`(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])`, 'giu')
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - before.lastIndexOf('\n') }
}

/** Each place a draft uses a flagged phrase, in reading order; a longer phrase wins over one inside it. */
export function lintDraft(text: string, rules: readonly LintRule[]): LintFinding[] {
  const found: LintFinding[] = []
  for (const rule of rules) {
    if (!rule.phrase.trim()) continue
    for (const match of text.matchAll(patternOf(rule.phrase))) {
      const start = match.index
      found.push({
        text: match[0],
        phrase: rule.phrase,
        kind: rule.kind,
        reason: rule.reason ?? defaultReasons[rule.kind],
        start,
        end: start + match[0].length,
        ...positionOf(text, start),
      })
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  return found.filter((f, i) => !found.slice(0, i).some((o) => o.start <= f.start && o.end >= f.end))
}

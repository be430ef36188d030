import { useEffect, useState } from 'react'
import { api } from '../api/client'

export interface LintFinding {
  text: string
  phrase: string
  kind: 'blame' | 'speculation' | 'avoid'
  reason: string
  start: number
  end: number
  line: number
  column: number
}

const kindLabels: Record<LintFinding['kind'], string> = {
  blame: 'Blame',
  speculation: 'Speculation',
  avoid: 'Word to avoid',
}
const lintDelayMs = 500

/** A draft's blame, speculation and words to avoid (POST /api/messages/lint), a moment after typing stops. */
export function useDraftLint(text: string): LintFinding[] {
  const [findings, setFindings] = useState<LintFinding[]>([])
  useEffect(() => {
    let isCurrent = true
    const timer = setTimeout(() => {
      api.post<{ findings: LintFinding[] }>('/api/messages/lint', { text }).then(
        (answer) => isCurrent && setFindings(answer.findings),
        // The lint advises; without it the person can still write and publish.
        () => isCurrent && setFindings([]),
      )
    }, lintDelayMs)
    return () => {
      isCurrent = false
      clearTimeout(timer)
    }
  }, [text])
  return findings
}

export function LintFindings({ findings }: { findings: LintFinding[] }) {
  if (findings.length === 0) return null
  return (
    <ul className="lint-findings" aria-label="Words to reconsider">
      {findings.map((f) => (
        <li key={`${f.start}-${f.phrase}`}>
          <span className="tag">{kindLabels[f.kind]}</span> “{f.text}” (line {f.line}, column {f.column}): {f.reason}
        </li>
      ))}
    </ul>
  )
}

import { useEffect, useState, type FormEvent } from 'react'
import { api } from '../../api/client'
import { errorFor } from '../../ui/field-problems'
import { TextArea, TextField } from '../../ui/field'
import { ProblemMessage } from '../../ui/problem-message'
import { useApi, useSubmit } from '../../ui/use-api'
import type { LintFinding } from '../../ui/lint-findings'
import type { BrandVoice } from './template-types'

const kinds: LintFinding['kind'][] = ['blame', 'speculation', 'avoid']
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)

/** `speculation: probably` per line, as a person writes a list. */
function parseRules(text: string): BrandVoice['lint_rules'] {
  return lines(text).map((line) => {
    const [head, ...rest] = line.split(':')
    const kind = kinds.find((k) => k === head?.trim())
    return kind ? { kind, phrase: rest.join(':').trim() } : { kind: 'avoid', phrase: line }
  })
}

/** Sign-off, words to avoid and the lint list: how the organisation speaks in every message. */
export function BrandVoiceForm({ canEdit }: { canEdit: boolean }) {
  const voice = useApi<BrandVoice>('/api/brand-voice')
  const [signOff, setSignOff] = useState('')
  const [avoid, setAvoid] = useState('')
  const [rules, setRules] = useState('')
  const [saved, setSaved] = useState<string | null>(null)
  useEffect(() => {
    if (!voice.data) return
    setSignOff(voice.data.sign_off)
    setAvoid(voice.data.words_to_avoid.join('\n'))
    setRules(voice.data.lint_rules.map((r) => `${r.kind}: ${r.phrase}`).join('\n'))
  }, [voice.data])
  const isDefault = voice.data?.lint_rules_are_default === true
  const { submit, problem, isBusy } = useSubmit((body: unknown) => api.put('/api/brand-voice', body))
  const onSubmit = async (event: FormEvent, useDefaults = false) => {
    event.preventDefault()
    setSaved(null)
    const body = { sign_off: signOff, words_to_avoid: lines(avoid), lint_rules: useDefaults ? null : parseRules(rules) }
    if (await submit(body)) {
      setSaved('Brand voice saved.')
      voice.reload()
    }
  }
  return (
    <form className="card" aria-labelledby="brand-voice-title" onSubmit={(e) => void onSubmit(e)}>
      <h2 id="brand-voice-title">Brand voice</h2>
      <TextField
        label="Sign-off"
        value={signOff}
        readOnly={!canEdit}
        onChange={(e) => setSignOff(e.target.value)}
        hint="Closes emails, webhooks and chat posts to customers; not the status page or short texts."
        error={errorFor(problem, 'sign_off')}
      />
      <TextArea
        label="Words to avoid"
        value={avoid}
        readOnly={!canEdit}
        onChange={(e) => setAvoid(e.target.value)}
        hint="One per line; the lint flags them in drafts and previews."
        error={errorFor(problem, 'words_to_avoid')}
      />
      <TextArea
        label="Lint list"
        rows={8}
        value={rules}
        readOnly={!canEdit}
        onChange={(e) => setRules(e.target.value)}
        hint={`One per line, "blame: phrase" or "speculation: phrase".${isDefault ? ' These are the defaults.' : ''}`}
        error={errorFor(problem, 'lint_rules')}
      />
      {canEdit && (
        <div className="form-actions">
          <button type="submit" className="button" disabled={isBusy}>
            Save brand voice
          </button>
          <button type="button" className="button-quiet" disabled={isBusy} onClick={(e) => void onSubmit(e, true)}>
            Use the default lint list
          </button>
        </div>
      )}
      {saved && (
        <p className="success" role="status">
          {saved}
        </p>
      )}
      <ProblemMessage problem={problem ?? voice.problem} />
    </form>
  )
}

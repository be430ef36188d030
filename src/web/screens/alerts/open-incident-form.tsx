import { useRef, useState, type FormEvent } from 'react'
import { api } from '../../api/client'
import type { AlertDetail } from '../../api/types'
import { navigate } from '../../routing/router'
import { errorFor, useFocusFirstInvalid } from '../../ui/field-problems'
import { SelectField, TextField } from '../../ui/field'
import { ProblemMessage } from '../../ui/problem-message'
import { useSubmit } from '../../ui/use-api'
import { useSeverityScale } from '../incidents/use-severity-scale'

/** The alert's severity word as a level of the scale (1 least severe); the person may change it. */
const suggestedLevel: Record<string, number> = { critical: 4, error: 3, warning: 2, info: 1 }

/** Opens an incident in triage from this alert, pre-filled from it; the alert is attached and first on its timeline. */
export function OpenIncidentForm({ alert }: { alert: AlertDetail }) {
  const scale = useSeverityScale()
  const [title, setTitle] = useState(alert.summary.slice(0, 200))
  const [severity, setSeverity] = useState(String(suggestedLevel[alert.severity] ?? 3))
  const form = useRef<HTMLFormElement>(null)
  const { submit, problem, isBusy } = useSubmit((body: unknown) =>
    api
      .post<{ incident_id: string }>(`/api/alerts/${alert.id}/open-incident`, body)
      .then((opened) => navigate(`/incidents/${opened.incident_id}`)),
  )
  useFocusFirstInvalid(form, problem)
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    void submit({ title, severity: Number(severity) })
  }
  return (
    <form ref={form} className="card" aria-labelledby="open-incident-title" onSubmit={onSubmit}>
      <h2 id="open-incident-title">Open an incident</h2>
      <TextField
        label="Incident title"
        name="title"
        value={title}
        maxLength={200}
        onChange={(e) => setTitle(e.target.value)}
        error={errorFor(problem, 'title')}
      />
      <SelectField
        label="Severity"
        name="severity"
        value={severity}
        onChange={(e) => setSeverity(e.target.value)}
        error={errorFor(problem, 'severity')}
      >
        {scale.map((s) => (
          <option key={s.level} value={s.level}>
            {s.name.charAt(0).toUpperCase() + s.name.slice(1)}
          </option>
        ))}
      </SelectField>
      <ProblemMessage problem={problem} fields={{ title: 'Incident title', severity: 'Severity' }} />
      <button type="submit" disabled={isBusy}>
        {isBusy ? 'Opening…' : 'Open incident'}
      </button>
    </form>
  )
}

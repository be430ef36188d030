import { useRef, useState, type FormEvent } from 'react'
import { api } from '../../api/client'
import type { Incident, IncidentStatus } from '../../api/types'
import { errorFor, useFocusFirstInvalid } from '../../ui/field-problems'
import { SelectField, TextField } from '../../ui/field'
import { nextStatuses } from '../../ui/incident-transitions'
import { incidentStatusLooks } from '../../ui/labels'
import { ProblemMessage } from '../../ui/problem-message'
import { useSubmit } from '../../ui/use-api'

/** Triage and public messages have their own forms; this moves the rest of the lifecycle (close, re-open triage). */
const quietMoves = new Set<IncidentStatus>(['closed', 'triage'])

export function LifecycleForm({ incident, onMoved }: { incident: Incident; onMoved(): void }) {
  const options = nextStatuses(incident.status).filter((s) => quietMoves.has(s))
  const [to, setTo] = useState<IncidentStatus | ''>('')
  const [reason, setReason] = useState('')
  const form = useRef<HTMLFormElement>(null)
  const { submit, problem, isBusy } = useSubmit((body: unknown) =>
    api.post(`/api/incidents/${incident.id}/transition`, body).then(onMoved),
  )
  useFocusFirstInvalid(form, problem)
  if (options.length === 0) return null
  const chosen = to && options.includes(to) ? to : options[0]!
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    void submit({ to: chosen, ...(reason.trim() ? { reason } : {}) })
  }
  return (
    <form ref={form} className="card" aria-labelledby="lifecycle-title" onSubmit={onSubmit}>
      <h2 id="lifecycle-title">Move the incident</h2>
      <div className="field-row">
        <SelectField label="New status" value={chosen} onChange={(e) => setTo(e.target.value as IncidentStatus)}>
          {options.map((s) => (
            <option key={s} value={s}>
              {incidentStatusLooks[s].label}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Reason (optional)"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={errorFor(problem, 'reason')}
        />
      </div>
      <ProblemMessage problem={problem} fields={{ reason: 'Reason', to: 'New status' }} />
      <button type="submit" className="button-secondary" disabled={isBusy}>
        Move to {incidentStatusLooks[chosen].label.toLowerCase()}
      </button>
    </form>
  )
}

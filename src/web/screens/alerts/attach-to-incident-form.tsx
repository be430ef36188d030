import { useRef, useState, type FormEvent } from 'react'
import { api } from '../../api/client'
import type { AlertDetail, Incident } from '../../api/types'
import { errorFor, useFocusFirstInvalid } from '../../ui/field-problems'
import { SelectField } from '../../ui/field'
import { openStatuses } from '../../ui/labels'
import { ProblemMessage } from '../../ui/problem-message'
import { useApi, useSubmit } from '../../ui/use-api'

/** Adds the alert to an incident already open: the same problem, seen from another alert. */
export function AttachToIncidentForm({ alert, onAttached }: { alert: AlertDetail; onAttached(): void }) {
  const incidents = useApi<Incident[]>('/api/incidents?limit=100')
  const open = (incidents.data ?? []).filter((i) => openStatuses.has(i.status) && i.id !== alert.incident_id)
  const [incidentId, setIncidentId] = useState('')
  const form = useRef<HTMLFormElement>(null)
  const { submit, problem, isBusy } = useSubmit((id: string) =>
    api
      .post(`/api/incidents/${id}/alerts`, {
        alert_id: alert.id,
        summary: alert.summary,
        ...(alert.source ? { source: alert.source } : {}),
      })
      .then(onAttached),
  )
  useFocusFirstInvalid(form, problem)
  if (open.length === 0) return null
  const chosen = incidentId || open[0]!.id
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    void submit(chosen)
  }
  return (
    <form ref={form} className="card" aria-labelledby="attach-title" onSubmit={onSubmit}>
      <h2 id="attach-title">Add to an open incident</h2>
      <SelectField
        label="Open incident"
        name="incident_id"
        value={chosen}
        onChange={(e) => setIncidentId(e.target.value)}
        error={errorFor(problem, 'alert_id') ?? errorFor(problem, 'incident_id')}
      >
        {open.map((i) => (
          <option key={i.id} value={i.id}>
            {i.title}
          </option>
        ))}
      </SelectField>
      <ProblemMessage problem={problem} fields={{ alert_id: 'Open incident', incident_id: 'Open incident' }} />
      <button type="submit" className="button-secondary" disabled={isBusy}>
        Add to incident
      </button>
    </form>
  )
}

import { useState, type FormEvent } from 'react'
import { api } from '../../api/client'
import type { Incident, IncidentStatus } from '../../api/types'
import { SelectField, TextArea } from '../../ui/field'
import { incidentStatusLooks, updateStatuses } from '../../ui/labels'
import { ProblemMessage } from '../../ui/problem-message'
import { useSubmit } from '../../ui/use-api'

/** POST /api/incidents/:id/updates: the update moves the incident to its status and goes to the status page and subscribers. */
export function PostUpdateForm({ incident, onPosted }: { incident: Incident; onPosted(): void }) {
  const [status, setStatus] = useState<IncidentStatus>(
    updateStatuses.includes(incident.status) ? incident.status : 'investigating',
  )
  const [body, setBody] = useState('')
  const [technical, setTechnical] = useState('')
  const { submit, problem, isBusy } = useSubmit((payload: unknown) =>
    api.post(`/api/incidents/${incident.id}/updates`, payload),
  )

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const ok = await submit({ status, body, ...(technical.trim() ? { body_technical: technical } : {}) })
    if (!ok) return
    setBody('')
    setTechnical('')
    onPosted()
  }

  return (
    <form className="card" aria-labelledby="post-update-title" onSubmit={(e) => void onSubmit(e)}>
      <h2 id="post-update-title">Post an update</h2>
      <SelectField
        label="Status"
        name="status"
        value={status}
        onChange={(e) => setStatus(e.target.value as IncidentStatus)}
      >
        {updateStatuses.map((s) => (
          <option key={s} value={s}>
            {incidentStatusLooks[s].label}
          </option>
        ))}
      </SelectField>
      <TextArea
        label="Message"
        name="body"
        required
        value={body}
        onChange={(e) => setBody(e.target.value)}
        hint="Customers read this on the status page: what is affected, what you are doing, when they will hear next."
      />
      <TextArea
        label="Details for IT teams (optional)"
        name="body_technical"
        rows={2}
        value={technical}
        onChange={(e) => setTechnical(e.target.value)}
      />
      <ProblemMessage problem={problem} />
      <button type="submit" disabled={isBusy}>
        {isBusy ? 'Posting…' : 'Post update'}
      </button>
    </form>
  )
}

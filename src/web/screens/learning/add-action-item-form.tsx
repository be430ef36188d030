import { useRef, useState, type FormEvent } from 'react'
import { api } from '../../api/client'
import { errorFor, useFocusFirstInvalid } from '../../ui/field-problems'
import { SelectField, TextField } from '../../ui/field'
import { ProblemMessage } from '../../ui/problem-message'
import { useApi, useSubmit } from '../../ui/use-api'

interface Member {
  id: string
  name: string
  email: string
}

/** A planned improvement as an action item: what, who owns it (a member, so reminders reach them), by when. */
export function AddActionItemForm({ incidentId, onAdded }: { incidentId: string; onAdded(): void }) {
  const members = useApi<Member[]>('/api/members')
  const [title, setTitle] = useState('')
  const [ownerId, setOwnerId] = useState('')
  const [dueOn, setDueOn] = useState('')
  const form = useRef<HTMLFormElement>(null)
  const adding = useSubmit(() =>
    api.post(`/api/incidents/${incidentId}/action-items`, {
      title,
      owner_id: ownerId || null,
      due_on: dueOn || null,
    }),
  )
  useFocusFirstInvalid(form, adding.problem)
  const add = async (event: FormEvent) => {
    event.preventDefault()
    if (!(await adding.submit())) return
    setTitle('')
    setDueOn('')
    onAdded()
  }
  return (
    <form ref={form} className="inline-form" aria-label="Add an action item" onSubmit={(e) => void add(e)}>
      <TextField
        label="Action item"
        name="title"
        value={title}
        required
        error={errorFor(adding.problem, 'title')}
        onChange={(e) => setTitle(e.target.value)}
      />
      <SelectField
        label="Owner"
        name="owner_id"
        value={ownerId}
        error={errorFor(adding.problem, 'owner_id')}
        onChange={(e) => setOwnerId(e.target.value)}
      >
        <option value="">Nobody yet</option>
        {(members.data ?? []).map((m) => (
          <option key={m.id} value={m.id}>
            {m.name || m.email}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Due on"
        name="due_on"
        type="date"
        value={dueOn}
        error={errorFor(adding.problem, 'due_on')}
        onChange={(e) => setDueOn(e.target.value)}
      />
      <button type="submit" disabled={adding.isBusy}>
        Add
      </button>
      <ProblemMessage problem={adding.problem} fields={{ title: 'Action item', owner_id: 'Owner', due_on: 'Due on' }} />
    </form>
  )
}

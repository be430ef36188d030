import { useRef, useState, type FormEvent } from 'react'
import { api } from '../../api/client'
import type { Component, ComponentStatus } from '../../api/types'
import { errorFor, useFocusFirstInvalid } from '../../ui/field-problems'
import { componentStatuses, componentStatusLooks } from '../../ui/labels'
import { ProblemMessage } from '../../ui/problem-message'
import { useSubmit } from '../../ui/use-api'

/** PATCH /api/components/:id with a new status; the status page follows within a second. */
export function ComponentStatusForm({ component, onChanged }: { component: Component; onChanged(): void }) {
  const [status, setStatus] = useState<ComponentStatus>(component.status)
  const { submit, problem, isBusy } = useSubmit((next: ComponentStatus) =>
    api.patch(`/api/components/${component.id}`, { status: next }),
  )
  const selectId = `status-${component.id}`
  const form = useRef<HTMLFormElement>(null)
  useFocusFirstInvalid(form, problem)
  const isInvalid = errorFor(problem, 'status') !== undefined

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (await submit(status)) onChanged()
  }

  return (
    <form ref={form} className="inline-form" onSubmit={(e) => void onSubmit(e)}>
      <label htmlFor={selectId} className="visually-hidden">
        New status of {component.name}
      </label>
      <select
        id={selectId}
        aria-invalid={isInvalid || undefined}
        aria-describedby={problem ? `${selectId}-problem` : undefined}
        value={status}
        onChange={(e) => setStatus(e.target.value as ComponentStatus)}
      >
        {componentStatuses.map((s) => (
          <option key={s} value={s}>
            {componentStatusLooks[s].label}
          </option>
        ))}
      </select>
      <button type="submit" className="button-small" disabled={isBusy || status === component.status}>
        Set<span className="visually-hidden"> status of {component.name}</span>
      </button>
      <div id={`${selectId}-problem`}>
        <ProblemMessage problem={problem} fields={{ status: `New status of ${component.name}` }} />
      </div>
    </form>
  )
}

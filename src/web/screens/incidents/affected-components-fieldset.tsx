import type { Component, ComponentStatus } from '../../api/types'
import { componentStatusLooks } from '../../ui/labels'

export type ComponentChanges = Record<string, ComponentStatus | ''>

const outageStatuses: ComponentStatus[] = [
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
]

/**
 * One choice per component of the page: not affected, or how badly; the chosen status is published
 * with the incident.
 */
export function AffectedComponentsFieldset({
  components,
  changes,
  onChange,
}: {
  components: Component[]
  changes: ComponentChanges
  onChange(next: ComponentChanges): void
}) {
  if (components.length === 0) return null
  return (
    <fieldset className="affected">
      <legend>Affected components</legend>
      <div className="affected-grid">
        {components.map((component) => {
          const id = `affected-${component.id}`
          return (
            <div key={component.id} className="field">
              <label htmlFor={id}>{component.name}</label>
              <select
                id={id}
                value={changes[component.id] ?? ''}
                onChange={(e) => onChange({ ...changes, [component.id]: e.target.value as ComponentStatus | '' })}
              >
                <option value="">Not affected</option>
                {outageStatuses.map((s) => (
                  <option key={s} value={s}>
                    {componentStatusLooks[s].label}
                  </option>
                ))}
              </select>
            </div>
          )
        })}
      </div>
    </fieldset>
  )
}

export function changesToPayload(changes: ComponentChanges): { id: string; status: ComponentStatus }[] {
  return Object.entries(changes).flatMap(([id, status]) => (status ? [{ id, status }] : []))
}

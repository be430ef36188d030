import { useState, type FormEvent } from 'react'
import { api } from '../../api/client'
import type { Component, Impact, Incident, StatusPage } from '../../api/types'
import { navigate } from '../../routing/router'
import { SelectField, TextArea, TextField } from '../../ui/field'
import { impactLabels, incidentStatusLooks } from '../../ui/labels'
import { ProblemMessage } from '../../ui/problem-message'
import { useApi, useSubmit } from '../../ui/use-api'
import { AffectedComponentsFieldset, changesToPayload, type ComponentChanges } from './affected-components-fieldset'
import { useSeverityScale } from './use-severity-scale'

const firstStatuses = ['investigating', 'identified', 'monitoring', 'triage'] as const

/** POST /api/incidents: public at once with its first update, or in triage (nothing public until declared). */
export function DeclareIncidentScreen() {
  const scale = useSeverityScale()
  const pages = useApi<StatusPage[]>('/api/pages')
  const components = useApi<Component[]>('/api/components')
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [status, setStatus] = useState<(typeof firstStatuses)[number]>('investigating')
  const [severity, setSeverity] = useState('3')
  const [impact, setImpact] = useState<Impact | ''>('')
  const [pageId, setPageId] = useState('')
  const [changes, setChanges] = useState<ComponentChanges>({})
  const { submit, problem, isBusy } = useSubmit((payload: unknown) =>
    api.post<Incident>('/api/incidents', payload).then((i) => navigate(`/incidents/${i.id}`)),
  )

  const chosenPage = pageId || pages.data?.[0]?.id || ''
  const pageComponents = (components.data ?? []).filter((c) => c.page_id === chosenPage)

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    void submit({
      title,
      status,
      severity: Number(severity),
      ...(impact ? { impact } : {}),
      ...(chosenPage ? { page_id: chosenPage } : {}),
      ...(body.trim() ? { body } : {}),
      components: changesToPayload(changes).filter((c) => pageComponents.some((p) => p.id === c.id)),
    })
  }

  return (
    <section aria-labelledby="declare-title" className="narrow">
      <h1 id="declare-title" tabIndex={-1}>
        Declare an incident
      </h1>
      <form className="card" onSubmit={onSubmit}>
        <TextField
          label="Title"
          name="title"
          required
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          hint="What customers will read, e.g. “Elevated API error rates in the EU”."
        />
        <TextArea
          label="First update"
          name="body"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          hint="“We are investigating” is enough: say it early, the scope can follow."
        />
        <div className="field-row">
          <SelectField label="Status" value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            {firstStatuses.map((s) => (
              <option key={s} value={s}>
                {s === 'triage' ? 'Triage (not public yet)' : incidentStatusLooks[s].label}
              </option>
            ))}
          </SelectField>
          <SelectField label="Severity" value={severity} onChange={(e) => setSeverity(e.target.value)}>
            {scale.map((s) => (
              <option key={s.level} value={s.level}>
                {s.name.charAt(0).toUpperCase() + s.name.slice(1)} — {s.description}
              </option>
            ))}
          </SelectField>
          <SelectField label="Impact" value={impact} onChange={(e) => setImpact(e.target.value as Impact | '')}>
            <option value="">From the affected components</option>
            {Object.entries(impactLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
        </div>
        {(pages.data?.length ?? 0) > 1 && (
          <SelectField label="Status page" value={chosenPage} onChange={(e) => setPageId(e.target.value)}>
            {pages.data!.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
        )}
        <AffectedComponentsFieldset components={pageComponents} changes={changes} onChange={setChanges} />
        <ProblemMessage problem={problem ?? pages.problem ?? components.problem} />
        <button type="submit" disabled={isBusy}>
          {isBusy ? 'Declaring…' : 'Declare incident'}
        </button>
      </form>
    </section>
  )
}

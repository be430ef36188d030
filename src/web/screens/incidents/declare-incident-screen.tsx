import { useRef, useState, type FormEvent } from 'react'
import { api } from '../../api/client'
import type { Component, Impact, Incident, StatusPage } from '../../api/types'
import { navigate } from '../../routing/router'
import { errorFor, useFocusFirstInvalid } from '../../ui/field-problems'
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

  const form = useRef<HTMLFormElement>(null)
  useFocusFirstInvalid(form, problem)
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
      <form ref={form} className="card" onSubmit={onSubmit}>
        <TextField
          label="Title"
          name="title"
          required
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={errorFor(problem, 'title')}
          hint="What customers will read, e.g. “Elevated API error rates in the EU”."
        />
        <TextArea
          label="First update"
          name="body"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          error={errorFor(problem, 'body')}
          hint="“We are investigating” is enough: say it early, the scope can follow."
        />
        <div className="field-row">
          <SelectField
            label="Status"
            error={errorFor(problem, 'status')}
            value={status}
            onChange={(e) => setStatus(e.target.value as typeof status)}
          >
            {firstStatuses.map((s) => (
              <option key={s} value={s}>
                {s === 'triage' ? 'Triage (not public yet)' : incidentStatusLooks[s].label}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Severity"
            error={errorFor(problem, 'severity')}
            value={severity}
            onChange={(e) => setSeverity(e.target.value)}
          >
            {scale.map((s) => (
              <option key={s.level} value={s.level}>
                {s.name.charAt(0).toUpperCase() + s.name.slice(1)} — {s.description}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Impact"
            error={errorFor(problem, 'impact')}
            value={impact}
            onChange={(e) => setImpact(e.target.value as Impact | '')}
          >
            <option value="">From the affected components</option>
            {Object.entries(impactLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
        </div>
        {(pages.data?.length ?? 0) > 1 && (
          <SelectField
            label="Status page"
            error={errorFor(problem, 'page_id')}
            value={chosenPage}
            onChange={(e) => setPageId(e.target.value)}
          >
            {pages.data!.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
        )}
        <AffectedComponentsFieldset components={pageComponents} changes={changes} onChange={setChanges} />
        <ProblemMessage
          problem={problem ?? pages.problem ?? components.problem}
          fields={{
            title: 'Title',
            body: 'First update',
            status: 'Status',
            severity: 'Severity',
            impact: 'Impact',
            page_id: 'Status page',
            components: 'Affected components',
          }}
        />
        <button type="submit" disabled={isBusy}>
          {isBusy ? 'Declaring…' : 'Declare incident'}
        </button>
      </form>
    </section>
  )
}

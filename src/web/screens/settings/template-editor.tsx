import { useEffect, useState, type FormEvent } from 'react'
import { api } from '../../api/client'
import { toProblem, type Problem } from '../../api/problem'
import type { Incident } from '../../api/types'
import { errorFor } from '../../ui/field-problems'
import { SelectField, TextArea } from '../../ui/field'
import { ProblemMessage } from '../../ui/problem-message'
import { useApi, useSubmit } from '../../ui/use-api'
import { TemplatePreview } from './template-preview'
import {
  audiences,
  channels,
  labelOf,
  type Preview,
  stages,
  type TemplateDetail,
  type TemplateRow,
  type TemplateSources,
  templatePath,
} from './template-types'

const fields = { subject: 'Subject', body: 'Body', short: 'Short text' }
const previewDelayMs = 400
const variables =
  'page_name, status_url, incident_title, incident_url, affected, who, who_known, started_at, resolved_at, ' +
  'expected_duration, workaround, message, message_short, technical_detail, contact, response_time, cadence, ' +
  'next_update_at, summary_url, postmortem_url, provider, has_third_party, false_alarm, is_drill'

/** Live preview of the unsaved sources in every channel, a moment after typing stops. */
function usePreview(row: TemplateRow, sources: TemplateSources | null, incidentId: string) {
  const [preview, setPreview] = useState<Preview | null>(null)
  const [problem, setProblem] = useState<Problem | null>(null)
  useEffect(() => {
    if (!sources) return
    let isCurrent = true
    const timer = setTimeout(() => {
      api
        .post<Preview>('/api/templates/preview', {
          stage: row.stage,
          audience: row.audience,
          locale: row.locale,
          ...(incidentId ? { incident_id: incidentId } : {}),
          draft: { channel: row.channel, ...sources },
        })
        .then(
          (value) => {
            if (!isCurrent) return
            setPreview(value)
            setProblem(null)
          },
          (error: unknown) => isCurrent && setProblem(toProblem(error)),
        )
    }, previewDelayMs)
    return () => {
      isCurrent = false
      clearTimeout(timer)
    }
  }, [row, sources, incidentId])
  return { preview, problem }
}

/** Edit one template with a live preview; a field left as ours keeps following our later fixes. */
export function TemplateEditor({ row, canEdit, onChanged }: { row: TemplateRow; canEdit: boolean; onChanged(): void }) {
  const detail = useApi<TemplateDetail>(templatePath(row))
  const incidents = useApi<Incident[]>('/api/incidents?limit=20')
  const [sources, setSources] = useState<TemplateSources | null>(null)
  const [incidentId, setIncidentId] = useState('')
  const [saved, setSaved] = useState<string | null>(null)
  const data = detail.data
  useEffect(() => {
    if (data) setSources({ subject: data.subject, body: data.body, short: data.short })
  }, [data])
  const live = usePreview(row, sources, incidentId)
  const save = useSubmit(async (next: TemplateSources) => {
    const changed = Object.fromEntries(
      Object.entries(next).map(([f, v]) => [f, v === data?.built_in[f as keyof TemplateSources] ? null : v]),
    )
    const isOurs = Object.values(changed).every((v) => v === null)
    if (isOurs && data?.overridden) await api.delete(templatePath(row))
    else if (!isOurs) await api.put(templatePath(row), changed)
  })
  const reset = useSubmit(() => api.delete(templatePath(row)))
  if (!sources || !data) return <ProblemMessage problem={detail.problem} />

  const title = [
    labelOf(stages, row.stage),
    labelOf(channels, row.channel),
    labelOf(audiences, row.audience),
    row.locale,
  ].join(' · ')
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setSaved(null)
    if (await save.submit(sources)) {
      setSaved('Saved: this is the template that renders now.')
      detail.reload()
      onChanged()
    }
  }
  const onReset = async () => {
    setSaved(null)
    if (await reset.submit()) {
      setSaved('Back to the built-in template.')
      detail.reload()
      onChanged()
    }
  }
  const problem = save.problem ?? live.problem
  return (
    <section className="card template-editor" aria-labelledby="template-editor-title">
      <h2 id="template-editor-title">{title}</h2>
      <p className="hint">
        Liquid, no code: {variables}. Write <code>{'{{ sign_off }}'}</code> to place the sign-off yourself.
      </p>
      <form onSubmit={(e) => void onSubmit(e)} aria-label="Edit template">
        {(['subject', 'body', 'short'] as const).map((field) => (
          <TextArea
            key={field}
            label={fields[field]}
            name={field}
            rows={field === 'body' ? 12 : 2}
            value={sources[field]}
            readOnly={!canEdit}
            className="template-source"
            onChange={(e) => setSources({ ...sources, [field]: e.target.value })}
            error={errorFor(problem, field) ?? errorFor(problem, `draft.${field}`)}
            hint={data.overridden_fields.includes(field) ? 'Your own' : 'Built-in'}
          />
        ))}
        {canEdit && (
          <div className="form-actions">
            <button type="submit" className="button" disabled={save.isBusy}>
              Save template
            </button>
            {data.overridden && (
              <button type="button" className="button-quiet" onClick={() => void onReset()} disabled={reset.isBusy}>
                Reset to built-in
              </button>
            )}
          </div>
        )}
        {saved && (
          <p className="success" role="status">
            {saved}
          </p>
        )}
        <ProblemMessage problem={problem ?? reset.problem} fields={{ ...fields, draft: 'Template' }} />
      </form>
      <SelectField label="Preview with" value={incidentId} onChange={(e) => setIncidentId(e.target.value)}>
        <option value="">Sample facts</option>
        {(incidents.data ?? []).map((i) => (
          <option key={i.id} value={i.id}>
            {i.title}
          </option>
        ))}
      </SelectField>
      {live.preview && <TemplatePreview preview={live.preview} />}
    </section>
  )
}

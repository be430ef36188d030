import { useState } from 'react'
import { useMe } from '../../session/session-context'
import { SelectField } from '../../ui/field'
import { ProblemMessage } from '../../ui/problem-message'
import { useApi } from '../../ui/use-api'
import { BrandVoiceForm } from './brand-voice-form'
import { TemplateEditor } from './template-editor'
import {
  audiences,
  channels,
  labelOf,
  locales,
  stages,
  type TemplateAudience,
  type TemplateRow,
  type TemplateStage,
} from './template-types'

/** The organisation's own messages: every stage per channel, audience and language, and its brand voice. */
export function TemplatesScreen() {
  const me = useMe()
  const canEdit = me.permissions.includes('template.manage')
  const [stage, setStage] = useState<TemplateStage>('acknowledge')
  const [audience, setAudience] = useState<TemplateAudience>('customer')
  const [locale, setLocale] = useState('en')
  const [editing, setEditing] = useState<TemplateRow | null>(null)
  const shownAudience = stage === 'stand_down' ? 'internal' : audience
  const list = useApi<{ templates: TemplateRow[] }>(
    `/api/templates?stage=${stage}&audience=${shownAudience}&locale=${encodeURIComponent(locale)}`,
  )
  const choose = (change: () => void) => {
    change()
    setEditing(null)
  }
  return (
    <section aria-labelledby="templates-title">
      <h1 id="templates-title" tabIndex={-1}>
        Templates
      </h1>
      <p className="muted">
        What every message says, per stage, channel, audience and language. Edit one to make it your own; reset it to go
        back to ours.
      </p>
      <fieldset className="card field-row template-filter">
        <legend className="visually-hidden">Which templates</legend>
        <SelectField
          label="Stage"
          value={stage}
          onChange={(e) => choose(() => setStage(e.target.value as TemplateStage))}
        >
          {stages.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Audience"
          value={shownAudience}
          disabled={stage === 'stand_down'}
          onChange={(e) => choose(() => setAudience(e.target.value as TemplateAudience))}
        >
          {audiences.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField label="Language" value={locale} onChange={(e) => choose(() => setLocale(e.target.value))}>
          {locales.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </SelectField>
      </fieldset>
      <ProblemMessage problem={list.problem} />
      <div className="table-scroll">
        <table aria-label="Templates of this stage">
          <thead>
            <tr>
              <th scope="col">Channel</th>
              <th scope="col">Template</th>
              <th scope="col">Changed</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(list.data?.templates ?? []).map((t) => (
              <tr key={t.channel}>
                <td>{labelOf(channels, t.channel)}</td>
                <td>
                  <span className={`badge ${t.overridden ? 'tone-info' : 'tone-neutral'}`}>
                    {t.overridden ? 'Own' : 'Built-in'}
                  </span>
                </td>
                <td>{t.updated_at ? `${new Date(t.updated_at).toLocaleString()} by ${t.updated_by}` : '—'}</td>
                <td>
                  <button type="button" className="button-small" onClick={() => setEditing(t)}>
                    {canEdit ? 'Edit' : 'View'} {labelOf(channels, t.channel)}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing && (
        <TemplateEditor key={JSON.stringify(editing)} row={editing} canEdit={canEdit} onChanged={list.reload} />
      )}
      <BrandVoiceForm canEdit={canEdit} />
    </section>
  )
}

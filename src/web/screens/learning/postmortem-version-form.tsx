import { useRef, useState, type FormEvent } from 'react'
import { postmortemSectionNames, postmortemSections } from '../../../domain/postmortem/postmortem-sections'
import { api } from '../../api/client'
import type { Postmortem, PostmortemSections } from '../../api/types'
import { errorFor, useFocusFirstInvalid } from '../../ui/field-problems'
import { TextArea } from '../../ui/field'
import { ProblemMessage } from '../../ui/problem-message'
import { useSubmit } from '../../ui/use-api'

const hints: Record<string, string> = {
  scope: 'What was affected, and for whom.',
  impact: 'How long, how many, what customers could not do.',
  timeline: 'Drafted from the incident timeline; edit freely, or generate it again.',
  root_cause: 'What failed and why. Name what failed, never who.',
  resolution: 'How it was fixed.',
  improvements: 'What will change so it does not happen again; track each as an action item below.',
}

/** One version (internal or public) of the postmortem, a text area per section of the seeds' template. */
export function PostmortemVersionForm({
  postmortem,
  version,
  canWrite,
  onSaved,
}: {
  postmortem: Postmortem
  version: 'internal' | 'public'
  canWrite: boolean
  onSaved(): void
}) {
  const id = postmortem.incident_id
  const [sections, setSections] = useState<PostmortemSections>(postmortem[version])
  const form = useRef<HTMLFormElement>(null)
  const saving = useSubmit(() =>
    api.patch(`/api/incidents/${id}/postmortem`, { revision: postmortem.revision, [version]: sections }).then(onSaved),
  )
  const generating = useSubmit(() =>
    api.post<Postmortem>(`/api/incidents/${id}/postmortem/timeline`, { version }).then((next) => {
      setSections((s) => ({ ...s, timeline: next[version].timeline }))
      onSaved()
    }),
  )
  useFocusFirstInvalid(form, saving.problem)
  const save = (event: FormEvent) => {
    event.preventDefault()
    void saving.submit()
  }
  const label = version === 'internal' ? 'Internal version' : 'Public version'
  return (
    <form ref={form} className="card postmortem-form" aria-label={label} onSubmit={save}>
      <h2>{label}</h2>
      <p className="muted">
        {version === 'internal'
          ? 'For the team: the confirmed facts, with names and details.'
          : 'For customers, on the status page: plain words, no blame, no internal names.'}
      </p>
      {postmortemSections.map((s) => (
        <TextArea
          key={s}
          label={postmortemSectionNames[s]}
          name={`${version}.${s}`}
          rows={s === 'timeline' ? 10 : 4}
          value={sections[s]}
          readOnly={!canWrite}
          hint={hints[s]}
          error={errorFor(saving.problem, `${version}.${s}`)}
          onChange={(e) => setSections((current) => ({ ...current, [s]: e.target.value }))}
        />
      ))}
      <ProblemMessage problem={saving.problem ?? generating.problem} />
      {canWrite && (
        <div className="form-actions">
          <button type="submit" disabled={saving.isBusy}>
            {saving.isBusy ? 'Saving…' : `Save the ${version} version`}
          </button>
          <button
            type="button"
            className="button-secondary"
            disabled={generating.isBusy}
            onClick={() => void generating.submit()}
          >
            Generate the timeline again
          </button>
        </div>
      )}
    </form>
  )
}

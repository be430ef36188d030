import { useRef, useState, type FormEvent } from 'react'
import { api } from '../../api/client'
import type { Component, Incident, IncidentStatus, ProcessState, StatusPage } from '../../api/types'
import { errorFor, useFocusFirstInvalid } from '../../ui/field-problems'
import { SelectField, TextArea } from '../../ui/field'
import { publicStatusesFrom } from '../../ui/incident-transitions'
import { incidentStatusLooks } from '../../ui/labels'
import { LintFindings, useDraftLint } from '../../ui/lint-findings'
import { ProblemMessage } from '../../ui/problem-message'
import { useApi, useSubmit } from '../../ui/use-api'
import { ChannelChoices } from './channel-choices'
import { defaultMessageText, type Stage } from './default-message-text'
import { initialChannels } from './message-channels'
import { MessagePreview } from './message-preview'
import { useOwnTemplateText } from './template-default-text'

const stageLabels: Record<Stage, string> = {
  acknowledgement: 'Acknowledgement',
  scope: 'Scope and impact',
  update: 'Update',
  all_clear: 'All-clear (resolves the incident)',
  postmortem: 'Postmortem',
}
const fieldLabels = { stage: 'Stage', status: 'Status', text: 'Message', channels: 'Channels', page_id: 'Status page' }

function stagesFor(status: IncidentStatus, isAcknowledged: boolean): Stage[] {
  if (status === 'resolved') return ['postmortem']
  if (!['declared', 'investigating', 'identified', 'monitoring'].includes(status)) return []
  return [...(isAcknowledged ? [] : (['acknowledgement'] as const)), 'scope', 'update', 'all_clear']
}

/** Steps 5–7 in one place: pick the stage, start from the template's words, choose channels, check, publish. */
export function MessageComposer({
  incident,
  process,
  components,
  onPublished,
}: {
  incident: Incident
  process: ProcessState
  components: Component[]
  onPublished(): void
}) {
  const stages = stagesFor(incident.status, process.acknowledged_at !== null)
  // Once customers have heard the first word, the next message is most often an update.
  const [stage, setStage] = useState<Stage>(
    stages.includes('update') && process.acknowledged_at ? 'update' : (stages[0] ?? 'update'),
  )
  const [text, setText] = useState<string | null>(null)
  const statuses = publicStatusesFrom(incident.status)
  const [status, setStatus] = useState<IncidentStatus | ''>('')
  const [channels, setChannels] = useState(() => initialChannels(process.channels_used))
  const [pageId, setPageId] = useState('')
  const [published, setPublished] = useState<string | null>(null)
  const pages = useApi<StatusPage[]>('/api/pages')
  const form = useRef<HTMLFormElement>(null)
  const ownText = useOwnTemplateText(stages.includes(stage) ? stage : (stages[0] ?? 'update'), incident.id)
  const { submit, problem, isBusy } = useSubmit(async (body: unknown, page: string) => {
    if (page) await api.patch(`/api/incidents/${incident.id}`, { page_id: page })
    await api.post(`/api/incidents/${incident.id}/messages`, body)
  })
  useFocusFirstInvalid(form, problem)

  if (stages.length === 0) return null
  const chosenStage = stages.includes(stage) ? stage : stages[0]!
  const hasStatus = chosenStage === 'acknowledgement' || chosenStage === 'scope' || chosenStage === 'update'
  const chosenStatus =
    status && statuses.includes(status) ? status : statuses.includes(incident.status) ? incident.status : statuses[0]
  const shownText = text ?? ownText ?? defaultMessageText(chosenStage, incident, process, components, new Date())
  const needsPage = incident.page_id === null && (pages.data?.length ?? 0) > 0
  const chosenPage = pageId || pages.data?.[0]?.id || ''

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setPublished(null)
    const body = {
      stage: chosenStage,
      text: shownText,
      channels,
      ...(hasStatus && chosenStatus ? { status: chosenStatus } : {}),
    }
    if (!(await submit(body, needsPage ? chosenPage : ''))) return
    setText(null)
    setStage('update')
    setPublished(`${stageLabels[chosenStage]} published.`)
    onPublished()
  }

  return (
    <form ref={form} className="card composer" aria-labelledby="composer-title" onSubmit={(e) => void onSubmit(e)}>
      <h2 id="composer-title">Tell customers</h2>
      <div className="field-row">
        <SelectField
          label="Stage"
          name="stage"
          value={chosenStage}
          onChange={(e) => {
            setStage(e.target.value as Stage)
            setText(null)
          }}
          error={errorFor(problem, 'stage')}
        >
          {stages.map((s) => (
            <option key={s} value={s}>
              {stageLabels[s]}
            </option>
          ))}
        </SelectField>
        {hasStatus && chosenStatus && (
          <SelectField
            label="Status"
            name="status"
            value={chosenStatus}
            onChange={(e) => setStatus(e.target.value as IncidentStatus)}
            error={errorFor(problem, 'status')}
          >
            {statuses.map((s) => (
              <option key={s} value={s}>
                {incidentStatusLooks[s].label}
              </option>
            ))}
          </SelectField>
        )}
        {needsPage && (
          <SelectField
            label="Status page"
            name="page_id"
            value={chosenPage}
            onChange={(e) => setPageId(e.target.value)}
            error={errorFor(problem, 'page_id')}
          >
            {pages.data!.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      <TextArea
        label="Message"
        name="text"
        rows={5}
        value={shownText}
        onChange={(e) => setText(e.target.value)}
        error={errorFor(problem, 'text')}
        hint="Starts from the template for this stage; edit it to say what you know."
      />
      <DraftLint text={shownText} />
      <ChannelChoices
        chosen={channels}
        locked={process.channels_used}
        error={errorFor(problem, 'channels')}
        onChange={setChannels}
      />
      <MessagePreview
        status={hasStatus && chosenStatus ? chosenStatus : chosenStage === 'all_clear' ? 'resolved' : incident.status}
        text={shownText}
        channels={[...new Set([...process.channels_used, ...channels])]}
      />
      <ProblemMessage problem={problem} fields={fieldLabels} />
      {published && (
        <p className="notice" role="status">
          {published}
        </p>
      )}
      <button type="submit" disabled={isBusy}>
        {isBusy ? 'Publishing…' : `Publish ${stageLabels[chosenStage].replace(/ \(.*\)$/, '').toLowerCase()}`}
      </button>
    </form>
  )
}

/** Flags blame and speculation as the person writes; advice, never a block on publishing. */
function DraftLint({ text }: { text: string }) {
  return <LintFindings findings={useDraftLint(text)} />
}

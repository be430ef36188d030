import { useState, type FormEvent } from 'react'
import { postmortemSectionNames } from '../../../domain/postmortem/postmortem-sections'
import { api } from '../../api/client'
import type { Incident, Postmortem } from '../../api/types'
import { Link } from '../../routing/router'
import { useCan } from '../../session/session-context'
import { TextArea } from '../../ui/field'
import { Loading } from '../../ui/loading'
import { ProblemMessage } from '../../ui/problem-message'
import { TimeText } from '../../ui/time-text'
import { useApi, useSubmit } from '../../ui/use-api'
import { useLiveChanges } from '../../ui/use-live-changes'
import { ActionItemRows } from './action-item-rows'
import { AddActionItemForm } from './add-action-item-form'
import { ContributingFactorsForm } from './contributing-factors-form'
import { PostmortemVersionForm } from './postmortem-version-form'

/** No postmortem yet: start one from the template, or (for a less severe incident) skip it with a reason. */
function NoPostmortem({ incidentId, onChanged }: { incidentId: string; onChanged(): void }) {
  const can = useCan()
  const [reason, setReason] = useState('')
  const starting = useSubmit(() => api.post(`/api/incidents/${incidentId}/postmortem`, {}).then(onChanged))
  const skipping = useSubmit(() => api.post(`/api/incidents/${incidentId}/postmortem/skip`, { reason }))
  const skip = (event: FormEvent) => {
    event.preventDefault()
    void skipping.submit()
  }
  if (!can('postmortem.write')) return <p className="muted">No postmortem has been written yet.</p>
  return (
    <section className="card" aria-labelledby="start-title">
      <h2 id="start-title">No postmortem yet</h2>
      <p>
        The template has the seeds' sections: scope, impact, timeline, root cause, resolution and planned improvements.
        Scope, impact and the timeline are drafted from the incident.
      </p>
      <button type="button" disabled={starting.isBusy} onClick={() => void starting.submit()}>
        Start from the template
      </button>
      <ProblemMessage problem={starting.problem} />
      <form className="inline-form" aria-label="Skip the postmortem" onSubmit={skip}>
        <TextArea
          label="Why no postmortem is needed"
          name="reason"
          rows={2}
          value={reason}
          hint="Only a less severe incident may skip it."
          onChange={(e) => setReason(e.target.value)}
        />
        <button type="submit" className="button-secondary" disabled={skipping.isBusy}>
          Skip the postmortem
        </button>
      </form>
      <ProblemMessage problem={skipping.problem} fields={{ reason: 'Why no postmortem is needed' }} />
    </section>
  )
}

/** Publishing puts the public version on the status page; the first time also tells subscribers. */
function PublishPanel({ postmortem, onPublished }: { postmortem: Postmortem; onPublished(): void }) {
  const publishing = useSubmit(() =>
    api
      .post(`/api/incidents/${postmortem.incident_id}/postmortem/publish`, { revision: postmortem.revision })
      .then(onPublished),
  )
  const published = postmortem.published
  const missing = postmortem.public_missing.map((s) => postmortemSectionNames[s])
  return (
    <section className="card" aria-labelledby="publish-title">
      <h2 id="publish-title">Public postmortem</h2>
      {published ? (
        <p>
          On the status page since <TimeText at={published.first_published_at} /> (last published{' '}
          <TimeText at={published.published_at} /> by {published.published_by}).
          {published.has_unpublished_changes && ' The public version has changes that are not published yet.'}
        </p>
      ) : (
        <p>Not published yet. Publishing shows it on the incident's status-page entry and tells subscribers.</p>
      )}
      {missing.length > 0 && <p className="muted">Still to write: {missing.join(', ')}.</p>}
      {(!published || published.has_unpublished_changes) && (
        <button type="button" disabled={publishing.isBusy} onClick={() => void publishing.submit()}>
          {published ? 'Publish the changes' : 'Publish to the status page'}
        </button>
      )}
      <ProblemMessage problem={publishing.problem} />
    </section>
  )
}

/** The postmortem editor: both versions by section, contributing factors, action items, publishing. */
export function PostmortemScreen({ id }: { id: string }) {
  const incident = useApi<Incident>(`/api/incidents/${id}`)
  const postmortem = useApi<Postmortem>(`/api/incidents/${id}/postmortem`)
  const can = useCan()
  const [version, setVersion] = useState<'internal' | 'public'>('internal')
  useLiveChanges(`/api/incidents/${id}/events`, postmortem.reload)
  const canWrite = can('postmortem.write')
  const isMissing = postmortem.problem?.status === 404 && incident.data !== undefined
  return (
    <section aria-labelledby="postmortem-title">
      <p>
        <Link to={`/incidents/${id}`}>← Incident</Link>
        {' · '}
        <Link to={`/incidents/${id}/scorecard`}>Scorecard</Link>
        {' · '}
        <Link to="/action-items">All action items</Link>
      </p>
      <h1 id="postmortem-title" tabIndex={-1}>
        Postmortem{incident.data ? `: ${incident.data.title}` : ''}
        {incident.data?.is_drill && <span className="tag">Drill</span>}
      </h1>
      {isMissing ? (
        <NoPostmortem incidentId={id} onChanged={postmortem.reload} />
      ) : (
        <Loading data={postmortem.data} problem={postmortem.problem}>
          {(p) => (
            <div className="columns room-columns">
              <div>
                <fieldset className="toggle version-choice">
                  <legend>Version</legend>
                  {(['internal', 'public'] as const).map((v) => (
                    <button
                      key={v}
                      type="button"
                      className="button-quiet"
                      aria-pressed={version === v}
                      onClick={() => setVersion(v)}
                    >
                      {v === 'internal' ? 'Internal' : 'Public'}
                    </button>
                  ))}
                </fieldset>
                <PostmortemVersionForm
                  key={version}
                  postmortem={p}
                  version={version}
                  canWrite={canWrite}
                  onSaved={postmortem.reload}
                />
              </div>
              <div>
                {can('postmortem.publish') && <PublishPanel postmortem={p} onPublished={postmortem.reload} />}
                <ContributingFactorsForm postmortem={p} canWrite={canWrite} onSaved={postmortem.reload} />
                <section className="card" aria-labelledby="items-title">
                  <h2 id="items-title">Action items</h2>
                  <ActionItemRows
                    items={p.action_items}
                    showIncident={false}
                    canWrite={canWrite}
                    emptyText="No action items yet."
                    onChanged={postmortem.reload}
                  />
                  {canWrite && <AddActionItemForm incidentId={id} onAdded={postmortem.reload} />}
                </section>
              </div>
            </div>
          )}
        </Loading>
      )}
    </section>
  )
}

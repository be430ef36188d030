import { useState, type FormEvent } from 'react'
import { api } from '../../api/client'
import type { Scorecard, ScorecardItem } from '../../api/types'
import { Link } from '../../routing/router'
import { useCan } from '../../session/session-context'
import { SelectField, TextField } from '../../ui/field'
import { scorecardStatusLooks } from '../../ui/labels'
import { Loading } from '../../ui/loading'
import { ProblemMessage } from '../../ui/problem-message'
import { StatusBadge } from '../../ui/status-badge'
import { useApi, useSubmit } from '../../ui/use-api'
import { useLiveChanges } from '../../ui/use-live-changes'

const percent = (p: number | null) => (p === null ? 'not scored yet' : `${p}%`)

/** A reviewer's verdict on one step, with why; overruling the timeline needs the note. */
function TickForm({ incidentId, item, onTicked }: { incidentId: string; item: ScorecardItem; onTicked(): void }) {
  const [status, setStatus] = useState(item.tick?.status ?? (item.status === 'open' ? 'met' : item.status))
  const [note, setNote] = useState(item.tick?.note ?? '')
  const path = `/api/incidents/${incidentId}/scorecard/items/${item.key}`
  const ticking = useSubmit(() => api.post(path, { status, ...(note.trim() ? { note } : {}) }).then(onTicked))
  const untick = useSubmit(() => api.delete(path).then(onTicked))
  const save = (event: FormEvent) => {
    event.preventDefault()
    void ticking.submit()
  }
  return (
    <form className="inline-form" aria-label={`Review: ${item.title}`} onSubmit={save}>
      <SelectField label="Verdict" name="status" value={status} onChange={(e) => setStatus(e.target.value as never)}>
        <option value="met">Met</option>
        <option value="missed">Missed</option>
        <option value="not_applicable">Not applicable</option>
      </SelectField>
      <TextField label="Note" name="note" value={note} onChange={(e) => setNote(e.target.value)} />
      <button type="submit" disabled={ticking.isBusy}>
        Save
      </button>
      {item.tick && (
        <button type="button" className="button-quiet" onClick={() => void untick.submit()}>
          Take back
        </button>
      )}
      <ProblemMessage problem={ticking.problem ?? untick.problem} fields={{ note: 'Note' }} />
    </form>
  )
}

/** The process scorecard: each role's steps, scored from the timeline or by a reviewer, and the missed ones. */
export function ScorecardScreen({ id }: { id: string }) {
  const { data, problem, reload } = useApi<Scorecard>(`/api/incidents/${id}/scorecard`)
  useLiveChanges(`/api/incidents/${id}/events`, reload)
  const canReview = useCan()('postmortem.write')
  return (
    <section aria-labelledby="scorecard-title">
      <p>
        <Link to={`/incidents/${id}`}>← Incident</Link> · <Link to={`/incidents/${id}/postmortem`}>Postmortem</Link>
      </p>
      <Loading data={data} problem={problem}>
        {(card) => (
          <>
            <h1 id="scorecard-title" tabIndex={-1}>
              Scorecard: {card.incident.title}
              {card.is_drill && <span className="tag">Drill</span>}
            </h1>
            <p className="score">
              Score: <strong>{percent(card.score.percent)}</strong>
              {` (${card.score.met} met, ${card.score.missed} missed, ${card.score.open} open, `}
              {`${card.score.not_applicable} not applicable)`}
              {!card.is_complete && ' — not every step is decided yet'}
            </p>
            {card.missed_steps.length > 0 && (
              <section className="card" aria-labelledby="missed-title">
                <h2 id="missed-title">Missed steps</h2>
                <ul>
                  {card.missed_steps.map((m) => (
                    <li key={m.key}>
                      <strong>{m.role_name}</strong>: {m.title}. <span className="muted">{m.detail}</span>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {card.by_role.map((role) => (
              <section key={role.role} className="card" aria-labelledby={`role-${role.role}`}>
                <h2 id={`role-${role.role}`}>
                  {role.role_name} <span className="muted">({percent(role.percent)})</span>
                </h2>
                <ul className="scorecard-items">
                  {card.items
                    .filter((i) => i.role === role.role)
                    .map((item) => (
                      <li key={item.key}>
                        <div className="incident-row-head">
                          <span>{item.title}</span>
                          <StatusBadge look={scorecardStatusLooks[item.status] ?? scorecardStatusLooks.open!} />
                        </div>
                        <p className="muted">
                          {item.detail}
                          {item.tick && ` — ${item.tick.by.name}`}
                          {item.tick && item.automatic && ` (the timeline says: ${item.automatic.detail})`}
                        </p>
                        {canReview && (
                          <details open={item.tick !== null}>
                            <summary>{item.tick ? 'Reviewed' : 'Review'}</summary>
                            <TickForm incidentId={id} item={item} onTicked={reload} />
                          </details>
                        )}
                      </li>
                    ))}
                </ul>
              </section>
            ))}
          </>
        )}
      </Loading>
    </section>
  )
}

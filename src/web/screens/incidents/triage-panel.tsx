import { useRef, useState, type FormEvent } from 'react'
import { api } from '../../api/client'
import type { ProcessState } from '../../api/types'
import { errorFor, useFocusFirstInvalid } from '../../ui/field-problems'
import { TextArea } from '../../ui/field'
import { ProblemMessage } from '../../ui/problem-message'
import { TimeText } from '../../ui/time-text'
import { useSubmit } from '../../ui/use-api'

function CriterionChoice({
  incidentId,
  item,
  onChanged,
}: {
  incidentId: string
  item: ProcessState['criteria']['items'][number]
  onChanged(): void
}) {
  const { submit, isBusy } = useSubmit((isMet: boolean) =>
    api.post(`/api/incidents/${incidentId}/criteria`, { criterion_id: item.id, is_met: isMet }).then(onChanged),
  )
  return (
    <li className="criterion">
      <span id={`criterion-${item.id}`}>{item.text}</span>
      <span className="toggle">
        <button
          type="button"
          className="button-quiet"
          aria-pressed={item.is_met === true}
          aria-describedby={`criterion-${item.id}`}
          disabled={isBusy}
          onClick={() => void submit(true)}
        >
          Met
        </button>
        <button
          type="button"
          className="button-quiet"
          aria-pressed={item.is_met === false}
          aria-describedby={`criterion-${item.id}`}
          disabled={isBusy}
          onClick={() => void submit(false)}
        >
          Not met
        </button>
      </span>
    </li>
  )
}

/**
 * Step 3: validate the crisis criteria, then declare (with a reason when some are not
 * confirmed: "rarely is a company criticised for being too careful") or stand down.
 */
export function TriagePanel({ process, onChanged }: { process: ProcessState; onChanged(): void }) {
  const id = process.incident_id
  const [overrideReason, setOverrideReason] = useState('')
  const [standDownReason, setStandDownReason] = useState('')
  const declareForm = useRef<HTMLFormElement>(null)
  const standDownForm = useRef<HTMLFormElement>(null)
  const declaring = useSubmit((body: unknown) => api.post(`/api/incidents/${id}/declare`, body).then(onChanged))
  const standing = useSubmit((body: unknown) => api.post(`/api/incidents/${id}/stand-down`, body).then(onChanged))
  useFocusFirstInvalid(declareForm, declaring.problem)
  useFocusFirstInvalid(standDownForm, standing.problem)
  const needsReason = !process.criteria.is_satisfied

  const declare = (event: FormEvent) => {
    event.preventDefault()
    void declaring.submit(overrideReason.trim() ? { override_reason: overrideReason } : {})
  }
  const standDown = (event: FormEvent) => {
    event.preventDefault()
    void standing.submit({ reason: standDownReason })
  }

  return (
    <section className="card" aria-labelledby="triage-title" id="triage">
      <h2 id="triage-title">Is this a crisis?</h2>
      {process.triage.deadline_at && (
        <p className="muted">
          Decide by <TimeText at={process.triage.deadline_at} />: nothing is public until it is declared.
        </p>
      )}
      <ul className="criteria">
        {process.criteria.items.map((item) => (
          <CriterionChoice key={item.id} incidentId={id} item={item} onChanged={onChanged} />
        ))}
      </ul>
      <div className="decision-forms">
        <form ref={declareForm} aria-labelledby="declare-button" onSubmit={declare}>
          {needsReason && (
            <TextArea
              label="Reason to declare before every criterion is met"
              name="override_reason"
              rows={2}
              value={overrideReason}
              onChange={(e) => setOverrideReason(e.target.value)}
              error={errorFor(declaring.problem, 'override_reason') ?? errorFor(declaring.problem, 'criteria')}
              hint="Leave empty once every criterion is confirmed as met."
            />
          )}
          <ProblemMessage
            problem={declaring.problem}
            fields={needsReason ? { override_reason: 'Reason', criteria: 'Reason' } : {}}
          />
          <button type="submit" id="declare-button" disabled={declaring.isBusy}>
            {declaring.isBusy ? 'Declaring…' : 'Declare crisis'}
          </button>
        </form>
        <form ref={standDownForm} aria-labelledby="stand-down-button" onSubmit={standDown}>
          <TextArea
            label="Why stand down"
            name="reason"
            rows={2}
            value={standDownReason}
            onChange={(e) => setStandDownReason(e.target.value)}
            error={errorFor(standing.problem, 'reason')}
            hint="A false alarm: stakeholders are told, nothing goes to customers."
          />
          <ProblemMessage problem={standing.problem} fields={{ reason: 'Why stand down' }} />
          <button type="submit" className="button-secondary" id="stand-down-button" disabled={standing.isBusy}>
            {standing.isBusy ? 'Standing down…' : 'Stand down'}
          </button>
        </form>
      </div>
    </section>
  )
}

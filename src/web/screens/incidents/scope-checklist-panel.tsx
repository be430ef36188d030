import { useRef, useState, type FormEvent } from 'react'
import { api } from '../../api/client'
import type { ProcessState } from '../../api/types'
import { errorFor, useFocusFirstInvalid } from '../../ui/field-problems'
import { SelectField, TextField } from '../../ui/field'
import { ProblemMessage } from '../../ui/problem-message'
import { useSubmit } from '../../ui/use-api'
import { answerBody, describeAnswer, scopeItems, type ScopeItem } from './scope-answers'

/** What a person may answer per question, and what the value field asks for ('' = no value). */
const choices: Record<ScopeItem, { value: string; label: string; ask: string; type?: string }[]> = {
  started_at: [
    { value: 'at', label: 'At a time', ask: 'Started at', type: 'datetime-local' },
    { value: 'unknown', label: 'Unknown yet', ask: '' },
  ],
  expected_duration: [
    { value: 'minutes', label: 'About so many minutes', ask: 'Minutes', type: 'number' },
    { value: 'unknown', label: 'Unknown yet', ask: '' },
  ],
  affected: [
    { value: 'all', label: 'All customers', ask: '' },
    { value: 'some', label: 'Some regions or features', ask: 'Which (comma-separated)' },
    { value: 'unknown', label: 'Unknown yet', ask: '' },
  ],
  workaround: [
    { value: 'described', label: 'Yes', ask: 'Workaround' },
    { value: 'none', label: 'None', ask: '' },
    { value: 'unknown', label: 'Unknown yet', ask: '' },
  ],
}

function ChecklistItem({
  incidentId,
  item,
  question,
  answer,
  onChanged,
}: {
  incidentId: string
  item: ScopeItem
  question: string
  answer: string | undefined
  onChanged(): void
}) {
  const options = choices[item]
  const [choice, setChoice] = useState(options[0]!.value)
  const [value, setValue] = useState('')
  const form = useRef<HTMLFormElement>(null)
  const { submit, problem, isBusy } = useSubmit((body: unknown) =>
    api.post(`/api/incidents/${incidentId}/checklist`, body).then(onChanged),
  )
  useFocusFirstInvalid(form, problem)
  const chosen = options.find((o) => o.value === choice)!
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    void submit(answerBody(item, choice, value))
  }
  return (
    <li>
      <form ref={form} className="checklist-item" aria-label={question} onSubmit={onSubmit}>
        <p className="checklist-question">
          <span aria-hidden="true">{answer ? '✓ ' : '○ '}</span>
          {question} <strong>{answer ?? 'Not answered'}</strong>
        </p>
        <div className="field-row">
          <SelectField label="Answer" value={choice} onChange={(e) => setChoice(e.target.value)}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </SelectField>
          {chosen.ask && (
            <TextField
              label={chosen.ask}
              type={chosen.type ?? 'text'}
              value={value}
              onChange={(e) => setValue(e.target.value)}
              error={errorFor(problem, 'answer')}
            />
          )}
          <button type="submit" className="button-secondary" disabled={isBusy}>
            Save
          </button>
        </div>
        <ProblemMessage problem={problem} fields={chosen.ask ? { answer: chosen.ask } : {}} />
      </form>
    </li>
  )
}

/** The information the scope-and-impact message needs; "unknown yet" is an accepted answer. */
export function ScopeChecklistPanel({ process, onChanged }: { process: ProcessState; onChanged(): void }) {
  const answers = process.checklist.answers
  return (
    <section className="card" aria-labelledby="checklist-title" id="checklist">
      <h2 id="checklist-title">Information checklist</h2>
      <p className="muted">
        {process.checklist.is_complete
          ? 'Complete: the scope-and-impact message can go out.'
          : `${process.checklist.missing.length} of ${scopeItems.length} open; the scope message waits for them.`}
      </p>
      <ul className="checklist">
        {scopeItems.map((s) => (
          <ChecklistItem
            key={s.item}
            incidentId={process.incident_id}
            item={s.item}
            question={s.question}
            answer={describeAnswer(answers[s.key])}
            onChanged={onChanged}
          />
        ))}
      </ul>
    </section>
  )
}

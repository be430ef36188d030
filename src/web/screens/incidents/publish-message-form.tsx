import { useState, type FormEvent } from 'react'
import { api } from '../../api/client'
import { SelectField, TextArea } from '../../ui/field'
import { ProblemMessage } from '../../ui/problem-message'
import { useSubmit } from '../../ui/use-api'

const stages = [
  { value: 'acknowledgement', label: 'Acknowledgement' },
  { value: 'scope', label: 'Scope and impact' },
  { value: 'update', label: 'Update' },
  { value: 'all_clear', label: 'All-clear' },
] as const

/**
 * POST /api/incidents/:id/messages: the process's messages by stage. The scope-and-impact message
 * is refused until the scope checklist is answered; the refusal lists what is missing.
 */
export function PublishMessageForm({ incidentId, onPublished }: { incidentId: string; onPublished(): void }) {
  const [stage, setStage] = useState<(typeof stages)[number]['value']>('acknowledgement')
  const [text, setText] = useState('')
  const { submit, problem, isBusy } = useSubmit((payload: unknown) =>
    api.post(`/api/incidents/${incidentId}/messages`, payload),
  )

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (!(await submit({ stage, text }))) return
    setText('')
    onPublished()
  }

  return (
    <form className="card" aria-labelledby="publish-message-title" onSubmit={(e) => void onSubmit(e)}>
      <h2 id="publish-message-title">Publish a process message</h2>
      <SelectField label="Stage" name="stage" value={stage} onChange={(e) => setStage(e.target.value as typeof stage)}>
        {stages.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </SelectField>
      <TextArea label="Text" name="text" required rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      <ProblemMessage problem={problem} />
      <button type="submit" disabled={isBusy}>
        {isBusy ? 'Publishing…' : 'Publish message'}
      </button>
    </form>
  )
}

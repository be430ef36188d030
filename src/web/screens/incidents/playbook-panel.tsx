import { useState } from 'react'
import { api } from '../../api/client'
import type { ProcessState } from '../../api/types'
import { humanise } from '../../ui/labels'
import { ProblemMessage } from '../../ui/problem-message'
import { useSubmit } from '../../ui/use-api'

/** The playbook's tasks on the current path, per stage; ticking one is logged on the timeline. */
export function PlaybookPanel({ process, onChanged }: { process: ProcessState; onChanged(): void }) {
  const { submit, problem } = useSubmit((task: string, isDone: boolean) =>
    api.put(`/api/incidents/${process.incident_id}/playbook/tasks/${encodeURIComponent(task)}`, { is_done: isDone }),
  )
  // The box follows the click at once; a refusal puts it back.
  const [ticked, setTicked] = useState<Record<string, boolean>>({})
  const tick = async (task: string, isDone: boolean) => {
    setTicked((t) => ({ ...t, [task]: isDone }))
    if (await submit(task, isDone)) onChanged()
    else setTicked(({ [task]: _undone, ...rest }) => rest)
  }
  const playbook = process.playbook
  if (!playbook) return null
  const stages = [...new Set(playbook.tasks.map((t) => t.stage))]
  const done = playbook.tasks.filter((t) => t.is_done).length
  return (
    <section className="card" aria-labelledby="playbook-title" id="playbook">
      <h2 id="playbook-title">Playbook: {playbook.name}</h2>
      <p className="muted">
        {done} of {playbook.tasks.length} tasks done
      </p>
      {stages.map((stage) => (
        <fieldset key={stage} className="playbook-stage">
          <legend>{humanise(stage)}</legend>
          {playbook.tasks
            .filter((t) => t.stage === stage)
            .map((t) => (
              <label key={t.id} className="task">
                <input
                  type="checkbox"
                  checked={ticked[t.id] ?? t.is_done}
                  onChange={(e) => void tick(t.id, e.target.checked)}
                />
                <span>
                  {t.text} <span className="muted">({humanise(t.role)})</span>
                </span>
              </label>
            ))}
        </fieldset>
      ))}
      <ProblemMessage problem={problem} />
    </section>
  )
}

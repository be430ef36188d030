import { useState } from 'react'
import { api } from '../../api/client'
import { channelLabels, type ContactTask } from '../../api/key-customer-types'
import { useCan, useMe } from '../../session/session-context'
import { ProblemMessage } from '../../ui/problem-message'
import { StatusBadge } from '../../ui/status-badge'
import { TimeText } from '../../ui/time-text'
import { useSubmit } from '../../ui/use-api'

function TaskRow({ task, canWork, onChanged }: { task: ContactTask; canWork: boolean; onChanged(): void }) {
  const [ticket, setTicket] = useState(task.ticket_id ?? '')
  const saving = useSubmit((patch: object) => api.patch(`/api/contact-tasks/${task.id}`, patch).then(onChanged))
  const ticketId = `ticket-${task.id}`
  const me = useMe().user
  const isMine = me !== null && task.holder?.id === me.id
  return (
    <tr data-task={task.customer_name}>
      <th scope="row">
        {task.customer_name}
        <span className="muted block">
          {channelLabels[task.channel] ?? task.channel} · within {task.notify_within_minutes} min
        </span>
      </th>
      <td>
        <TimeText at={task.deadline_at} />
        {task.is_overdue && <StatusBadge look={{ label: 'Overdue', tone: 'danger', icon: '!' }} />}
      </td>
      <td>
        {task.holder?.name ?? 'nobody yet'}
        {canWork && me && !isMine && task.state === 'open' && (
          <button
            type="button"
            className="button-quiet"
            disabled={saving.isBusy}
            onClick={() => void saving.submit({ holder: { id: me.id, name: me.name || me.email } })}
          >
            Take it <span className="visually-hidden">for {task.customer_name}</span>
          </button>
        )}
      </td>
      <td>
        {canWork ? (
          <form
            className="inline-form"
            aria-label={`Ticket for ${task.customer_name}`}
            onSubmit={(e) => {
              e.preventDefault()
              void saving.submit({ ticket_id: ticket.trim() || null })
            }}
          >
            <label className="visually-hidden" htmlFor={ticketId}>
              Ticket id for {task.customer_name}
            </label>
            <input id={ticketId} value={ticket} size={10} onChange={(e) => setTicket(e.target.value)} />
            <button type="submit" className="button-quiet" disabled={saving.isBusy}>
              Save <span className="visually-hidden">ticket for {task.customer_name}</span>
            </button>
          </form>
        ) : (
          (task.ticket_id ?? '—')
        )}
      </td>
      <td>
        {task.state === 'done' ? (
          <>
            Done <TimeText at={task.done_at} />
          </>
        ) : (
          'Open'
        )}
        {canWork && (
          <button
            type="button"
            className="button-quiet"
            disabled={saving.isBusy}
            onClick={() => void saving.submit({ state: task.state === 'done' ? 'open' : 'done' })}
          >
            {task.state === 'done' ? 'Open again' : 'Mark done'}{' '}
            <span className="visually-hidden">for {task.customer_name}</span>
          </button>
        )}
        <ProblemMessage problem={saving.problem} />
      </td>
    </tr>
  )
}

/** Key customers owed a direct call on this incident, each with its SLA deadline, holder and ticket. */
export function ContactTasksPanel({
  tasks,
  isDrill,
  onChanged,
}: {
  tasks: ContactTask[]
  isDrill: boolean
  onChanged(): void
}) {
  const canWork = useCan()('incident.update')
  return (
    <section className="card" aria-labelledby="contact-tasks-title">
      <h2 id="contact-tasks-title">Key customers to contact</h2>
      {isDrill && tasks.length > 0 && (
        <p className="notice">This is a drill: practise each step, but do not contact the customer.</p>
      )}
      {tasks.length === 0 ? (
        <p className="muted">No key customer is affected yet (tasks appear when the incident is declared).</p>
      ) : (
        <div className="table-scroll">
          <table className="contact-tasks-table">
            <thead>
              <tr>
                <th scope="col">Customer</th>
                <th scope="col">Deadline</th>
                <th scope="col">Holder</th>
                <th scope="col">Ticket</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((task) => (
                <TaskRow key={`${task.id}-${task.ticket_id}`} task={task} canWork={canWork} onChanged={onChanged} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

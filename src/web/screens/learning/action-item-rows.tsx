import { api } from '../../api/client'
import type { ActionItem } from '../../api/types'
import { Link } from '../../routing/router'
import { actionItemStateLooks } from '../../ui/labels'
import { ProblemMessage } from '../../ui/problem-message'
import { StatusBadge } from '../../ui/status-badge'
import { useSubmit } from '../../ui/use-api'

function ActionItemRow({
  item,
  showIncident,
  canWrite,
  onChanged,
}: {
  item: ActionItem
  showIncident: boolean
  canWrite: boolean
  onChanged(): void
}) {
  const setting = useSubmit((state: ActionItem['state']) =>
    api.patch(`/api/action-items/${item.id}`, { state }).then(onChanged),
  )
  const look = actionItemStateLooks[item.state] ?? { label: item.state, tone: 'neutral' as const, icon: '' }
  return (
    <li className="card action-item">
      <div className="incident-row-head">
        <span className="incident-title">{item.title}</span>
        <StatusBadge look={look} />
        {item.is_overdue && <StatusBadge look={{ label: 'Overdue', tone: 'danger', icon: '!' }} />}
      </div>
      <p className="meta">
        <span>Owner: {item.owner?.name ?? 'nobody yet'}</span>
        <span>Due: {item.due_on ?? 'no date'}</span>
        {item.tags.length > 0 && <span>Tags: {item.tags.join(', ')}</span>}
        {showIncident && (
          <span>
            From <Link to={`/incidents/${item.incident.id}/postmortem`}>{item.incident.title}</Link>
            {item.incident.is_drill && <span className="tag">Drill</span>}
          </span>
        )}
      </p>
      {canWrite && (
        <div className="form-actions">
          {item.state === 'open' ? (
            <>
              <button type="button" disabled={setting.isBusy} onClick={() => void setting.submit('done')}>
                Mark done
              </button>
              <button
                type="button"
                className="button-quiet"
                disabled={setting.isBusy}
                onClick={() => void setting.submit('cancelled')}
              >
                Cancel it
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button-quiet"
              disabled={setting.isBusy}
              onClick={() => void setting.submit('open')}
            >
              Open again
            </button>
          )}
        </div>
      )}
      <ProblemMessage problem={setting.problem} />
    </li>
  )
}

/** Action items with their owner, due date and state; open ones can be marked done or cancelled. */
export function ActionItemRows(props: {
  items: ActionItem[]
  showIncident: boolean
  canWrite: boolean
  emptyText: string
  onChanged(): void
}) {
  if (props.items.length === 0) return <p className="muted">{props.emptyText}</p>
  return (
    <ul className="incident-list">
      {props.items.map((item) => (
        <ActionItemRow
          key={item.id}
          item={item}
          showIncident={props.showIncident}
          canWrite={props.canWrite}
          onChanged={props.onChanged}
        />
      ))}
    </ul>
  )
}

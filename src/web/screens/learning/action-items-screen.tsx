import { useState } from 'react'
import type { ActionItem } from '../../api/types'
import { useCan } from '../../session/session-context'
import { SelectField } from '../../ui/field'
import { Loading } from '../../ui/loading'
import { useApi } from '../../ui/use-api'
import { ActionItemRows } from './action-item-rows'

const views = {
  overdue: { label: 'Overdue', query: '?state=open&overdue=true' },
  open: { label: 'Open', query: '?state=open' },
  done: { label: 'Done', query: '?state=done' },
  all: { label: 'All', query: '' },
} as const
type View = keyof typeof views

/** Every postmortem's action items across incidents: what is late first, so nothing is forgotten. */
export function ActionItemsScreen() {
  const [view, setView] = useState<View>('open')
  const { data, problem, reload } = useApi<{ items: ActionItem[] }>(`/api/action-items${views[view].query}`)
  const can = useCan()
  return (
    <section aria-labelledby="action-items-title">
      <div className="screen-head">
        <h1 id="action-items-title" tabIndex={-1}>
          Action items
        </h1>
      </div>
      <SelectField label="Show" name="view" value={view} onChange={(e) => setView(e.target.value as View)}>
        {Object.entries(views).map(([key, v]) => (
          <option key={key} value={key}>
            {v.label}
          </option>
        ))}
      </SelectField>
      <Loading data={data} problem={problem}>
        {({ items }) => (
          <ActionItemRows
            items={items}
            showIncident
            canWrite={can('postmortem.write')}
            emptyText={view === 'overdue' ? 'Nothing is overdue.' : 'No action items here.'}
            onChanged={reload}
          />
        )}
      </Loading>
    </section>
  )
}

import type { Member, OnCallNow, OncallPage } from '../../api/types'
import { Loading } from '../../ui/loading'
import { TimeText } from '../../ui/time-text'
import { useApi } from '../../ui/use-api'
import { OpenPages } from './open-pages'

function WhoIsOnCall({ rows, nameOf }: { rows: OnCallNow[]; nameOf(userId: string): string }) {
  if (rows.length === 0)
    return <p className="muted">No on-call schedule yet: create one through the API (POST /api/schedules).</p>
  return (
    <table className="card data-table">
      <thead>
        <tr>
          <th scope="col">Schedule</th>
          <th scope="col">On call now</th>
          <th scope="col">Until</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.schedule_id}>
            <th scope="row">{row.schedule_name}</th>
            <td>{row.user_id ? nameOf(row.user_id) : <span className="muted">Nobody (a gap in the schedule)</span>}</td>
            <td>
              <TimeText at={row.until} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function OnCallScreen() {
  const onCall = useApi<OnCallNow[]>('/api/on-call')
  const pages = useApi<OncallPage[]>('/api/oncall-pages?limit=100')
  // Names need member.read; without it the console still works and shows the id.
  const members = useApi<Member[]>('/api/members')
  const nameOf = (userId: string) => members.data?.find((m) => m.id === userId)?.name ?? `Person ${userId.slice(0, 8)}`

  return (
    <section aria-labelledby="oncall-title">
      <h1 id="oncall-title" tabIndex={-1}>
        On-call
      </h1>
      <section aria-labelledby="now-title">
        <h2 id="now-title">Who is on call now</h2>
        <Loading data={onCall.data} problem={onCall.problem}>
          {(rows) => <WhoIsOnCall rows={rows} nameOf={nameOf} />}
        </Loading>
      </section>
      <section aria-labelledby="pages-title">
        <h2 id="pages-title">Open pages</h2>
        <Loading data={pages.data} problem={pages.problem}>
          {(list) => (
            <OpenPages
              pages={list}
              nameOf={nameOf}
              onChanged={() => {
                pages.reload()
              }}
            />
          )}
        </Loading>
      </section>
    </section>
  )
}

import { api } from '../../api/client'
import type { OncallPage } from '../../api/types'
import { useCan } from '../../session/session-context'
import { lookOf, pageStatusLooks } from '../../ui/labels'
import { ProblemMessage } from '../../ui/problem-message'
import { StatusBadge } from '../../ui/status-badge'
import { TimeText } from '../../ui/time-text'
import { useSubmit } from '../../ui/use-api'

function PageRow({ page, nameOf, onChanged }: { page: OncallPage; nameOf(userId: string): string; onChanged(): void }) {
  const { submit, problem, isBusy } = useSubmit(() => api.post(`/api/oncall-pages/${page.id}/acknowledge`, {}))
  const canAcknowledge = useCan()('alert.acknowledge')
  return (
    <li className="card page-row" id={`page-${page.id}`}>
      <div className="incident-row-head">
        <strong>{page.summary}</strong>
        <StatusBadge look={lookOf(pageStatusLooks, page.status)} />
      </div>
      <p className="meta">
        <span>Policy: {page.escalation_policy_name}</span>
        <span>Level {page.level}</span>
        <span>
          Paged <TimeText at={page.created_at} />
        </span>
        {page.acknowledged_by && <span>Acknowledged by {nameOf(page.acknowledged_by)}</span>}
      </p>
      {page.status === 'triggered' && canAcknowledge && (
        <button type="button" disabled={isBusy} onClick={() => void submit().then((ok) => ok && onChanged())}>
          Acknowledge<span className="visually-hidden"> “{page.summary}”</span>
        </button>
      )}
      <ProblemMessage problem={problem} />
    </li>
  )
}

/** Pages not yet resolved; acknowledging one stops its escalation. */
export function OpenPages({
  pages,
  nameOf,
  onChanged,
}: {
  pages: OncallPage[]
  nameOf(userId: string): string
  onChanged(): void
}) {
  const open = pages.filter((p) => p.status !== 'resolved')
  if (open.length === 0) return <p className="muted">No open pages.</p>
  return (
    <ul className="incident-list">
      {open.map((page) => (
        <PageRow key={page.id} page={page} nameOf={nameOf} onChanged={onChanged} />
      ))}
    </ul>
  )
}

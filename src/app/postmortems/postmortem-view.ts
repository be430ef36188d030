import { isOverdue, type ActionItemState } from '../../domain/postmortem/action-items.js'
import { maySkipPostmortem, type PostmortemPolicy } from '../../domain/postmortem/postmortem-policy.js'
import {
  emptySections,
  missingSections,
  postmortemSections,
  type PostmortemSections,
} from '../../domain/postmortem/postmortem-sections.js'
import type { OrgStore } from '../../store/store.js'

type PostmortemRow = NonNullable<Awaited<ReturnType<OrgStore['learning']['postmortems']['get']>>>
type FollowUpRow = Awaited<ReturnType<OrgStore['learning']['postmortems']['getFollowUp']>>
export type ActionItemRow = NonNullable<Awaited<ReturnType<OrgStore['learning']['actionItems']['get']>>>

/** Stored sections as the template's, whatever an older row holds. */
export function sectionsOf(value: Record<string, unknown> | null | undefined): PostmortemSections {
  const out = emptySections()
  for (const s of postmortemSections) if (typeof value?.[s] === 'string') out[s] = value[s] as string
  return out
}

export function actionItemView(row: ActionItemRow, now: Date) {
  return {
    id: row.id,
    incident: {
      id: row.incident_id,
      title: row.incident_title,
      status: row.incident_status,
      is_drill: row.incident_is_drill,
    },
    title: row.title,
    owner: row.owner_id || row.owner_name ? { id: row.owner_id, name: row.owner_name } : null,
    due_on: row.due_on,
    state: row.state,
    is_overdue: isOverdue({ state: row.state as ActionItemState, dueOn: row.due_on }, now),
    tags: row.tags,
    created_at: row.created_at,
    created_by: row.created_by,
    updated_at: row.updated_at,
    closed_at: row.closed_at,
    reminded_at: row.reminded_at,
    next_reminder_at: row.next_reminder_at,
  }
}

/** Whether a postmortem is owed, when the team is reminded, or why it was skipped. */
export function followUpView(followUp: FollowUpRow, policy: PostmortemPolicy, severity: number) {
  return {
    is_required: !maySkipPostmortem(policy, severity),
    remind_at: followUp?.remind_at ?? null,
    reminded_at: followUp?.reminded_at ?? null,
    skipped: followUp?.skipped_at
      ? { reason: followUp.skipped_reason, by: followUp.skipped_by, at: followUp.skipped_at }
      : null,
  }
}

export function postmortemView(
  incidentId: string,
  row: PostmortemRow,
  factors: { category: string; area: string | null; note: string | null }[],
  items: ActionItemRow[],
  now: Date,
) {
  const publicSections = sectionsOf(row.public)
  return {
    incident_id: incidentId,
    revision: row.revision,
    internal: sectionsOf(row.internal),
    public: publicSections,
    /** Public sections still empty: publishing waits for them. */
    public_missing: missingSections(publicSections),
    published: row.published
      ? {
          sections: sectionsOf(row.published),
          first_published_at: row.first_published_at,
          published_at: row.published_at,
          published_by: row.published_by,
          /** The public draft differs from what the status page shows. */
          has_unpublished_changes: JSON.stringify(sectionsOf(row.published)) !== JSON.stringify(publicSections),
        }
      : null,
    contributing_factors: factors,
    action_items: items.map((i) => actionItemView(i, now)),
    created_at: row.created_at,
    created_by: row.created_by,
    updated_at: row.updated_at,
    updated_by: row.updated_by,
  }
}

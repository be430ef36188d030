import { incidentRoleNames, type CheckInRole } from './incident-roles.js'
import type { Person } from './people.js'
import { scopeChecklistQuestions } from './scope-checklist.js'
import { sortTimeline, type TimelineEntry, type TimelineEvent } from './timeline.js'

export interface TimelineHeader {
  title: string
  crisisTypeName: string
  severityName: string
  status: string
  isDrill: boolean
  openedAt: Date
}

const who = (p: Person | null) => (p === null ? 'nobody' : p.name)
const roleName = (r: CheckInRole) =>
  r === 'shadow' ? 'shadow' : r === 'responder' ? 'responder' : incidentRoleNames[r]
const yesNo = (b: boolean) => (b ? 'yes' : 'no')

/** One sentence per entry, so the export reads as the story of the incident. */
export function describeEvent(e: TimelineEvent): string {
  switch (e.type) {
    case 'incident_opened':
      return (
        `Incident opened${e.source === 'alert' ? ' from an alert' : ''}` +
        `: "${e.title}"${e.isDrill ? ' (DRILL)' : ''}.`
      )
    case 'alert_attached':
      return `Alert attached: ${e.summary}${e.source ? ` (${e.source})` : ''}.`
    case 'check_in':
      return `${e.person.name} checked in as ${roleName(e.role)}.`
    case 'role_change': {
      const role = incidentRoleNames[e.role]
      if (e.reason === 'backup_takeover')
        return `${who(e.to)} (backup) took over as ${role}: ${who(e.from)} had not checked in.`
      if (e.reason === 'released') return `${role} released by ${who(e.from)}.`
      if (e.reason === 'handover') return `${role} handed over from ${who(e.from)} to ${who(e.to)}.`
      return `${who(e.to)} is ${role}${e.backup ? `, backup ${e.backup.name}` : ''}.`
    }
    case 'shadow_joined':
      return `${e.person.name} joined as a shadow${e.shadowing ? ` of the ${incidentRoleNames[e.shadowing]}` : ''}.`
    case 'status_change':
      return `${e.isReopening ? 'Re-opened' : 'Status'}: ${e.from} → ${e.to}${e.reason ? ` (${e.reason})` : ''}.`
    case 'severity_change':
      return `Severity changed from ${e.fromName} to ${e.toName}.`
    case 'crisis_type_change':
      return `Crisis type changed from ${e.from} to ${e.to}.`
    case 'criterion_confirmed':
      return `Criterion "${e.text}": ${e.isMet ? 'met' : 'not met'}.`
    case 'criteria_overridden':
      return `Declared although criteria were not all met (${e.unmet.join(', ')}): ${e.reason}`
    case 'scope_answer':
      return `${scopeChecklistQuestions[e.item]} ${e.answer}.`
    case 'playbook_answer':
      return `${e.question} ${yesNo(e.answer)}.`
    case 'task_checked':
      return `${e.isDone ? 'Done' : 'Re-opened task'}: ${e.text}`
    case 'note':
      return `Note: ${e.text}`
    case 'decision':
      return `Decision: ${e.text}${e.rationale ? ` (why: ${e.rationale})` : ''}`
    case 'cadence_change':
      return `Update cadence changed from every ${e.fromMinutes} to every ${e.toMinutes} minutes: "${e.announcement}"`
    case 'message_sent':
      return (
        `${e.isDrill ? '[DRILL] ' : ''}${e.stage} message sent via ${e.channel} to ${e.audience} (` +
        `${e.recipientCount} recipient${e.recipientCount === 1 ? '' : 's'})${e.text ? `: "${e.text}"` : '.'}`
      )
    case 'message_published':
      return e.audience === 'team'
        ? `${e.stage} message (drill) published to the response team only: "${e.text}"`
        : `${e.stage} message published (${e.status}) on ${e.channels.join(', ')}: "${e.text}"`
    case 'stakeholders_notified':
      return (
        `${e.isDrill ? '[DRILL] ' : ''}Stakeholders told (` +
        `${e.event.replace('_', ' ')}): ${e.groups.join(', ') || 'none configured'}.`
      )
    case 'outbound_message': {
      const d = e.delivery
      const states = (['sent', 'queued', 'retrying', 'failed', 'skipped'] as const)
        .filter((k) => d[k] > 0)
        .map((k) => `${d[k]} ${k}`)
        .join(', ')
      const what = `${e.kind.replace('_', ' ')}${e.stage ? ` (${e.stage})` : ''}`
      const error = e.lastError && (d.failed > 0 || d.retrying > 0) ? `; last error: ${e.lastError}` : ''
      return `Outbound ${what} by ${e.channel} to ${d.total} recipient${d.total === 1 ? '' : 's'}: ${states}${error}.`
    }
    case 'triage_reminder':
      return `Reminder: triage must be decided by ${e.deadlineAt}.`
    case 'triage_escalated':
      return `Triage undecided at ${e.deadlineAt}: escalated to ${who(e.to)}.`
    case 'update_overdue':
      return `Public update overdue since ${e.dueAt}: escalated to ${who(e.escalatedTo)}.`
    case 'postmortem_published':
      return e.isRevision
        ? 'Public postmortem corrected on the status page.'
        : `Public postmortem published on the status page${e.isAnnounced ? ' and announced to subscribers' : ''}.`
  }
}

function formatAt(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/** Markdown that needs no tool to read: a header, then one line per entry in time order. */
export function timelineToMarkdown(header: TimelineHeader, entries: readonly TimelineEntry[]): string {
  const lines = [
    `# ${header.isDrill ? '[DRILL] ' : ''}${header.title}`,
    '',
    `- Type: ${header.crisisTypeName}`,
    `- Severity: ${header.severityName}`,
    `- Status: ${header.status}`,
    `- Opened: ${formatAt(header.openedAt)}`,
    '',
    '## Timeline',
    '',
  ]
  // Continuation lines are indented so a multi-line note stays inside its list item.
  for (const e of sortTimeline(entries))
    lines.push(`- **${formatAt(e.at)}** — ${describeEvent(e).replace(/\r?\n/g, '\n  ')} _(${e.actor.name})_`)
  if (entries.length === 0) lines.push('_Nothing recorded yet._')
  return `${lines.join('\n')}\n`
}

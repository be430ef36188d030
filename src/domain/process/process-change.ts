import { cadenceChangeAnnouncement } from '../cadence/cadence-announcement.js'
import { isReopening, type IncidentStatus } from '../incident/incident-status.js'
import { severityLabel } from '../incident/severity.js'
import { changeStatus } from '../incident/status-change.js'
import { crisisTypeByKey } from './crisis-types.js'
import { markDrill } from './drill.js'
import type { IncidentRole } from './incident-roles.js'
import type { ProcessIncident } from './incident-process.js'
import type { ApplyResult, CommandContext, OutboxIntent } from './process-commands.js'
import { reject } from './process-commands.js'
import { groupsToNotify, type StakeholderEvent } from './stakeholders.js'
import { entry, type MessageStage, type TimelineEntry, type TimelineEvent } from './timeline.js'

/** Collects the entries and intents of one command while the handler builds the next state. */
export class Change {
  readonly entries: TimelineEntry[] = []
  readonly intents: OutboxIntent[] = []
  constructor(
    public incident: ProcessIncident,
    readonly ctx: CommandContext,
  ) {}

  update(patch: Partial<ProcessIncident>): this {
    this.incident = { ...this.incident, ...patch }
    return this
  }

  record(event: TimelineEvent): this {
    this.entries.push(entry(event, this.ctx.now, this.ctx.actor))
    return this
  }

  intend(intent: OutboxIntent): this {
    this.intents.push(intent)
    return this
  }

  done(): ApplyResult {
    return { ok: true, incident: this.incident, entries: this.entries, intents: this.intents }
  }

  severityName(level = this.incident.severity): string {
    return severityLabel(this.ctx.policy.severityScale, level)
  }

  crisisTypeName(key = this.incident.crisisType): string {
    return crisisTypeByKey(this.ctx.policy.crisisTypes, key)?.name ?? key
  }

  holderOf(role: IncidentRole) {
    return this.incident.roles.find((r) => r.role === role)?.primary ?? null
  }

  /** Moves the lifecycle, stamping times; an illegal move becomes a rejection the caller returns. */
  moveTo(to: IncidentStatus, reason?: string): ApplyResult | null {
    const from = this.incident.status
    const result = changeStatus(this.incident, to, this.ctx.now)
    if (!result.ok) {
      const allowed = result.allowed.join(', ') || 'none (it is final)'
      return reject('INVALID_TRANSITION', `An incident cannot go from ${from} to ${to}`, [
        { path: 'status', message: `allowed next: ${allowed}` },
      ])
    }
    const reopening = isReopening(from, to)
    this.update({
      ...result.patch,
      ...(to === 'closed' ? { closedAt: this.ctx.now } : {}),
      ...(to === 'stood_down' ? { stoodDownAt: this.ctx.now } : {}),
      ...(reopening ? { reopenCount: this.incident.reopenCount + 1 } : {}),
    })
    if (from !== to)
      this.record({ type: 'status_change', from, to, isReopening: reopening, ...(reason ? { reason } : {}) })
    if (to === 'resolved' && from !== 'resolved') this.notifyStakeholders('resolved')
    return null
  }

  notifyStakeholders(event: StakeholderEvent, previousSeverity?: number): void {
    const { incident, ctx } = this
    const groups = groupsToNotify(ctx.policy.stakeholderRules, {
      crisisType: incident.crisisType,
      severity: incident.severity,
      event,
      ...(previousSeverity !== undefined ? { previousSeverity } : {}),
    })
    const text = markDrill(incident.isDrill, stakeholderText(this, event, previousSeverity))
    this.record({ type: 'stakeholders_notified', event, groups, isDrill: incident.isDrill })
    if (groups.length > 0) this.intend({ kind: 'notify_stakeholders', event, groups, text, isDrill: incident.isDrill })
  }

  /** A new cadence is announced wherever customers already heard from us, and restarts the clock. */
  changeCadence(toMinutes: number, isOverride: boolean): void {
    const { incident } = this
    const fromMinutes = incident.cadenceMinutes
    this.update({ cadenceMinutes: toMinutes, isCadenceOverridden: incident.isCadenceOverridden || isOverride })
    if (fromMinutes === toMinutes) return
    const announcement = cadenceChangeAnnouncement(toMinutes)
    this.record({ type: 'cadence_change', fromMinutes, toMinutes, announcement })
    const isActivePublic =
      incident.status === 'investigating' || incident.status === 'identified' || incident.status === 'monitoring'
    if (incident.acknowledgedAt === null || !isActivePublic) return
    this.sendMessage('cadence_change', markDrill(incident.isDrill, announcement), incident.channelsUsed)
    this.update({ lastPublicUpdateAt: this.ctx.now })
  }

  sendMessage(stage: MessageStage, text: string, channels: string[]): void {
    const { incident } = this
    const message = {
      stage,
      audience: incident.isDrill ? ('team' as const) : ('public' as const),
      channels: incident.isDrill ? [] : channels,
      status: incident.status,
      text: markDrill(incident.isDrill, text),
      isDrill: incident.isDrill,
    }
    this.record({ type: 'message_published', ...message })
    this.intend({ kind: 'message', ...message })
  }
}

function stakeholderText(change: Change, event: StakeholderEvent, previousSeverity?: number): string {
  const { incident } = change
  const what = `"${incident.title}" (${change.crisisTypeName()}, ${change.severityName()})`
  switch (event) {
    case 'declared':
      return `Crisis declared: ${what}. Customer-facing teams: hold promotions and refer questions to the status page.`
    case 'stood_down':
      return `Stand down: ${what} did not meet the crisis criteria. False alarm; nothing was published.`
    case 'severity_changed':
      return (
        `Severity of "${incident.title}" changed from ` +
        `${change.severityName(previousSeverity)} to ${change.severityName()}.`
      )
    case 'resolved':
      return `Resolved: ${what}. Teams can return to normal procedures; the postmortem follows.`
  }
}

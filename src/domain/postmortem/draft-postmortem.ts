import { describeScopeAnswer, scopeChecklistItems, scopeChecklistQuestions } from '../process/scope-checklist.js'
import type { ScopeChecklist } from '../process/scope-checklist.js'
import { describeEvent } from '../process/timeline-markdown.js'
import { sortTimeline, type TimelineEntry } from '../process/timeline.js'
import { durationText } from '../scorecard/duration-text.js'
import { emptySections, type PostmortemSections, type PostmortemVersion } from './postmortem-sections.js'

/** What the template fills in from the incident; the rest (root cause, resolution, improvements) people write. */
export interface DraftFacts {
  severityName: string
  severityDescription: string
  openedAt: Date
  resolvedAt: Date | null
  affectedComponents: readonly string[]
  scope: ScopeChecklist
}

const stamp = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`
const statusWords: Record<string, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
  postmortem_published: 'Postmortem',
}

/** Internal entries the story does not need: delivery bookkeeping the outbox already shows. */
const internalNoise = new Set(['outbound_message', 'message_sent'])

/**
 * The timeline section from the incident's timeline. The internal version tells everything
 * recorded, with who did it; the public one only what customers were told and when.
 */
export function timelineSection(entries: readonly TimelineEntry[], version: PostmortemVersion): string {
  const lines: string[] = []
  for (const e of sortTimeline(entries)) {
    if (version === 'internal') {
      if (internalNoise.has(e.type)) continue
      lines.push(`- **${stamp(e.at)}** — ${describeEvent(e).replace(/\r?\n/g, ' ')} _(${e.actor.name})_`)
    } else if (e.type === 'message_published' && e.stage !== 'internal') {
      const firstLine = e.text.split(/\r?\n/).find((l) => l.trim() !== '') ?? ''
      const text = firstLine.replace(/^\[DRILL\]\s*/, '').trim()
      lines.push(`- **${stamp(e.at)}** — ${statusWords[e.status] ?? 'Update'}: ${text}`)
    }
  }
  return lines.join('\n')
}

function scopeSection(facts: DraftFacts): string {
  const lines: string[] = []
  if (facts.affectedComponents.length > 0) lines.push(`- Affected: ${facts.affectedComponents.join(', ')}`)
  for (const item of scopeChecklistItems) {
    const answer = facts.scope[item]
    if (answer) lines.push(`- ${scopeChecklistQuestions[item]} ${describeScopeAnswer(item, answer)}`)
  }
  return lines.join('\n')
}

function impactSection(facts: DraftFacts, version: PostmortemVersion): string {
  const lines: string[] = []
  if (version === 'internal') lines.push(`- Severity: ${facts.severityName} — ${facts.severityDescription}`)
  if (facts.resolvedAt) {
    const lasted = durationText(facts.resolvedAt.getTime() - facts.openedAt.getTime())
    lines.push(`- From ${stamp(facts.openedAt)} to ${stamp(facts.resolvedAt)} (${lasted})`)
  } else lines.push(`- Since ${stamp(facts.openedAt)}`)
  return lines.join('\n')
}

/** A new postmortem from the template: scope, impact and timeline drafted from the incident, the rest blank. */
export function draftPostmortem(
  facts: DraftFacts,
  timeline: readonly TimelineEntry[],
): Record<PostmortemVersion, PostmortemSections> {
  const version = (v: PostmortemVersion): PostmortemSections => ({
    ...emptySections(),
    scope: scopeSection(facts),
    impact: impactSection(facts, v),
    timeline: timelineSection(timeline, v),
  })
  return { internal: version('internal'), public: version('public') }
}

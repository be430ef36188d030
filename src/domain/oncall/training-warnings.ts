import { renderSchedule } from './render-schedule.js'
import { compileTimeline } from './schedule-timeline.js'
import type { Schedule } from './schedule-types.js'

/** A shadowed incident or a drill in a role: what counts as trained (PRODUCT.md §2, input as data). */
export interface TrainingRecord {
  userId: string
  role: string
  kind: 'shadowed_incident' | 'drill'
  at: Date
}

export interface AloneWarning {
  userId: string
  role: string
  startAt: Date
  endAt: Date
  message: string
}

export interface TrainingCheckInput {
  schedule: Schedule
  /** The incident role this schedule fills, e.g. "support_on_call_manager". */
  role: string
  trainings: readonly TrainingRecord[]
  from: Date
  to: Date
  /** Schedules whose on-call person keeps a trainee company (a backup or shadow rota). */
  companions?: readonly Schedule[]
}

function trainedSince(trainings: readonly TrainingRecord[], role: string): Map<string, number> {
  const since = new Map<string, number>()
  for (const t of trainings) {
    if (t.role !== role) continue
    const at = t.at.getTime()
    const known = since.get(t.userId)
    if (known === undefined || at < known) since.set(t.userId, at)
  }
  return since
}

/**
 * Stretches in which the person on call has neither shadowed an incident nor run a drill
 * in the role, and no trained companion is on call beside them: the schedule must warn.
 */
export function untrainedAloneWarnings(input: TrainingCheckInput): AloneWarning[] {
  const { schedule, role, from, to } = input
  const since = trainedSince(input.trainings, role)
  const isTrained = (userId: string, ms: number) => (since.get(userId) ?? Number.POSITIVE_INFINITY) <= ms
  const companions = (input.companions ?? []).map((c) => compileTimeline(c, from, to))
  const companionEdges = (input.companions ?? []).flatMap((c) =>
    renderSchedule(c, from, to).map((s) => s.startAt.getTime()),
  )

  const warnings: AloneWarning[] = []
  for (const segment of renderSchedule(schedule, from, to)) {
    const userId = segment.userId
    if (userId === null) continue
    const startMs = segment.startAt.getTime()
    const endMs = segment.endAt.getTime()
    const edges = new Set<number>([startMs, endMs])
    for (const ms of companionEdges) if (ms > startMs && ms < endMs) edges.add(ms)
    for (const ms of since.values()) if (ms > startMs && ms < endMs) edges.add(ms)
    const sorted = [...edges].sort((a, b) => a - b)
    for (let i = 0; i < sorted.length - 1; i++) {
      const at = sorted[i]!
      if (isTrained(userId, at)) continue
      const hasCompany = companions.some((c) => {
        const other = c.at(at)
        return typeof other === 'string' && other !== userId && isTrained(other, at)
      })
      if (hasCompany) continue
      const last = warnings[warnings.length - 1]
      if (last && last.userId === userId && last.endAt.getTime() === at) last.endAt = new Date(sorted[i + 1]!)
      else {
        warnings.push({
          userId,
          role,
          startAt: new Date(at),
          endAt: new Date(sorted[i + 1]!),
          message: `${userId} has not shadowed an incident or run a drill as ${role} and would be alone on call`,
        })
      }
    }
  }
  return warnings
}

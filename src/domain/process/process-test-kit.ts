import { applyCommand } from './apply-command.js'
import type { ProcessIncident } from './incident-process.js'
import { openIncident, type OpenIncidentInput } from './open-incident.js'
import type { ActorRef } from './people.js'
import type { ApplyResult, CommandContext, ProcessCommand } from './process-commands.js'
import { defaultProcessPolicy, type ProcessPolicy } from './process-policy.js'
import type { TimelineEntry } from './timeline.js'

/** Helpers for tests of the aggregate: a clock that moves forward and commands applied in order. */
export const t0 = new Date('2025-03-01T10:00:00Z')
export const minutesAfter = (minutes: number) => new Date(t0.getTime() + minutes * 60_000)
export const ana: ActorRef = { kind: 'user', id: 'u-ana', name: 'Ana' }
export const bo = { id: 'u-bo', name: 'Bo' }
export const cy = { id: 'u-cy', name: 'Cy' }

export function ctxAt(
  minutes: number,
  actor: ActorRef = ana,
  policy: ProcessPolicy = defaultProcessPolicy,
): CommandContext {
  return { now: minutesAfter(minutes), actor, policy }
}

export function opened(
  input: Partial<OpenIncidentInput> = {},
  policy: ProcessPolicy = defaultProcessPolicy,
): ProcessIncident {
  const result = openIncident(
    {
      id: 'inc-1',
      title: 'Checkout is down',
      crisisType: 'service_outage',
      severity: 4,
      isDrill: false,
      source: 'manual',
      ...input,
    },
    ctxAt(0, ana, policy),
  )
  if (!result.ok) throw new Error(result.rejection.message)
  return result.incident
}

export function mustApply(
  incident: ProcessIncident,
  command: ProcessCommand,
  ctx: CommandContext,
): Extract<ApplyResult, { ok: true }> {
  const result = applyCommand(incident, command, ctx)
  if (!result.ok)
    throw new Error(`${command.type} rejected: ${result.rejection.message} ${JSON.stringify(result.rejection.details)}`)
  return result
}

/** Applies commands one minute apart, collecting every entry and intent. */
export function run(
  incident: ProcessIncident,
  commands: ProcessCommand[],
  startMinute = 1,
  policy: ProcessPolicy = defaultProcessPolicy,
) {
  const entries: TimelineEntry[] = []
  const intents: Extract<ApplyResult, { ok: true }>['intents'] = []
  let current = incident
  commands.forEach((command, i) => {
    const result = mustApply(current, command, ctxAt(startMinute + i, ana, policy))
    current = result.incident
    entries.push(...result.entries)
    intents.push(...result.intents)
  })
  return { incident: current, entries, intents }
}

export const confirmAll: ProcessCommand[] = ['many_customers', 'beyond_minutes', 'public_communication'].map(
  (criterionId) => ({
    type: 'confirm_criterion',
    criterionId,
    isMet: true,
  }),
)

export const completeScope: ProcessCommand[] = [
  { type: 'answer_scope', item: 'startedAt', answer: { kind: 'at', at: t0 } },
  { type: 'answer_scope', item: 'expectedDuration', answer: { kind: 'unknown' } },
  {
    type: 'answer_scope',
    item: 'affected',
    answer: { kind: 'some', regions: ['EU'], plans: [], components: [], features: ['checkout'] },
  },
  { type: 'answer_scope', item: 'workaround', answer: { kind: 'none' } },
]

import { escalationPolicyProblems } from '../oncall/escalation-policy.js'
import { scheduleProblems } from '../oncall/schedule-validation.js'
import type { ImportNote, ImportPlan, PlannedSchedule } from './import-plan.js'

const MAX_TIMEOUT_MINUTES = 7 * 24 * 60
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const isValidDate = (d: Date | null | undefined) => d instanceof Date && !Number.isNaN(d.getTime())

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** PostgreSQL refuses NUL and lone surrogates in text: a source's stray byte becomes U+FFFD, not a failed batch. */
function cleanTexts<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll('\u0000', '\ufffd').replace(loneSurrogate, '\ufffd') as T
  if (Array.isArray(value)) return value.map(cleanTexts) as T
  if (value === null || typeof value !== 'object' || value instanceof Date) return value
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanTexts(v)])) as T
}

/** Keeps the first of each key; later ones are reported, so a source with repeated ids cannot double an item. */
function unique<T extends { key: string }>(items: T[], kind: string, skipped: ImportNote[]): T[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    if (!seen.has(item.key)) return seen.add(item.key)
    skipped.push({ item: `${kind} ${item.key}`, reason: 'the same id appears twice in the source; the first was kept' })
    return false
  })
}

function scheduleFits(schedule: PlannedSchedule): string[] {
  return scheduleProblems({
    id: schedule.key,
    timeZone: schedule.timeZone,
    layers: schedule.layers.map((l, i) => ({
      id: String(i),
      participants: l.participantKeys,
      shiftLength: { unit: l.shiftUnit, length: l.shiftLength },
      startAt: l.startAt,
      endAt: l.endAt,
      timeZone: l.timeZone,
      restrictions: l.restrictions,
    })),
  }).map((p) => `${p.path}: ${p.message}`)
}

/**
 * The plan as it can be written: every reference points at something in it, every value fits
 * Candor's rules. What cannot be kept is moved to `skipped` (or, when only a part goes, noted
 * in `approximations`) with the reason, so nothing is lost silently and the writer never fails
 * half-way on bad data.
 */
export function checkPlan(raw: ImportPlan): ImportPlan {
  const input = cleanTexts(raw)
  const skipped = [...input.skipped]
  const approximations = [...input.approximations]
  const skip = (item: string, reason: string) => void skipped.push({ item, reason })
  const note = (item: string, reason: string) => void approximations.push({ item, reason })

  const pages = unique(input.pages, 'page', skipped)
  const pageKeys = new Set(pages.map((p) => p.key))
  const onPage = <T extends { key: string; pageKey: string }>(items: T[], kind: string) =>
    unique(items, kind, skipped).filter(
      (i) => pageKeys.has(i.pageKey) || skip(`${kind} ${i.key}`, 'its page is missing'),
    )

  const groups = onPage(input.groups, 'group')
  const groupKeys = new Set(groups.map((g) => g.key))
  const components = onPage(input.components, 'component').map((c) => {
    if (c.groupKey === null || groupKeys.has(c.groupKey)) return c
    note(`component "${c.name}"`, 'its group is missing; imported without a group')
    return { ...c, groupKey: null }
  })
  const componentPage = new Map(components.map((c) => [c.key, c.pageKey]))
  const knownComponents = (keys: string[], pageKey: string, item: string) => {
    const kept = keys.filter((k) => componentPage.get(k) === pageKey)
    if (kept.length < keys.length) note(item, `${keys.length - kept.length} affected component(s) not found; left out`)
    return kept
  }

  const incidents = onPage(input.incidents, 'incident').flatMap((i) => {
    const name = `incident "${i.title}"`
    if (!isValidDate(i.startedAt)) return skip(name, 'it has no valid start time') ?? []
    const updates = i.updates.filter((u) => isValidDate(u.at))
    if (updates.length < i.updates.length) note(name, 'updates without a valid time were left out')
    return [{ ...i, updates, componentKeys: knownComponents(i.componentKeys, i.pageKey, name) }]
  })
  const maintenances = onPage(input.maintenances, 'maintenance').flatMap((m) => {
    const name = `maintenance "${m.title}"`
    if (!isValidDate(m.scheduledFor) || !isValidDate(m.scheduledUntil))
      return skip(name, 'it has no valid scheduled window') ?? []
    let until = m.scheduledUntil
    if (until.getTime() <= m.scheduledFor.getTime()) {
      until = new Date(m.scheduledFor.getTime() + 3_600_000)
      note(name, 'its window ended before it began; it is shown as one hour long')
    }
    return [
      {
        ...m,
        scheduledUntil: until,
        updates: m.updates.filter((u) => isValidDate(u.at)),
        componentKeys: knownComponents(m.componentKeys, m.pageKey, name),
      },
    ]
  })
  const subscribers = onPage(input.subscribers, 'subscriber').flatMap((s) => {
    const valid = s.channel === 'email' ? emailPattern.test(s.address) : isHttpUrl(s.address)
    if (!valid) return skip(`subscriber ${s.key}`, `"${s.address}" is not a valid ${s.channel} address`) ?? []
    return [{ ...s, componentKeys: knownComponents(s.componentKeys, s.pageKey, `subscriber ${s.address}`) }]
  })

  const people = unique(input.people, 'person', skipped).filter(
    (p) => emailPattern.test(p.email) || skip(`person "${p.name}"`, `"${p.email}" is not an email address`),
  )
  const personKeys = new Set(people.map((p) => p.key))
  const contactMethods = unique(input.contactMethods, 'contact method', skipped).filter(
    (c) => personKeys.has(c.personKey) || skip(`contact method ${c.key}`, 'its person was not imported'),
  )

  const schedules = unique(input.schedules, 'schedule', skipped).flatMap((s) => {
    const name = `schedule "${s.name}"`
    const layers = s.layers.flatMap((l) => {
      const participantKeys = l.participantKeys.filter((k) => personKeys.has(k))
      if (participantKeys.length < l.participantKeys.length)
        note(`${name}, layer "${l.name}"`, 'people who were not imported were left out of the rotation')
      if (participantKeys.length > 0) return [{ ...l, participantKeys }]
      note(`${name}, layer "${l.name}"`, 'nobody left in the rotation; the layer was left out')
      return []
    })
    const checked = { ...s, layers }
    const problems = scheduleFits(checked)
    return problems.length ? (skip(name, problems.join('; ')) ?? []) : [checked]
  })
  const scheduleKeys = new Set(schedules.map((s) => s.key))
  const overrides = unique(input.overrides, 'override', skipped).filter((o) => {
    const item = `override ${o.key}`
    if (!scheduleKeys.has(o.scheduleKey)) return skip(item, 'its schedule was not imported')
    if (!personKeys.has(o.personKey)) return skip(item, 'its person was not imported')
    if (!isValidDate(o.startAt) || !isValidDate(o.endAt) || o.endAt <= o.startAt)
      return skip(item, 'it does not end after it starts')
    return true
  })

  const targetExists = (t: { kind: 'schedule' | 'person'; key: string }) =>
    t.kind === 'schedule' ? scheduleKeys.has(t.key) : personKeys.has(t.key)
  const policies = unique(input.policies, 'escalation policy', skipped).flatMap((p) => {
    const name = `escalation policy "${p.name}"`
    const levels = p.levels.flatMap((level, i) => {
      const targets = level.targets.filter(targetExists)
      if (targets.length < level.targets.length)
        note(`${name}, level ${i + 1}`, 'targets that were not imported were left out')
      const timeout = Math.min(MAX_TIMEOUT_MINUTES, Math.max(1, Math.round(level.ackTimeoutMinutes)))
      if (timeout !== level.ackTimeoutMinutes) note(`${name}, level ${i + 1}`, `timeout set to ${timeout} minutes`)
      return targets.length ? [{ ackTimeoutMinutes: timeout, targets }] : []
    })
    const repeatCount = Math.min(20, Math.max(0, p.repeatCount))
    if (repeatCount !== p.repeatCount) note(name, `repeats set to ${repeatCount} (Candor allows 0 to 20)`)
    const checked = { ...p, levels, repeatCount }
    const problems = escalationPolicyProblems({
      id: p.key,
      repeatCount,
      fallbackTargets: [],
      levels: levels.map((l) => ({
        ackTimeoutMinutes: l.ackTimeoutMinutes,
        targets: l.targets.map((t) => ({ kind: 'user' as const, userId: t.key })),
      })),
    })
    if (problems.length) return skip(name, problems.map((x) => x.message).join('; ')) ?? []
    return [checked]
  })
  const policyKeys = new Set(policies.map((p) => p.key))
  const integrations = unique(input.integrations, 'integration', skipped).map((i) =>
    i.policyKey === null || policyKeys.has(i.policyKey) ? i : { ...i, policyKey: null },
  )

  return {
    source: input.source,
    pages,
    groups,
    components,
    incidents,
    maintenances,
    subscribers,
    people,
    contactMethods,
    schedules,
    overrides,
    policies,
    integrations,
    skipped,
    approximations,
  }
}

import { randomBytes } from 'node:crypto'
import type {
  PlannedContactMethod,
  PlannedIntegration,
  PlannedOverride,
  PlannedPerson,
  PlannedPolicy,
  PlannedSchedule,
  PlannedTarget,
} from '../../domain/import/import-plan.js'
import type { EscalationTarget } from '../../domain/oncall/escalation-policy.js'
import type { OrgStore } from '../../store/store.js'
import type { AppDeps } from '../context.js'
import { intakeAddress } from '../intake/manage-integrations.js'
import { hashIntegrationKey, keyHint, newIntegrationKey } from '../intake/integration-keys.js'
import type { BatchLog } from './import-report.js'

/** Imported people join as responders; someone already a member keeps their role. Nobody is emailed. */
export async function writePerson(tx: OrgStore, log: BatchLog, p: PlannedPerson) {
  const known = log.idOf(p.key)
  if (known && (await tx.imports.existing('users', [known])).size > 0) {
    await tx.imports.renameUserIfBlank(known, p.name)
    return log.count('people', false)
  }
  const existing = await tx.imports.findUserByEmail(p.email)
  const user = existing ?? (await tx.imports.createUser({ email: p.email, name: p.name }))
  if (existing) await tx.imports.renameUserIfBlank(existing.id, p.name)
  await tx.imports.addMember(user.id, 'responder')
  log.remember(p.key, 'users', user.id)
  log.count('people', !existing)
}

export async function writeContactMethod(tx: OrgStore, log: BatchLog, c: PlannedContactMethod) {
  const known = log.idOf(c.key)
  if (known && (await tx.oncall.people.getContactMethod(known))) return log.count('contact_methods', false)
  const row = await tx.oncall.people.addContactMethod({
    userId: log.idOf(c.personKey)!,
    kind: c.kind,
    address: c.address,
    delayMinutes: c.delayMinutes,
    secret: c.kind === 'webhook' ? `whsec_${randomBytes(24).toString('base64url')}` : null,
  })
  log.remember(c.key, 'oncall_contact_methods', row.id)
  log.count('contact_methods', true)
}

/** Layers are replaced whole on every run: the source's rotation is the truth. */
export async function writeSchedule(tx: OrgStore, log: BatchLog, s: PlannedSchedule, now: Date) {
  const values = { name: s.name, description: s.description, timeZone: s.timeZone }
  const known = log.idOf(s.key)
  let id = known && (await tx.oncall.schedules.update(known, values, now)) ? known : undefined
  log.count('schedules', !id)
  if (!id) {
    id = (await tx.oncall.schedules.create(values)).id
    log.remember(s.key, 'oncall_schedules', id)
  }
  await tx.oncall.schedules.replaceLayers(
    id,
    s.layers.map((l) => ({
      name: l.name,
      shiftUnit: l.shiftUnit,
      shiftLength: l.shiftLength,
      startAt: l.startAt,
      endAt: l.endAt,
      timeZone: l.timeZone,
      restrictions: l.restrictions,
      participantIds: l.participantKeys.map((k) => log.idOf(k)!),
    })),
  )
}

export async function writeOverride(tx: OrgStore, log: BatchLog, o: PlannedOverride) {
  const known = log.idOf(o.key)
  if (known && (await tx.imports.existing('oncall_overrides', [known])).size > 0) return log.count('overrides', false)
  const row = await tx.oncall.schedules.addOverride(log.idOf(o.scheduleKey)!, {
    userId: log.idOf(o.personKey)!,
    replacesUserId: null,
    startAt: o.startAt,
    endAt: o.endAt,
  })
  log.remember(o.key, 'oncall_overrides', row.id)
  log.count('overrides', true)
}

function target(log: BatchLog, t: PlannedTarget): EscalationTarget {
  return t.kind === 'schedule'
    ? { kind: 'schedule', scheduleId: log.idOf(t.key)! }
    : { kind: 'user', userId: log.idOf(t.key)! }
}

export async function writePolicy(tx: OrgStore, log: BatchLog, p: PlannedPolicy, now: Date) {
  const values = { name: p.name, description: p.description, repeatCount: p.repeatCount }
  const known = log.idOf(p.key)
  let id = known && (await tx.oncall.policies.update(known, values, now)) ? known : undefined
  log.count('escalation_policies', !id)
  if (!id) {
    id = (await tx.oncall.policies.create(values)).id
    log.remember(p.key, 'escalation_policies', id)
  }
  await tx.oncall.policies.replaceLevels(
    id,
    p.levels.map((l) => ({ ackTimeoutMinutes: l.ackTimeoutMinutes, targets: l.targets.map((t) => target(log, t)) })),
    [],
  )
}

/**
 * A source's service becomes an intake integration (a new key, shown once in the report) and,
 * when it paged a policy, a routing rule "alerts of this integration page that policy".
 */
export async function writeIntegration(
  deps: Pick<AppDeps, 'baseUrl'>,
  tx: OrgStore,
  log: BatchLog,
  i: PlannedIntegration,
  now: Date,
) {
  const known = log.idOf(i.key)
  let id = known && (await tx.imports.updateIntegration(known, { name: i.name, config: {} }, now)) ? known : undefined
  log.count('integrations', !id)
  if (!id) {
    const key = newIntegrationKey()
    const row = await tx.integrations.create({
      kind: i.kind,
      name: i.name,
      keyHash: hashIntegrationKey(key),
      keyHint: keyHint(key),
      config: {},
    })
    id = row.id
    log.remember(i.key, 'integrations', id)
    log.keys.push({ name: i.name, kind: i.kind, key, ...intakeAddress(deps, i.kind, key) })
  }
  if (!i.policyKey) return
  const ruleKey = `${i.key}:routing`
  const rule = {
    name: `${i.name} (imported)`,
    conditions: [{ field: 'integration', op: 'equals', value: id }],
    actions: [{ type: 'page', escalationPolicyId: log.idOf(i.policyKey)! }],
  }
  const ruleId = log.idOf(ruleKey)
  if (ruleId && (await tx.routingRules.update(ruleId, rule, now))) return
  const created = await tx.routingRules.create({ ...rule, position: 1000 })
  log.remember(ruleKey, 'routing_rules', created.id)
}

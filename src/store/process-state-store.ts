import type { ProcessIncident } from '../domain/process/incident-process.js'
import { json, type Executor } from './schema/index.js'
import { processFromRows, processRowValues } from './process-rows.js'

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * The incident process as one aggregate: read whole (the incident row locked), written back
 * as differences, so who confirmed or ticked what first is kept.
 */
export function processStateStore(db: Executor, orgId: string) {
  return {
    /** The incident row (locked with `forUpdate`) and its process, or null when the process has not started. */
    async load(incidentId: string, options: { forUpdate: boolean }) {
      let query = db.selectFrom('incidents').selectAll().where('org_id', '=', orgId).where('id', '=', incidentId)
      if (options.forUpdate) query = query.forUpdate()
      const incident = await query.executeTakeFirst()
      if (!incident) return undefined
      const process = await db
        .selectFrom('incident_processes')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('incident_id', '=', incidentId)
        .executeTakeFirst()
      if (!process) return { incident, process: null }
      const [criteria, answers, roles, checkIns, shadows, tasks, playbook] = await Promise.all([
        db
          .selectFrom('incident_criteria')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('incident_id', '=', incidentId)
          .orderBy('criterion_id')
          .execute(),
        db
          .selectFrom('incident_checklist_answers')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('incident_id', '=', incidentId)
          .execute(),
        db
          .selectFrom('incident_roles')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('incident_id', '=', incidentId)
          .execute(),
        db
          .selectFrom('incident_check_ins')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('incident_id', '=', incidentId)
          .orderBy('seq')
          .execute(),
        db
          .selectFrom('incident_shadows')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('incident_id', '=', incidentId)
          .orderBy('joined_at')
          .orderBy('person_id')
          .execute(),
        db
          .selectFrom('incident_playbook_tasks')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('incident_id', '=', incidentId)
          .orderBy('done_at')
          .execute(),
        db
          .selectFrom('incident_playbooks')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('incident_id', '=', incidentId)
          .executeTakeFirst(),
      ])
      return {
        incident,
        process: processFromRows({ incident, process, criteria, answers, roles, checkIns, shadows, playbook, tasks }),
      }
    },

    async save(
      previous: ProcessIncident | null,
      next: ProcessIncident,
      meta: { now: Date; actorName: string; nextTimerAt: Date | null },
    ) {
      const { now, actorName } = meta
      const id = next.id
      await db
        .updateTable('incidents')
        .set({
          title: next.title,
          type: next.crisisType,
          severity: next.severity,
          status: next.status,
          declared_at: next.declaredAt,
          identified_at: next.identifiedAt,
          monitoring_at: next.monitoringAt,
          resolved_at: next.resolvedAt,
          updated_at: now,
        })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .execute()
      const row = processRowValues(orgId, next, meta.nextTimerAt, now)
      const { incident_id: _id, org_id: _org, ...changes } = row
      await db
        .insertInto('incident_processes')
        .values(row)
        .onConflict((oc) => oc.column('incident_id').doUpdateSet(changes))
        .execute()

      const prevCriteria = new Map((previous?.criteria ?? []).map((c) => [c.criterionId, c.isMet]))
      const nextIds = new Set(next.criteria.map((c) => c.criterionId))
      const goneCriteria = [...prevCriteria.keys()].filter((k) => !nextIds.has(k))
      if (goneCriteria.length)
        await db
          .deleteFrom('incident_criteria')
          .where('org_id', '=', orgId)
          .where('incident_id', '=', id)
          .where('criterion_id', 'in', goneCriteria)
          .execute()
      for (const c of next.criteria.filter((c) => prevCriteria.get(c.criterionId) !== c.isMet)) {
        await db
          .insertInto('incident_criteria')
          .values({
            incident_id: id,
            org_id: orgId,
            criterion_id: c.criterionId,
            is_met: c.isMet,
            confirmed_at: now,
            confirmed_by: actorName,
          })
          .onConflict((oc) =>
            oc
              .columns(['incident_id', 'criterion_id'])
              .doUpdateSet({ is_met: c.isMet, confirmed_at: now, confirmed_by: actorName }),
          )
          .execute()
      }

      for (const [item, answer] of Object.entries(next.scope)) {
        if (sameJson(previous?.scope[item as keyof typeof next.scope], answer)) continue
        await db
          .insertInto('incident_checklist_answers')
          .values({
            incident_id: id,
            org_id: orgId,
            item,
            answer: json(answer),
            answered_at: now,
            answered_by: actorName,
          })
          .onConflict((oc) =>
            oc
              .columns(['incident_id', 'item'])
              .doUpdateSet({ answer: json(answer), answered_at: now, answered_by: actorName }),
          )
          .execute()
      }

      if (!sameJson(previous?.roles, next.roles)) {
        await db.deleteFrom('incident_roles').where('org_id', '=', orgId).where('incident_id', '=', id).execute()
        if (next.roles.length) {
          await db
            .insertInto('incident_roles')
            .values(
              next.roles.map((r) => ({
                incident_id: id,
                org_id: orgId,
                role: r.role,
                primary_id: r.primary?.id ?? null,
                primary_name: r.primary?.name ?? null,
                backup_id: r.backup?.id ?? null,
                backup_name: r.backup?.name ?? null,
                assigned_at: r.assignedAt,
              })),
            )
            .execute()
        }
      }

      const newCheckIns = next.checkIns.slice(previous?.checkIns.length ?? 0)
      if (newCheckIns.length) {
        await db
          .insertInto('incident_check_ins')
          .values(
            newCheckIns.map((c) => ({
              incident_id: id,
              org_id: orgId,
              person_id: c.person.id,
              person_name: c.person.name,
              role: c.role,
              checked_in_at: c.at,
            })),
          )
          .execute()
      }

      if (!sameJson(previous?.shadows, next.shadows)) {
        await db.deleteFrom('incident_shadows').where('org_id', '=', orgId).where('incident_id', '=', id).execute()
        if (next.shadows.length) {
          await db
            .insertInto('incident_shadows')
            .values(
              next.shadows.map((s) => ({
                incident_id: id,
                org_id: orgId,
                person_id: s.person.id,
                person_name: s.person.name,
                shadowing: s.shadowing,
                joined_at: s.joinedAt,
              })),
            )
            .execute()
        }
      }

      if (previous === null || previous.playbookKey !== next.playbookKey || !sameJson(previous.answers, next.answers)) {
        const values = { playbook_key: next.playbookKey, answers: json(next.answers) }
        await db
          .insertInto('incident_playbooks')
          .values({ incident_id: id, org_id: orgId, ...values })
          .onConflict((oc) => oc.column('incident_id').doUpdateSet(values))
          .execute()
      }

      const prevTasks = new Set(previous?.tasksDone ?? [])
      const nextTasks = new Set(next.tasksDone)
      const undone = [...prevTasks].filter((t) => !nextTasks.has(t))
      if (undone.length)
        await db
          .deleteFrom('incident_playbook_tasks')
          .where('org_id', '=', orgId)
          .where('incident_id', '=', id)
          .where('task_id', 'in', undone)
          .execute()
      const done = [...nextTasks].filter((t) => !prevTasks.has(t))
      if (done.length) {
        await db
          .insertInto('incident_playbook_tasks')
          .values(
            done.map((task_id) => ({ incident_id: id, org_id: orgId, task_id, done_at: now, done_by: actorName })),
          )
          .execute()
      }
    },
  }
}

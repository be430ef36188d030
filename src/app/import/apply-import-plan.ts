import { conflict } from '../../domain/app-error.js'
import { checkPlan } from '../../domain/import/check-plan.js'
import type { ImportPlan } from '../../domain/import/import-plan.js'
import type { OrgStore } from '../../store/store.js'
import { writeAudit } from '../accounts/audit.js'
import { requirePermission } from '../authorize.js'
import type { AppContext, AppDeps } from '../context.js'
import { BatchLog, type ImportPhase, type ImportProgress, type ImportReport, type RefMap } from './import-report.js'
import {
  writeContactMethod,
  writeIntegration,
  writeOverride,
  writePerson,
  writePolicy,
  writeSchedule,
} from './write-oncall.js'
import {
  writeComponent,
  writeGroup,
  writeIncident,
  writeMaintenance,
  writePage,
  writeSubscribers,
} from './write-status-pages.js'

export interface ApplyOptions {
  dryRun?: boolean
  onProgress?: ImportProgress
}

/** Small enough that each transaction stays far below the time limit on the embedded database. */
const batchSizes = { incidents: 25, maintenances: 25, subscribers: 500, people: 100, policies: 50 }

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

const reportKinds: [keyof ImportPlan, string][] = [
  ['pages', 'pages'],
  ['groups', 'groups'],
  ['components', 'components'],
  ['incidents', 'incidents'],
  ['maintenances', 'maintenances'],
  ['subscribers', 'subscribers'],
  ['people', 'people'],
  ['contactMethods', 'contact_methods'],
  ['schedules', 'schedules'],
  ['overrides', 'overrides'],
  ['policies', 'escalation_policies'],
  ['integrations', 'integrations'],
]

/** A dry run: what would be created and what updated (a key imported before), from the refs alone. */
function dryRunReport(plan: ImportPlan, refs: RefMap, report: ImportReport): ImportReport {
  for (const [field, kind] of reportKinds) {
    const items = plan[field] as { key: string }[]
    const known = items.filter((i) => refs.has(i.key)).length
    if (items.length - known) report.created[kind] = items.length - known
    if (known) report.updated[kind] = known
  }
  const updates = plan.incidents.flatMap((i) => i.updates)
  const knownUpdates = updates.filter((u) => refs.has(u.key)).length
  if (updates.length - knownUpdates) report.created.incident_updates = updates.length - knownUpdates
  return report
}

/**
 * Writes a plan (any source) into the organisation: checked first, so bad data is reported
 * rather than half-written; then in batches, one transaction each, each batch saving the
 * external refs of what it wrote, so an interrupted import resumes where it stopped and a
 * second run updates instead of duplicating. Nothing is sent to anyone.
 */
export async function applyImportPlan(
  deps: AppDeps,
  ctx: AppContext,
  rawPlan: ImportPlan,
  options: ApplyOptions = {},
): Promise<ImportReport> {
  requirePermission(ctx, 'import.run')
  const plan = checkPlan(rawPlan)
  const readRefs = () => deps.store.forOrg(ctx.orgId).imports.refs(plan.source)
  const report: ImportReport = {
    source: plan.source,
    dry_run: options.dryRun === true,
    created: {},
    updated: {},
    skipped: plan.skipped,
    approximations: plan.approximations,
    integration_keys: [],
  }
  if (options.dryRun) return dryRunReport(plan, await readRefs(), report)
  const now = ctx.now
  const claimed = await deps.store.transaction(
    ctx.orgId,
    (tx) => tx.imports.claimRun(plan.source, now, 3_600_000),
    `import ${plan.source}: claim`,
  )
  if (!claimed)
    throw conflict(`An import from ${plan.source} is already running for this organisation; try again when it ends`)
  let refs: RefMap = new Map()
  const progress = (phase: ImportPhase, done: number, total: number) => options.onProgress?.(phase, done, total)
  const batch = async (phase: ImportPhase, write: (tx: OrgStore, log: BatchLog) => Promise<void>) => {
    const log = new BatchLog(refs)
    await deps.store.transaction(
      ctx.orgId,
      async (tx) => {
        await write(tx, log)
        await tx.imports.saveRefs(log.refs, now)
      },
      `import ${plan.source}: ${phase}`,
    )
    log.mergeInto(report, refs)
  }
  const inBatches = async <T>(
    phase: ImportPhase,
    items: T[],
    size: number,
    write: (tx: OrgStore, log: BatchLog, item: T) => Promise<void>,
  ) => {
    let done = 0
    for (const part of chunks(items, size)) {
      await batch(phase, async (tx, log) => {
        for (const item of part) await write(tx, log, item)
      })
      progress(phase, (done += part.length), items.length)
    }
  }

  try {
    // Read once the run is ours, so a run that just ended is seen whole.
    refs = await readRefs()
    await inBatches('people', plan.people, batchSizes.people, (tx, log, p) => writePerson(tx, log, p))
    await inBatches('contact methods', plan.contactMethods, batchSizes.people, (tx, log, c) =>
      writeContactMethod(tx, log, c),
    )
    for (const [n, page] of plan.pages.entries()) {
      await batch('pages', async (tx, log) => {
        await writePage(tx, log, page, now)
        for (const g of plan.groups.filter((x) => x.pageKey === page.key)) await writeGroup(tx, log, g, now)
        for (const c of plan.components.filter((x) => x.pageKey === page.key)) await writeComponent(tx, log, c, now)
      })
      progress('pages', n + 1, plan.pages.length)
    }
    await inBatches('incidents', plan.incidents, batchSizes.incidents, (tx, log, i) =>
      writeIncident(tx, log, plan.source, i, now),
    )
    await inBatches('maintenances', plan.maintenances, batchSizes.maintenances, (tx, log, m) =>
      writeMaintenance(tx, log, m, now),
    )
    let subscribersDone = 0
    for (const part of chunks(plan.subscribers, batchSizes.subscribers)) {
      await batch('subscribers', (tx, log) => writeSubscribers(tx, log, part, now))
      progress('subscribers', (subscribersDone += part.length), plan.subscribers.length)
    }
    for (const [n, schedule] of plan.schedules.entries()) {
      await batch('schedules', async (tx, log) => {
        await writeSchedule(tx, log, schedule, now)
        for (const o of plan.overrides.filter((x) => x.scheduleKey === schedule.key)) await writeOverride(tx, log, o)
      })
      progress('schedules', n + 1, plan.schedules.length)
    }
    await inBatches('policies', plan.policies, batchSizes.policies, (tx, log, p) => writePolicy(tx, log, p, now))
    await inBatches('integrations', plan.integrations, batchSizes.policies, (tx, log, i) =>
      writeIntegration(deps, tx, log, i, now),
    )

    // One record of the whole import (each batch has committed on its own by now).
    await deps.store.transaction(
      ctx.orgId,
      (tx) =>
        writeAudit(tx, ctx, {
          action: 'import.completed',
          objectType: 'import',
          after: {
            source: plan.source,
            created: report.created,
            updated: report.updated,
            skipped: plan.skipped.length,
          },
        }),
      `import ${plan.source}: audit`,
    )
  } finally {
    await deps.store.transaction(ctx.orgId, (tx) => tx.imports.releaseRun(plan.source), `import ${plan.source}: end`)
    // Pages written before a failure are live too: their snapshots follow what is in the database.
    for (const page of plan.pages) {
      const pageId = refs.get(page.key)?.localId
      if (pageId) deps.events.emit('page.changed', { orgId: ctx.orgId, pageId })
    }
    if (plan.integrations.length) {
      deps.intake.rules.delete(ctx.orgId)
    }
  }
  return report
}

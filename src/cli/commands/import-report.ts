import type { ImportReport } from '../../app/import/import-report.js'

const counts = (map: Record<string, number>) =>
  Object.entries(map)
    .map(([kind, n]) => `${kind.replace(/_/g, ' ')} ${n}`)
    .join(', ') || 'nothing'

/** The report as people read it: what was (or would be) written, then everything left out and why. */
export function printImportReport(report: ImportReport, log: (line: string) => void = console.log) {
  if (report.dry_run) {
    log(`Dry run of the ${report.source} import: nothing was written.`)
    log(`  would create: ${counts(report.created)}`)
    log(`  would update: ${counts(report.updated)}`)
  } else {
    log(`Imported from ${report.source}.`)
    log(`  created: ${counts(report.created)}`)
    log(`  updated: ${counts(report.updated)}`)
  }
  if (report.skipped.length) {
    log(`${report.dry_run ? 'Cannot be mapped' : 'Skipped'} (${report.skipped.length}):`)
    for (const s of report.skipped) log(`  - ${s.item}: ${s.reason}`)
  }
  if (report.approximations.length) {
    log(`Imported with changes (${report.approximations.length}):`)
    for (const a of report.approximations) log(`  - ${a.item}: ${a.reason}`)
  }
  if (report.integration_keys.length) {
    log('New alert intake keys (shown once; point the monitoring tools here):')
    for (const k of report.integration_keys) {
      const where = [
        k.url && `url ${k.url}`,
        k.routing_key && `routing_key ${k.routing_key}`,
        k.email && `email ${k.email}`,
      ].filter(Boolean)
      log(`  - ${k.name} (${k.kind}): key ${k.key}${where.length ? `, ${where.join(', ')}` : ''}`)
    }
  }
}

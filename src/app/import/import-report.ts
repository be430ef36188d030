import type { ImportNote, ImportSource } from '../../domain/import/import-plan.js'
import type { RefTable, RefWrite } from '../../store/imports-store.js'

/** What an import did (or, on a dry run, would do), per Candor kind, and what it left out and why. */
export interface ImportReport {
  source: ImportSource
  dry_run: boolean
  created: Record<string, number>
  updated: Record<string, number>
  skipped: ImportNote[]
  approximations: ImportNote[]
  /** Alert intake keys made for the source's services: shown this once, point the monitors here. */
  integration_keys: { name: string; kind: string; key: string; url?: string; routing_key?: string; email?: string }[]
}

export type ImportPhase =
  | 'people'
  | 'contact methods'
  | 'pages'
  | 'incidents'
  | 'maintenances'
  | 'subscribers'
  | 'schedules'
  | 'policies'
  | 'integrations'

export type ImportProgress = (phase: ImportPhase, done: number, total: number) => void

export type RefMap = Map<string, { kind: string; localId: string }>

/**
 * One batch's effects, kept apart until its transaction commits: a batch that rolls back
 * leaves neither counts nor refs behind, so the report and a resumed run stay true.
 */
export class BatchLog {
  readonly refs: RefWrite[] = []
  private readonly ids = new Map<string, string>()
  readonly created = new Map<string, number>()
  readonly updated = new Map<string, number>()
  readonly keys: ImportReport['integration_keys'] = []

  constructor(private readonly known: RefMap) {}

  /** The Candor id of an imported key, from earlier runs or batches or this one. */
  idOf(key: string): string | undefined {
    return this.ids.get(key) ?? this.known.get(key)?.localId
  }

  remember(key: string, table: RefTable, localId: string) {
    this.refs.push({ key, kind: table, localId })
    this.ids.set(key, localId)
  }

  count(kind: string, isNew: boolean) {
    const map = isNew ? this.created : this.updated
    map.set(kind, (map.get(kind) ?? 0) + 1)
  }

  mergeInto(report: ImportReport, known: RefMap) {
    for (const r of this.refs) known.set(r.key, { kind: r.kind, localId: r.localId })
    for (const [k, n] of this.created) report.created[k] = (report.created[k] ?? 0) + n
    for (const [k, n] of this.updated) report.updated[k] = (report.updated[k] ?? 0) + n
    report.integration_keys.push(...this.keys)
  }
}

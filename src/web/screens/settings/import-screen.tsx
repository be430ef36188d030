import { useRef, useState, type FormEvent } from 'react'
import { api } from '../../api/client'
import { ProblemMessage } from '../../ui/problem-message'
import { useSubmit } from '../../ui/use-api'

interface Note {
  item: string
  reason: string
}

interface ImportReport {
  source: string
  dry_run: boolean
  created: Record<string, number>
  updated: Record<string, number>
  skipped: Note[]
  approximations: Note[]
  integration_keys: { name: string; kind: string; key: string; url?: string; routing_key?: string; email?: string }[]
}

const sources = [
  { value: 'statuspage', label: 'Statuspage (export JSON)' },
  { value: 'pagerduty', label: 'PagerDuty (export JSON)' },
  { value: 'opsgenie', label: 'Opsgenie (export JSON)' },
  { value: 'uptime-kuma', label: 'Uptime Kuma (kuma.db)' },
  { value: 'cachet', label: 'Cachet (database or export JSON)' },
]

const sqliteMagic = 'SQLite format 3'

/** A SQLite file goes as base64, anything else must be the tool's JSON export. */
async function bodyOf(file: File, dryRun: boolean): Promise<Record<string, unknown>> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  if (new TextDecoder().decode(bytes.subarray(0, 15)) === sqliteMagic) {
    let binary = ''
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
    return { dry_run: dryRun, database_base64: btoa(binary) }
  }
  try {
    return { dry_run: dryRun, file: JSON.parse(new TextDecoder().decode(bytes)) }
  } catch {
    return { dry_run: dryRun, file: null }
  }
}

function Counts({ title, counts }: { title: string; counts: Record<string, number> }) {
  const entries = Object.entries(counts)
  return (
    <p>
      <strong>{title}:</strong>{' '}
      {entries.length ? entries.map(([kind, n]) => `${kind.replace(/_/g, ' ')} ${n}`).join(', ') : 'nothing'}
    </p>
  )
}

function Notes({ title, notes }: { title: string; notes: Note[] }) {
  if (notes.length === 0) return null
  return (
    <section aria-label={title}>
      <h3>
        {title} ({notes.length})
      </h3>
      <ul>
        {[...new Set(notes.map((n) => `${n.item}: ${n.reason}`))].map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  )
}

function Report({ report }: { report: ImportReport }) {
  return (
    <section className="card" aria-labelledby="import-report-title">
      <h2 id="import-report-title">
        {report.dry_run ? 'Dry run: nothing was written' : `Imported from ${report.source}`}
      </h2>
      <Counts title={report.dry_run ? 'Would create' : 'Created'} counts={report.created} />
      <Counts title={report.dry_run ? 'Would update' : 'Updated'} counts={report.updated} />
      <Notes title={report.dry_run ? 'Cannot be mapped' : 'Skipped'} notes={report.skipped} />
      <Notes title="Imported with changes" notes={report.approximations} />
      {report.integration_keys.length > 0 && (
        <section aria-label="New alert intake keys">
          <h3>New alert intake keys (shown once)</h3>
          <ul>
            {report.integration_keys.map((k) => (
              <li key={k.key}>
                {k.name} ({k.kind}): <code>{k.key}</code> {k.url && <code>{k.url}</code>} {k.email}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  )
}

/** Moving in: upload another tool's export or database; a dry run first shows what would happen. */
export function ImportScreen() {
  const [source, setSource] = useState(sources[0]!.value)
  const [isDryRun, setDryRun] = useState(true)
  const [report, setReport] = useState<ImportReport | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const { submit, problem, isBusy } = useSubmit(async () => {
    const file = fileInput.current?.files?.[0]
    const body = file ? await bodyOf(file, isDryRun) : { dry_run: isDryRun }
    setReport(await api.post<ImportReport>(`/api/imports/${source}`, body))
  })
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    setReport(null)
    void submit()
  }
  return (
    <section aria-labelledby="import-title" className="narrow">
      <h1 id="import-title" tabIndex={-1}>
        Moving in
      </h1>
      <p className="muted">
        Bring pages, incidents, subscribers, schedules and escalation policies from the tool you are leaving. Running it
        again updates what it brought; nobody is emailed. Reading from a tool's API is in `candor import`.
      </p>
      <form className="card" onSubmit={onSubmit} aria-label="Import">
        <div className="field">
          <label htmlFor="import-source">From</label>
          <select id="import-source" value={source} onChange={(e) => setSource(e.target.value)}>
            {sources.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="import-file">Export or database file</label>
          <input
            id="import-file"
            ref={fileInput}
            type="file"
            required
            accept=".json,.db,.sqlite,application/json"
            aria-describedby="import-file-hint"
          />
          <p className="hint" id="import-file-hint">
            The JSON that `candor import … --save` writes, or a kuma.db / Cachet SQLite database.
          </p>
        </div>
        <label className="task">
          <input type="checkbox" checked={isDryRun} onChange={(e) => setDryRun(e.target.checked)} />
          Dry run: show what would be imported, write nothing
        </label>
        <button type="submit" className="button" disabled={isBusy}>
          {isBusy ? 'Reading…' : isDryRun ? 'Check the import' : 'Import'}
        </button>
        <ProblemMessage problem={problem} fields={{ file: 'Export or database file', source: 'From' }} />
      </form>
      {report && <Report report={report} />}
    </section>
  )
}

import { useRef, useState, type FormEvent } from 'react'
import { api } from '../../api/client'
import { ProblemMessage } from '../../ui/problem-message'
import { useSubmit } from '../../ui/use-api'

/** A CSV file from the CRM, imported whole or not at all; a refusal lists each line's problem. */
export function KeyCustomersImport({ onImported }: { onImported(): void }) {
  const file = useRef<HTMLInputElement>(null)
  const [report, setReport] = useState<string | null>(null)
  const importing = useSubmit(async () => {
    const chosen = file.current?.files?.[0]
    const made = await api.postCsv<{ created: number }>('/api/key-customers/import', chosen ? await chosen.text() : '')
    setReport(`${made.created} key customer(s) imported.`)
  })
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setReport(null)
    if (await importing.submit()) onImported()
  }
  return (
    <form className="card" aria-label="Import key customers" onSubmit={(e) => void submit(e)}>
      <h2>Import from CSV</h2>
      <p className="hint">
        Columns: name, notify_within_minutes, channel, contact_name, contact_email, contact_phone, mrr, components
        (names, separated by ;), every_incident (yes/no), notes. One bad row and nothing is imported.
      </p>
      <div className="field">
        <label htmlFor="key-customers-csv">CSV file</label>
        <input id="key-customers-csv" ref={file} type="file" accept=".csv,text/csv" required />
      </div>
      <button type="submit" disabled={importing.isBusy}>
        Import
      </button>
      {report && (
        <p className="success" role="status">
          {report}
        </p>
      )}
      <ProblemMessage problem={importing.problem} />
    </form>
  )
}

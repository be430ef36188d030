import { channels, type LintFinding, labelOf, type Preview } from './template-types'

const kindLabels: Record<LintFinding['kind'], string> = {
  blame: 'Blame',
  speculation: 'Speculation',
  avoid: 'Word to avoid',
}

export function Findings({ findings }: { findings: LintFinding[] }) {
  if (findings.length === 0) return null
  return (
    <ul className="lint-findings" aria-label="Words to reconsider">
      {findings.map((f) => (
        <li key={`${f.start}-${f.phrase}`}>
          <span className="tag">{kindLabels[f.kind]}</span> “{f.text}” (line {f.line}, column {f.column}): {f.reason}
        </li>
      ))}
    </ul>
  )
}

/** Every selected channel side by side, as it would go out with these facts. */
export function TemplatePreview({ preview }: { preview: Preview }) {
  return (
    <section aria-label="Preview" className="template-preview">
      <p className="muted">
        {preview.facts === 'incident' ? "With the incident's real facts" : 'With sample facts'}, in {preview.locale}.
      </p>
      <div className="preview-grid">
        {preview.messages.map((m) => (
          <article key={m.channel} className="card preview-card" aria-label={`${labelOf(channels, m.channel)} preview`}>
            <h3>
              {labelOf(channels, m.channel)} {m.overridden && <span className="badge tone-info">Own</span>}
            </h3>
            <p className="preview-subject">{m.subject}</p>
            <pre className="preview-text">{m.text}</pre>
            <p className="muted preview-short">{m.short}</p>
            <Findings findings={m.findings} />
          </article>
        ))}
      </div>
    </section>
  )
}

import { LintFindings } from '../../ui/lint-findings'
import { channels, labelOf, type Preview } from './template-types'

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
            <LintFindings findings={m.findings} />
          </article>
        ))}
      </div>
    </section>
  )
}

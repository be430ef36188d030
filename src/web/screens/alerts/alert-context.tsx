import type { AlertDetail } from '../../api/types'

function Pairs({ title, id, pairs }: { title: string; id: string; pairs: Record<string, string> }) {
  const entries = Object.entries(pairs)
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {entries.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <dl className="pairs">
          {entries.map(([key, value]) => (
            <div key={key}>
              <dt>{key}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  )
}

const isWebLink = (href: string) => /^https?:\/\//i.test(href)

/** Labels, annotations and where to look next (runbook first: it says what to do). */
export function AlertContext({ alert }: { alert: AlertDetail }) {
  const links = [
    ...(alert.runbook_url ? [{ href: alert.runbook_url, text: 'Runbook' }] : []),
    ...(alert.links ?? []),
  ].filter((l) => isWebLink(l.href))
  return (
    <div className="card">
      {links.length > 0 && (
        <ul className="inline-list alert-links">
          {links.map((l) => (
            <li key={l.href}>
              <a href={l.href} target="_blank" rel="noreferrer noopener">
                {l.text} <span className="visually-hidden">(opens in a new tab)</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <Pairs title="Labels" id="labels-title" pairs={alert.labels ?? {}} />
      <Pairs title="Annotations" id="annotations-title" pairs={alert.annotations ?? {}} />
    </div>
  )
}

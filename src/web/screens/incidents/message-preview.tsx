import type { IncidentStatus } from '../../api/types'
import { incidentStatusLooks } from '../../ui/labels'
import { StatusBadge } from '../../ui/status-badge'
import { channelLabel } from './message-channels'

/** What customers will read, as the status page shows it, and everywhere it goes: checked before publishing. */
export function MessagePreview({
  status,
  text,
  channels,
}: {
  status: IncidentStatus
  text: string
  channels: string[]
}) {
  return (
    <section className="preview" aria-labelledby="preview-title">
      <h3 id="preview-title">Preview</h3>
      <div className="preview-body">
        <StatusBadge look={incidentStatusLooks[status]} />
        {text
          .split(/\n{2,}/)
          .filter((p) => p.trim())
          .map((p, i) => (
            // Paragraph order is the identity here; the text has no ids.
            // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs are only ever re-rendered whole
            <p key={i}>{p}</p>
          ))}
      </div>
      <p className="muted">
        Goes to: {channels.length > 0 ? channels.map(channelLabel).join(', ') : 'no channel chosen'}
      </p>
    </section>
  )
}

import { channelLabel, publicChannels } from './message-channels'

/** Checkboxes per channel; those an earlier message used stay on, since updates must reach them too. */
export function ChannelChoices({
  chosen,
  locked,
  error,
  onChange,
}: {
  chosen: string[]
  locked: string[]
  error: string | undefined
  onChange(next: string[]): void
}) {
  const options = [
    ...publicChannels.map((c) => c.value),
    ...locked.filter((l) => !publicChannels.some((c) => c.value === l)),
  ]
  return (
    <fieldset className={error ? 'channels field-invalid' : 'channels'}>
      <legend>Channels</legend>
      {options.map((value) => {
        const isLocked = locked.includes(value)
        return (
          <label key={value} className="channel">
            <input
              type="checkbox"
              name="channels"
              value={value}
              checked={isLocked || chosen.includes(value)}
              disabled={isLocked}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'channels-error' : undefined}
              onChange={(e) => onChange(e.target.checked ? [...chosen, value] : chosen.filter((c) => c !== value))}
            />
            {channelLabel(value)}
            {isLocked && <span className="muted"> (the acknowledgement went here)</span>}
          </label>
        )
      })}
      {error && (
        <p className="field-error" id="channels-error">
          <span aria-hidden="true">⚠ </span>Channels: {error}
        </p>
      )}
    </fieldset>
  )
}

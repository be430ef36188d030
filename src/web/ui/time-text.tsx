const format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** A time in the reader's own zone and locale; the machine-readable instant stays in the markup. */
export function TimeText({ at }: { at: string | null | undefined }) {
  if (!at) return <span>—</span>
  const date = new Date(at)
  return (
    <time dateTime={date.toISOString()} title={date.toUTCString()}>
      {format.format(date)}
    </time>
  )
}

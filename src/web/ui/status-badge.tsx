import type { StatusLook } from './labels'

/** The icon is decoration (aria-hidden); the word carries the meaning for screen readers and in greyscale. */
export function StatusBadge({ look }: { look: StatusLook }) {
  return (
    <span className={`badge tone-${look.tone}`}>
      <span className="badge-icon" aria-hidden="true">
        {look.icon}
      </span>
      {look.label}
    </span>
  )
}

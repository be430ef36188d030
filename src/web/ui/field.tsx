import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react'

/** A visible label tied to its control, with an optional hint read out with it. */
function Labelled({
  label,
  hint,
  children,
}: {
  label: string
  hint?: string | undefined
  children: (id: string, hintId: string | undefined) => ReactNode
}) {
  const id = useId()
  const hintId = hint ? `${id}-hint` : undefined
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id, hintId)}
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  )
}

export function TextField({
  label,
  hint,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string }) {
  return (
    <Labelled label={label} hint={hint}>
      {(id, hintId) => <input id={id} aria-describedby={hintId} {...input} />}
    </Labelled>
  )
}

export function TextArea({
  label,
  hint,
  ...input
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; hint?: string }) {
  return (
    <Labelled label={label} hint={hint}>
      {(id, hintId) => <textarea id={id} aria-describedby={hintId} rows={4} {...input} />}
    </Labelled>
  )
}

export function SelectField({
  label,
  hint,
  children,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & { label: string; hint?: string }) {
  return (
    <Labelled label={label} hint={hint}>
      {(id, hintId) => (
        <select id={id} aria-describedby={hintId} {...select}>
          {children}
        </select>
      )}
    </Labelled>
  )
}

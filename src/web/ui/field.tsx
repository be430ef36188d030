import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react'

interface Described {
  label: string
  hint?: string | undefined
  /** Why the server refused this field, shown beside it in the person's words. */
  error?: string | undefined
}

interface ControlProps {
  id: string
  'aria-describedby': string | undefined
  'aria-invalid': true | undefined
}

/** A visible label tied to its control, with an optional hint and refusal read out with it. */
function Labelled({ label, hint, error, children }: Described & { children: (props: ControlProps) => ReactNode }) {
  const id = useId()
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {error && (
        <p className="field-error" id={errorId}>
          <span aria-hidden="true">⚠ </span>
          {label}: {error}
        </p>
      )}
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  )
}

export function TextField({ label, hint, error, ...input }: InputHTMLAttributes<HTMLInputElement> & Described) {
  return (
    <Labelled label={label} hint={hint} error={error}>
      {(props) => <input {...props} {...input} />}
    </Labelled>
  )
}

export function TextArea({ label, hint, error, ...input }: TextareaHTMLAttributes<HTMLTextAreaElement> & Described) {
  return (
    <Labelled label={label} hint={hint} error={error}>
      {(props) => <textarea rows={4} {...props} {...input} />}
    </Labelled>
  )
}

export function SelectField({
  label,
  hint,
  error,
  children,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & Described) {
  return (
    <Labelled label={label} hint={hint} error={error}>
      {(props) => (
        <select {...props} {...select}>
          {children}
        </select>
      )}
    </Labelled>
  )
}

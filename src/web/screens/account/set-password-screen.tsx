import { useRef, useState, type FormEvent } from 'react'
import { api } from '../../api/client'
import { errorFor, useFocusFirstInvalid } from '../../ui/field-problems'
import { TextField } from '../../ui/field'
import { ProblemMessage } from '../../ui/problem-message'
import { useSubmit } from '../../ui/use-api'

/** PUT /api/me/password: someone who signed in with a link has no password yet, so the current one may stay empty. */
export function SetPasswordScreen() {
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [isSaved, setSaved] = useState(false)
  const { submit, problem, isBusy } = useSubmit((body: { current_password?: string; new_password: string }) =>
    api.put('/api/me/password', body),
  )
  const form = useRef<HTMLFormElement>(null)
  useFocusFirstInvalid(form, problem)

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setSaved(false)
    const ok = await submit({ ...(current ? { current_password: current } : {}), new_password: next })
    if (ok) {
      setSaved(true)
      setCurrent('')
      setNext('')
    }
  }

  return (
    <section aria-labelledby="password-title" className="narrow">
      <h1 id="password-title" tabIndex={-1}>
        Set your password
      </h1>
      <form ref={form} onSubmit={(e) => void onSubmit(e)} className="card">
        <TextField
          label="Current password"
          hint="Leave empty if you signed in with a one-time link and have no password yet."
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={errorFor(problem, 'current_password')}
        />
        <TextField
          label="New password"
          hint="At least 12 characters; a passphrase of a few words is easiest to remember."
          type="password"
          autoComplete="new-password"
          required
          value={next}
          onChange={(e) => setNext(e.target.value)}
          error={errorFor(problem, 'new_password')}
        />
        <ProblemMessage
          problem={problem}
          fields={{ current_password: 'Current password', new_password: 'New password' }}
        />
        <div role="status">
          {isSaved && <p className="success">Password saved. Your other sessions were signed out.</p>}
        </div>
        <button type="submit" disabled={isBusy}>
          Save password
        </button>
      </form>
    </section>
  )
}

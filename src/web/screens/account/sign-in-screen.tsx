import { useState, type FormEvent } from 'react'
import { useSession } from '../../session/session-context'
import { ProblemMessage } from '../../ui/problem-message'
import { TextField } from '../../ui/field'
import { useSubmit } from '../../ui/use-api'

/**
 * Shown for every console address while nobody is signed in; the address stays, so a reload after
 * sign-in lands there.
 */
export function SignInScreen() {
  const { signIn } = useSession()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const { submit, problem, isBusy } = useSubmit(signIn)

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    void submit(email, password)
  }

  return (
    <main id="main" className="sign-in">
      <div className="card sign-in-card">
        <p className="brand-name">Candor</p>
        <h1>Sign in to the console</h1>
        <form onSubmit={onSubmit} aria-describedby={problem ? 'sign-in-problem' : undefined}>
          <TextField
            label="Email"
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <TextField
            label="Password"
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <div id="sign-in-problem">
            <ProblemMessage problem={problem} />
          </div>
          <button type="submit" disabled={isBusy}>
            {isBusy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <p className="hint">
          First time here? Open the one-time sign-in link Candor printed when it first started, then set a password.
        </p>
      </div>
    </main>
  )
}

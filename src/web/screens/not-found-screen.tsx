import { Link } from '../routing/router'

export function NotFoundScreen() {
  return (
    <section aria-labelledby="not-found-title">
      <h1 id="not-found-title" tabIndex={-1}>
        Nothing here
      </h1>
      <p>
        This console address names no screen. <Link to="/">Back to incidents</Link>
      </p>
    </section>
  )
}

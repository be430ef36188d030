import { useEffect, useRef, type ReactNode } from 'react'
import { Link, usePath } from '../routing/router'
import { useMe, useSession } from '../session/session-context'

const sections = [
  { to: '/', label: 'Incidents', isCurrent: (p: string) => p === '/' || p.startsWith('/incidents') },
  { to: '/components', label: 'Components', isCurrent: (p: string) => p.startsWith('/components') },
  { to: '/on-call', label: 'On-call', isCurrent: (p: string) => p.startsWith('/on-call') },
  { to: '/alerts', label: 'Alerts', isCurrent: (p: string) => p.startsWith('/alerts') },
  { to: '/action-items', label: 'Action items', isCurrent: (p: string) => p.startsWith('/action-items') },
  {
    to: '/key-customers',
    label: 'Key customers',
    isCurrent: (p: string) => p.startsWith('/key-customers'),
    permission: 'customer.read',
  },
]

/** Header, navigation and the main landmark around every signed-in screen. */
export function ConsoleShell({ children }: { children: ReactNode }) {
  const me = useMe()
  const { signOut } = useSession()
  const path = usePath()
  const main = useRef<HTMLElement>(null)
  const isFirstRender = useRef(true)

  // After moving within the app, a screen reader should start at the new screen's heading, as after a page load.
  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false
      return
    }
    const heading = main.current?.querySelector<HTMLElement>('h1') ?? main.current
    heading?.focus()
  }, [])

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">Candor</span>
          {me.organisation && <span className="org-name">{me.organisation.name}</span>}
        </div>
        <nav aria-label="Console">
          <ul className="nav-list">
            {sections
              .filter((s) => !('permission' in s) || me.permissions.includes(s.permission ?? ''))
              .map((s) => (
                <li key={s.to}>
                  <Link to={s.to} aria-current={s.isCurrent(path) ? 'page' : undefined}>
                    {s.label}
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
        <div className="account">
          <span className="who">{me.user?.name ?? me.user?.email ?? 'Signed in'}</span>
          {me.permissions.includes('template.manage') && <Link to="/settings/templates">Templates</Link>}
          {me.permissions.includes('import.run') && <Link to="/settings/import">Moving in</Link>}
          <Link to="/account/password">Password</Link>
          <button type="button" className="button-quiet" onClick={() => void signOut().catch(() => undefined)}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
    </div>
  )
}

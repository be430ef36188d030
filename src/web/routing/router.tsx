import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react'

/** The console lives under /console/; its own paths ('/incidents/…') are relative to this. */
export const basePath = '/console'
const changed = 'console:navigate'

function subscribe(listener: () => void) {
  window.addEventListener('popstate', listener)
  window.addEventListener(changed, listener)
  return () => {
    window.removeEventListener('popstate', listener)
    window.removeEventListener(changed, listener)
  }
}

function currentPath(): string {
  const path = window.location.pathname.startsWith(basePath) ? window.location.pathname.slice(basePath.length) : '/'
  return path === '' ? '/' : path
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath)
}

export function navigate(to: string, options: { replace?: boolean } = {}) {
  const url = `${basePath}${to}`
  if (options.replace) window.history.replaceState(null, '', url)
  else window.history.pushState(null, '', url)
  window.dispatchEvent(new Event(changed))
}

/** `/incidents/:id` against `/incidents/123` gives `{ id: '123' }`; null when it does not fit. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean)
  const have = path.split('/').filter(Boolean)
  if (want.length !== have.length) return null
  const params: Record<string, string> = {}
  for (const [i, part] of want.entries()) {
    const actual = have[i]!
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(actual)
    else if (part !== actual) return null
  }
  return params
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string }

/** A real link (open in a new tab works); a plain click moves within the app without a reload. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event)
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return
    event.preventDefault()
    navigate(to)
  }
  return <a href={`${basePath}${to}`} onClick={follow} {...rest} />
}

import { useEffect, useRef } from 'react'

const pollEveryMs = 5_000

/**
 * Calls `onChange` whenever the server says something changed (server-sent `changed` events on
 * `path`). If the stream cannot be opened (an older server answers 404), it polls instead, so a
 * screen never needs a reload either way.
 */
export function useLiveChanges(path: string, onChange: () => void) {
  const latest = useRef(onChange)
  latest.current = onChange

  useEffect(() => {
    let poll: ReturnType<typeof setInterval> | undefined
    const changed = () => latest.current()
    const fallBack = () => {
      if (poll === undefined) poll = setInterval(changed, pollEveryMs)
    }
    if (typeof EventSource !== 'function') {
      fallBack()
      return () => clearInterval(poll)
    }
    const source = new EventSource(path, { withCredentials: true })
    let wasOpen = false
    source.addEventListener('changed', changed)
    source.addEventListener('open', () => {
      // After a dropped connection changes may have been missed: catch up once.
      if (wasOpen) changed()
      wasOpen = true
      clearInterval(poll)
      poll = undefined
    })
    source.addEventListener('error', () => {
      // CLOSED means the browser gave up (e.g. 404): poll. CONNECTING means it retries by itself.
      if (source.readyState === EventSource.CLOSED) fallBack()
    })
    return () => {
      source.close()
      clearInterval(poll)
    }
  }, [path])
}

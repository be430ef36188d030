import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { api, setCsrfToken, whenSignedOut } from '../api/client'
import { ProblemError } from '../api/problem'
import type { Me } from '../api/types'

type SessionState = { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; me: Me }

interface Session {
  state: SessionState
  signIn(email: string, password: string): Promise<void>
  signOut(): Promise<void>
}

const SessionContext = createContext<Session | null>(null)

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' })

  const signedOut = useCallback(() => {
    setCsrfToken(null)
    setState({ status: 'signed-out' })
  }, [])

  const loadMe = useCallback(async () => {
    try {
      const me = await api.get<Me>('/api/me')
      setCsrfToken(me.csrf_token)
      setState({ status: 'signed-in', me })
    } catch (error) {
      if (error instanceof ProblemError && error.problem.status === 401) signedOut()
      else throw error
    }
  }, [signedOut])

  useEffect(() => {
    whenSignedOut(signedOut)
    loadMe().catch(signedOut)
  }, [loadMe, signedOut])

  const session = useMemo<Session>(
    () => ({
      state,
      async signIn(email, password) {
        await api.post('/api/auth/sign-in', { email, password })
        await loadMe()
      },
      async signOut() {
        // Even if the server cannot be told (offline), this tab shows the sign-in screen as asked;
        // the session expires on its own.
        await api.post('/api/auth/sign-out').finally(signedOut)
      },
    }),
    [state, loadMe, signedOut],
  )
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
}

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession needs a SessionProvider above it')
  return session
}

/** The signed-in person; screens below the sign-in gate may rely on it. */
export function useMe(): Me {
  const { state } = useSession()
  if (state.status !== 'signed-in') throw new Error('useMe is only for screens behind the sign-in gate')
  return state.me
}

/** Whether the signed-in person may do an action here; the console hides what they may not, the API still decides. */
export function useCan(): (action: string) => boolean {
  const me = useMe()
  return (action) => me.permissions.includes(action)
}

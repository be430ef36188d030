import { isProblem, ProblemError } from './problem'

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** Changing requests on a cookie session must carry this (src/http/accounts/csrf-guard.ts); /api/me hands it out. */
let csrfToken: string | null = null
/** Called when the server says the session is gone, so the app can show the sign-in screen. */
let onSignedOut: () => void = () => {}

export function setCsrfToken(token: string | null) {
  csrfToken = token
}

export function whenSignedOut(listener: () => void) {
  onSignedOut = listener
}

export async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (body !== undefined) headers['content-type'] = contentType
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? null : contentType === 'application/json' ? JSON.stringify(body) : String(body),
  })
  if (response.status === 204) return undefined as T
  const payload: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    const problem = isProblem(payload)
      ? payload
      : { status: response.status, code: 'HTTP', title: `${response.status} ${response.statusText}` }
    if (response.status === 401 && !path.startsWith('/api/auth/')) onSignedOut()
    throw new ProblemError(problem)
  }
  return payload as T
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** A file's text as it is (a CSV import), not JSON. */
  postCsv: <T>(path: string, csv: string) => request<T>('POST', path, csv, 'text/csv'),
}

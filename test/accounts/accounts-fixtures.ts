import { randomBytes } from 'node:crypto'
import type { Role } from '../../src/domain/access/roles.js'
import { hashPassword } from '../../src/auth/password.js'
import type { TestApp } from '../support/test-app.js'

export const defaultPassword = 'correct horse battery staple'

/** A person with a password and a membership; hashed cheaply so tests stay fast (sign-in upgrades it). */
export async function addPerson(
  t: TestApp,
  orgId: string,
  role: Role,
  options: { email?: string; password?: string } = {},
) {
  const email = options.email ?? `${role}-${randomBytes(4).toString('hex')}@example.com`
  const password = options.password ?? defaultPassword
  const accounts = t.deps.store.accounts
  const user =
    (await accounts.users.findByEmail(email)) ?? (await accounts.users.create({ email, name: `${role} person` }))
  await accounts.users.setPasswordHash(user.id, await hashPassword(password, { logN: 10, r: 8, p: 1 }), t.clock.now)
  await accounts.users.addMembership({ userId: user.id, orgId, role })
  return { id: user.id, email, password }
}

export interface SignedIn {
  cookie: string
  csrf: string
  /** For reads. */
  headers: { cookie: string }
  /** For changes: the cookie plus the CSRF token. */
  unsafe: { cookie: string; 'x-csrf-token': string }
  body: Record<string, unknown>
}

export async function signIn(
  t: TestApp,
  email: string,
  password = defaultPassword,
  extra: Record<string, unknown> = {},
): Promise<SignedIn> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password, ...extra },
  })
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.payload}`)
  const cookie = response.cookies.find((c) => c.name.endsWith('candor_session'))
  if (!cookie) throw new Error('no session cookie')
  const header = `${cookie.name}=${cookie.value}`
  const body = response.json()
  return {
    cookie: header,
    csrf: body.csrf_token,
    headers: { cookie: header },
    unsafe: { cookie: header, 'x-csrf-token': body.csrf_token },
    body,
  }
}

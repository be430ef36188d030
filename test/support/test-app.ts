import { createOrganisation, instanceContext } from '../../src/app/instance/manage-organisations.js'
import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { afterEach } from 'vitest'
import type { Role } from '../../src/app/context.js'
import { loadConfig } from '../../src/config.js'
import { hashToken } from '../../src/http/authenticate.js'
import { createHttpApp } from '../../src/http/create-http-app.js'
import { createLogger } from '../../src/logger.js'
import { buildDeps } from '../../src/wiring/build-deps.js'
import type { RuntimeDeps } from '../../src/wiring/services.js'
import type { DatabaseHandle } from '../../src/store/database.js'
import { openTestDatabase, type Engine } from './databases.js'

export interface TestApp {
  app: FastifyInstance
  deps: RuntimeDeps
  database: DatabaseHandle
  /** A tenant of this test's own, with an owner token. */
  org: TestOrg
  /** Another tenant (for isolation tests) with a token of the given role. */
  createOrg(role?: Role): Promise<TestOrg>
  clock: { now: Date; advance(ms: number): void }
}

export interface TestOrg {
  id: string
  token: string
  auth: { authorization: string }
  tokenFor(role: Role): Promise<{ authorization: string }>
}

const apps: FastifyInstance[] = []
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close().catch(() => undefined)
})

/** The real app over a fresh database, driven in memory with `app.inject()`; the clock is the test's. */
export async function createTestApp(
  engine: Engine,
  options: { now?: Date; env?: NodeJS.ProcessEnv } = {},
): Promise<TestApp> {
  const database = await openTestDatabase(engine)
  const clock = {
    now: options.now ?? new Date('2026-11-20T09:00:00Z'),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms)
    },
  }
  const config = loadConfig({ BASE_URL: 'http://status.test', LOG_LEVEL: 'silent', ...options.env }, '/nonexistent')
  const deps = await buildDeps(database, config, createLogger('silent'), () => clock.now)
  const app = await createHttpApp(deps)
  apps.push(app)
  const createOrg = async (role: Role = 'owner'): Promise<TestOrg> => {
    const slug = `org-${randomBytes(4).toString('hex')}`
    // Made as an instance admin makes one (API and CLI share the use case), owner invitation included.
    const org = await createOrganisation(deps, instanceContext(clock.now), {
      slug,
      name: `Test ${slug}`,
      owner_email: `owner@${slug}.example`,
    })
    const tokenFor = async (r: Role) => {
      const token = `test_${randomBytes(16).toString('hex')}`
      await deps.store.tokens.create({ orgId: org.id, name: `${r} token`, tokenHash: hashToken(token), role: r })
      return { authorization: `Bearer ${token}` }
    }
    const auth = await tokenFor(role)
    return { id: org.id, token: auth.authorization.slice(7), auth, tokenFor }
  }
  const org = await createOrg()
  return { app, deps, database, org, createOrg, clock }
}

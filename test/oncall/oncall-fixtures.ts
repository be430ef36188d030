import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { expect } from 'vitest'
import type { Db } from '../../src/store/schema/index.js'

export interface Member {
  id: string
  email: string
  name: string
}

/** People are made by the accounts module; on-call only needs a user row and a membership. */
export async function addMembers(
  db: Db,
  orgId: string,
  names: readonly string[],
  role = 'responder',
): Promise<Member[]> {
  const members: Member[] = []
  for (const name of names) {
    const email = `${name.toLowerCase()}-${randomBytes(4).toString('hex')}@example.test`
    const user = await db
      .insertInto('users')
      .values({ email, name })
      .returning(['id', 'email', 'name'])
      .executeTakeFirstOrThrow()
    await db.insertInto('memberships').values({ org_id: orgId, user_id: user.id, role }).execute()
    members.push(user)
  }
  return members
}

export async function postJson(
  app: FastifyInstance,
  url: string,
  headers: Record<string, string>,
  payload: unknown,
  expected = 201,
) {
  const res = await app.inject({ method: 'POST', url, headers, payload: payload as object })
  if (res.statusCode !== expected) expect.fail(`${url} answered ${res.statusCode}: ${res.body}`)
  return res.json()
}

export async function getJson(app: FastifyInstance, url: string, headers: Record<string, string>, expected = 200) {
  const res = await app.inject({ url, headers })
  if (res.statusCode !== expected) expect.fail(`${url} answered ${res.statusCode}: ${res.body}`)
  return res.json()
}

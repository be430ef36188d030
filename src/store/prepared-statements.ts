import { createHash } from 'node:crypto'
import type { PostgresPool, PostgresPoolClient } from 'kysely'
import type pg from 'pg'

/**
 * Statements that start with this comment are prepared once per PostgreSQL connection and
 * then only bound and executed. For the intake's batch statements (big CTEs over
 * jsonb_to_recordset) parsing and planning cost about a fifth of PostgreSQL's CPU per alert
 * (bench: intake). PGlite reads the comment as a comment.
 */
export const preparedMarker = '/* prepared */'

const patched = new WeakSet<object>()
const names = new Map<string, string>()

/** pg keeps a connection's prepared statements by name; the name is a digest of the text, so equal text shares one. */
function statementName(text: string): string {
  let name = names.get(text)
  if (!name) {
    name = `candor_${createHash('sha256').update(text).digest('base64url').slice(0, 22)}`
    // The texts come from code (sizes are literals up to the batch limit), so the map stays small.
    names.set(text, name)
  }
  return name
}

function preparing(client: pg.PoolClient): pg.PoolClient {
  if (patched.has(client)) return client
  patched.add(client)
  const query = client.query.bind(client) as (...args: unknown[]) => unknown
  Object.assign(client, {
    query: (...args: unknown[]) => {
      const [text, values] = args
      if (typeof text === 'string' && text.startsWith(preparedMarker))
        return query({ name: statementName(text), text, values })
      return query(...args)
    },
  })
  return client
}

/** The pool Kysely is given: the same connections, with marked statements prepared. */
export function preparingPool(pool: pg.Pool): PostgresPool {
  return {
    connect: async () => preparing(await pool.connect()) as unknown as PostgresPoolClient,
    end: () => pool.end(),
  }
}

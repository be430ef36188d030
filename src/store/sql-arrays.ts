import { sql } from 'kysely'

/**
 * Array parameters: a list travels as one array literal, so a statement over thousands of rows
 * stays one statement with three parameters, not thousands.
 */
export const uuidArray = (ids: readonly string[]) => sql<string[]>`${`{${ids.join(',')}}`}::uuid[]`

export function bigintArray(ids: readonly string[]) {
  return sql<string[]>`${`{${ids.map((id) => String(BigInt(id))).join(',')}}`}::bigint[]`
}

/** Values quoted and escaped inside the literal. */
export function textArray(values: readonly string[]) {
  const items = values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)
  return sql<string[]>`${`{${items.join(',')}}`}::text[]`
}

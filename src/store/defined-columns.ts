type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}`
  : S

export type DefinedColumns<T> = { [K in keyof T & string as SnakeCase<K>]?: Exclude<T[K], undefined> }

/**
 * A partial write as columns: each named field that is given, under its snake_case column.
 * `undefined` means "leave the column as it is" (null is a value). The keys are named, not
 * taken from the object, because inputs often carry more than the table has.
 */
export function definedColumns<T extends object, K extends keyof T & string>(
  input: T,
  keys: readonly K[],
): DefinedColumns<Pick<T, K>> {
  const columns: Record<string, unknown> = {}
  for (const key of keys) {
    const value = input[key]
    if (value !== undefined) columns[key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = value
  }
  return columns as DefinedColumns<Pick<T, K>>
}

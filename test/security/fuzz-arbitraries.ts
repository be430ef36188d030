import fc from 'fast-check'
import type { ApiRoute } from './api-routes.js'

type Schema = {
  type?: string | string[]
  enum?: unknown[]
  format?: string
  properties?: Record<string, Schema>
  required?: string[]
  items?: Schema
  anyOf?: Schema[]
  oneOf?: Schema[]
  maxLength?: number
}

const nasty = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '../../../etc/passwd',
  '%00',
  '%2e%2e%2f',
  '{{7*7}}',
  "' OR 1=1 --",
  '"; DROP TABLE incidents; --',
  '\uFFFF\uD800',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '9'.repeat(40),
  'x'.repeat(5_000),
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
)

/** Values shaped like the schema (so requests get past validation into the use cases), with a share of wrong ones. */
export function fromSchema(schema: Schema | undefined, ids: string[], depth = 0): fc.Arbitrary<unknown> {
  const any = fc.oneof(fc.jsonValue({ maxDepth: 2 }), nasty)
  if (!schema || depth > 4) return any
  const variants: fc.Arbitrary<unknown>[] = []
  if (schema.enum) variants.push(fc.constantFrom(...schema.enum))
  if (schema.anyOf || schema.oneOf)
    variants.push(...(schema.anyOf ?? schema.oneOf ?? []).map((s) => fromSchema(s, ids, depth + 1)))
  for (const type of Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []) {
    if (type === 'string') {
      if (schema.format === 'uuid') variants.push(fc.oneof(fc.constantFrom(...ids), fc.uuid()))
      else if (schema.format === 'date-time')
        variants.push(
          fc
            .date({ min: new Date('1900-01-01'), max: new Date('2300-01-01'), noInvalidDate: true })
            .map((d) => d.toISOString()),
        )
      else if (schema.format === 'email') variants.push(fc.emailAddress())
      else variants.push(fc.string({ maxLength: Math.min(schema.maxLength ?? 60, 300) }), nasty)
    } else if (type === 'integer') variants.push(fc.oneof(fc.integer({ min: -5, max: 100 }), fc.integer()))
    else if (type === 'number') variants.push(fc.oneof(fc.double(), fc.integer({ min: 0, max: 100 })))
    else if (type === 'boolean') variants.push(fc.boolean())
    else if (type === 'null') variants.push(fc.constant(null))
    else if (type === 'array') variants.push(fc.array(fromSchema(schema.items, ids, depth + 1), { maxLength: 4 }))
    else if (type === 'object') {
      const props = Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([k, s]) => [k, fromSchema(s, ids, depth + 1)]),
      )
      variants.push(fc.record(props, { requiredKeys: (schema.required ?? []).filter((k) => k in props) }))
    }
  }
  if (variants.length === 0) return any
  return fc.oneof({ arbitrary: fc.oneof(...variants), weight: 8 }, { arbitrary: any, weight: 1 })
}

export interface FuzzRequest {
  method: string
  url: string
  headers: Record<string, string>
  payload?: string
  remoteAddress: string
}

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const
const headerValue = fc.string({ maxLength: 80 }).map((s) => s.replace(/[^\x20-\x7e]/g, ''))
const contentTypes = [
  'application/json',
  'application/json; charset=utf-8',
  'application/x-www-form-urlencoded',
  'text/plain',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=latin1',
  '*/*',
]

/**
 * A request to a route of the API (or somewhere near it), as one of several callers, with a body shaped by the route's
 * schema.
 */
export function requestArbitrary(input: {
  routes: ApiRoute[]
  bodySchemas: Map<string, Schema>
  ids: string[]
  callers: Record<string, string>[]
}): fc.Arbitrary<FuzzRequest> {
  const segment = fc.oneof(
    { arbitrary: fc.constantFrom(...input.ids), weight: 4 },
    fc.uuid(),
    fc.string({ maxLength: 30 }),
    nasty,
  )
  const routed = fc.constantFrom(...input.routes).chain((route) =>
    fc.record({
      method: fc.oneof({ arbitrary: fc.constant(route.method), weight: 9 }, fc.constantFrom(...methods)),
      path: fc
        .tuple(...route.params.map((p) => (p.values ? fc.oneof(fc.constantFrom(...p.values), segment) : segment)))
        .map((values) =>
          route.template.replace(/\{([^}]+)\}/g, () =>
            encodeURIComponent(String(values.shift() ?? 'x').replace(/[\uD800-\uDFFF]/g, '\uFFFD')),
          ),
        ),
      query: fc.dictionary(
        fc.oneof(fc.constantFrom(...route.query, 'limit', 'page_id', 'before', 'format'), fc.string({ maxLength: 10 })),
        fc.oneof(fc.constantFrom(...input.ids), fc.string({ maxLength: 20 }), fc.integer().map(String)),
        { maxKeys: 3 },
      ),
      body: fromSchema(input.bodySchemas.get(`${route.method} ${route.template}`), input.ids),
    }),
  )
  const stray = fc.record({
    method: fc.constantFrom(...methods),
    path: fc.oneof(
      fc.webPath(),
      fc.constantFrom('/api', '/api/', '/api/..%2f..%2fetc', '/api/%ff', '/p//', '/api/incidents/%00', '//api//pages'),
    ),
    query: fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 }), { maxKeys: 2 }),
    body: fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.string({ maxLength: 200 })),
  })
  return fc
    .record({
      target: fc.oneof({ arbitrary: routed, weight: 9 }, { arbitrary: stray, weight: 1 }),
      caller: fc.constantFrom(...input.callers),
      contentType: fc.oneof(
        { arbitrary: fc.constant('application/json'), weight: 6 },
        fc.constantFrom(...contentTypes),
      ),
      rawBody: fc.oneof(
        { arbitrary: fc.constant(null), weight: 8 },
        fc.string({ maxLength: 300 }),
        fc.constant('{"a":'.repeat(200)),
        fc.constant('['.repeat(5_000)),
      ),
      extra: fc.dictionary(
        fc.constantFrom(
          'accept',
          'accept-encoding',
          'if-none-match',
          'x-forwarded-for',
          'origin',
          'host',
          'range',
          'x-csrf-token',
          'cookie',
        ),
        headerValue,
        { maxKeys: 2 },
      ),
      ip: fc.constantFrom('127.0.0.1', '10.0.0.1', '10.0.0.2', '192.0.2.10', '2001:db8::1'),
    })
    .map(({ target, caller, contentType, rawBody, extra, ip }) => {
      const query = new URLSearchParams(
        Object.fromEntries(Object.entries(target.query).map(([k, v]) => [k, String(v)])),
      ).toString()
      const hasBody = !['GET', 'HEAD', 'OPTIONS'].includes(target.method)
      const payload = !hasBody
        ? undefined
        : (rawBody ??
          (contentType.startsWith('application/x-www-form')
            ? new URLSearchParams({ data: JSON.stringify(target.body) }).toString()
            : (JSON.stringify(target.body) ?? '')))
      const headers: Record<string, string> = {
        ...extra,
        ...caller,
        ...(hasBody ? { 'content-type': contentType } : {}),
      }
      const path = target.path.startsWith('/') ? target.path : `/${target.path}`
      return { method: target.method, url: `${path}${query ? `?${query}` : ''}`, headers, payload, remoteAddress: ip }
    })
}

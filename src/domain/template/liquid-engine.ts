import { Liquid, type Template } from 'liquidjs'

/**
 * Templates are user-editable, so Liquid runs with no file system (an empty in-memory
 * `templates` map), own properties only, strict filters and hard limits on size, time
 * and memory. The HTML engine escapes every output unless a layout says `| raw`.
 */
const limits = { parseLimit: 50_000, renderLimit: 500, memoryLimit: 10_000_000 }
// jsTruthy: an empty variable counts as false, so `{% if contact %}` means what an author expects.
const shared = { templates: {}, ownPropertyOnly: true, strictFilters: true, jsTruthy: true, greedy: false, ...limits }

const engines = {
  text: new Liquid(shared),
  html: new Liquid({ ...shared, outputEscape: 'escape' }),
}
export type EngineKind = keyof typeof engines

const parsed = new Map<string, Template[]>()
const maxCached = 2_000

function parse(kind: EngineKind, source: string): Template[] {
  const key = `${kind}\u0000${source}`
  let templates = parsed.get(key)
  if (!templates) {
    templates = engines[kind].parse(source)
    if (parsed.size >= maxCached) parsed.clear()
    parsed.set(key, templates)
  }
  return templates
}

export function renderLiquid(kind: EngineKind, source: string, context: Record<string, unknown>): string {
  return engines[kind].renderSync(parse(kind, source), context) as string
}

/** Where and why a template failed: 1-based line and column of the offending tag or output. */
export interface TemplateFault {
  line: number
  column: number
  reason: string
}

function faultOf(error: unknown): TemplateFault {
  const err = error as Error & { token?: { getPosition?: () => number[] }; originalError?: Error }
  const [line = 1, column = 1] = err.token?.getPosition?.() ?? []
  // liquidjs appends ", line:N, col:M" and a source excerpt to its messages: the position is said apart.
  const reason = (err.originalError?.message ?? err.message).replace(/, line:\d+, col:\d+[\s\S]*$/, '')
  return { line, column, reason }
}

/**
 * Checks a communicator's template before it is saved: it must parse, and it may use only
 * the known variables (a typo would otherwise render as nothing in a customer's inbox).
 */
export function findTemplateFault(source: string, knownVariables: readonly string[]): TemplateFault | null {
  let templates: Template[]
  try {
    templates = engines.text.parse(source)
  } catch (error) {
    return faultOf(error)
  }
  const sample = Object.fromEntries(knownVariables.map((name) => [name, 'x']))
  try {
    engines.text.renderSync(templates, sample, { strictVariables: true })
    return null
  } catch (error) {
    return faultOf(error)
  }
}

export function checkTemplate(source: string, knownVariables: readonly string[]): string[] {
  const fault = findTemplateFault(source, knownVariables)
  return fault ? [fault.reason] : []
}

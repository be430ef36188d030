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

/**
 * Checks a communicator's template before it is saved: it must parse, and it may use only
 * the known variables (a typo would otherwise render as nothing in a customer's inbox).
 */
export function checkTemplate(source: string, knownVariables: readonly string[]): string[] {
  let templates: Template[]
  try {
    templates = engines.text.parse(source)
  } catch (error) {
    return [(error as Error).message]
  }
  const sample = Object.fromEntries(knownVariables.map((name) => [name, 'x']))
  try {
    engines.text.renderSync(templates, sample, { strictVariables: true })
    return []
  } catch (error) {
    return [(error as Error).message.replace(/, line:\d+, col:\d+[\s\S]*$/, '')]
  }
}

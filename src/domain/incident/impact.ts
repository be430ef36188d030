/** Statuspage's incident impact scale; maintenances carry `maintenance`. */
export const impacts = ['none', 'minor', 'major', 'critical'] as const
export type Impact = (typeof impacts)[number]

const impactRank: Record<Impact, number> = { none: 0, minor: 1, major: 2, critical: 3 }

export function compareImpact(a: Impact, b: Impact): number {
  return impactRank[a] - impactRank[b]
}

export function worstImpact(values: Iterable<Impact>): Impact {
  let worst: Impact = 'none'
  for (const v of values) if (impactRank[v] > impactRank[worst]) worst = v
  return worst
}

// Shared helpers for benchmarks: machine line, medians, RSS sampling of a child process.
import { readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'

export function machine() {
  const cpu = os.cpus()[0]?.model ?? 'unknown cpu'
  const memory = `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`
  return `${cpu}, ${os.cpus().length} cores, ${memory}, Node ${process.version}, ${os.platform()} ${os.release()}`
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** Resident set size of a process in MB, read from /proc (works for children too). */
export function rssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
    return kb / 1024
  } catch {
    return NaN
  }
}

/** CPU time (user + system) a process has used so far, in ms, from /proc; NaN where /proc is missing. */
export function cpuMs(pid) {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks
  } catch {
    return NaN
  }
}

/** CPU time of every process whose command name is `name` (e.g. all PostgreSQL backends), in ms. */
export function cpuMsOfAll(name) {
  let total = 0
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) total += cpuMs(entry) || 0
    } catch {
      // the process ended while we looked
    }
  }
  return total
}

const clockTicks = 100

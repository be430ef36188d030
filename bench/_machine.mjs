// Shared helpers for benchmarks: machine line, medians, RSS and CPU of a child process and its own children.
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

/** A process and all its descendants (`candor serve` is a launcher with the server as its child). */
export function processTree(pid) {
  const all = [Number(pid)]
  for (let i = 0; i < all.length; i++) {
    try {
      for (const tid of readdirSync(`/proc/${all[i]}/task`)) {
        const children = readFileSync(`/proc/${all[i]}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean)
        all.push(...children.map(Number))
      }
    } catch {
      // the process ended while we looked
    }
  }
  return all
}

/** Resident set size of a process and its descendants in MB, read from /proc; NaN when the process is gone. */
export function rssMb(pid) {
  let kb = NaN
  for (const member of processTree(pid)) {
    try {
      const status = readFileSync(`/proc/${member}/status`, 'utf8')
      kb = (Number.isNaN(kb) ? 0 : kb) + Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
    } catch {
      // gone
    }
  }
  return kb / 1024
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

/** CPU time of a process and its live descendants (the server under `candor serve`'s launcher), in ms. */
export function cpuMsOfTree(pid) {
  return processTree(pid).reduce((sum, member) => sum + (cpuMs(member) || 0), 0)
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

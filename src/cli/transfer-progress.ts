import type { TransferProgress } from '../store/transfer/index.js'

const n = (value: number) => value.toLocaleString('en')

const phases: Record<TransferProgress['phase'], string> = {
  preparing: 'preparing',
  rows: 'copying rows',
  verifying: "checking every table's row count",
  migrating: "migrating to this version's schema",
  done: 'done',
}

/**
 * One progress line for a backup, restore or copy: rewritten in place on a terminal; in a log
 * (no TTY), a line every few seconds and one at each change of phase.
 */
export function transferProgress(label: string, options: { stream?: NodeJS.WriteStream; everyMs?: number } = {}) {
  const stream = options.stream ?? process.stderr
  const live = stream.isTTY === true
  const everyMs = options.everyMs ?? 5_000
  const startedAt = Date.now()
  let lastPrinted = 0
  let lastPhase: TransferProgress['phase'] | undefined
  let shown = false
  const text = (p: TransferProgress) => {
    if (p.phase !== 'rows') return `${label}: ${phases[p.phase]} (${n(p.done)} of ${n(p.total)} rows)`
    const percent = p.total === 0 ? 100 : Math.floor((p.done / p.total) * 100)
    const seconds = (Date.now() - startedAt) / 1000
    const rate = seconds > 0 ? ` · ${n(Math.round(p.done / seconds))} rows/s` : ''
    return (
      `${label}: ${percent}% ${n(p.done)}/${n(p.total)} rows` +
      `${p.table ? ` · ${p.table} ${n(p.tableDone)}/${n(p.tableRows)}` : ''}${rate}`
    )
  }
  return {
    update(progress: TransferProgress) {
      const now = Date.now()
      const phaseChanged = progress.phase !== lastPhase
      lastPhase = progress.phase
      if (live) {
        stream.write(`\r${text(progress)}\x1b[K`)
        shown = true
      } else if (phaseChanged || now - lastPrinted >= everyMs) {
        lastPrinted = now
        stream.write(`${text(progress)}\n`)
      }
    },
    /** Ends the line in place, so what follows starts on its own. */
    end() {
      if (live && shown) stream.write('\n')
      shown = false
    },
  }
}

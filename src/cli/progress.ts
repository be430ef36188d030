/**
 * Progress of a long operation on stderr: a bar rewritten in place on a terminal; in a log,
 * a line each time a phase passes another tenth, and when it ends.
 */
export function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  const live = stream.isTTY === true
  let lastPhase = ''
  let lastTenth = -1
  let open = false
  const finishLine = () => {
    if (open) stream.write('\n')
    open = false
  }
  return {
    update(phase: string, done: number, total?: number) {
      if (phase !== lastPhase) {
        finishLine()
        lastPhase = phase
        lastTenth = -1
      }
      const ratio = total ? Math.min(1, done / Math.max(total, 1)) : 0
      const counts = total ? `${done}/${total}` : `${done}`
      if (live) {
        const width = 24
        const filled = total ? Math.round(ratio * width) : 0
        stream.write(`\r${phase.padEnd(14)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${counts}  `)
        open = true
        return
      }
      const tenth = total ? Math.floor(ratio * 10) : Math.floor(done / 1000)
      if (tenth !== lastTenth || done === total) {
        lastTenth = tenth
        stream.write(`${phase}: ${counts}${total ? ` (${Math.floor(ratio * 100)}%)` : ''}\n`)
      }
    },
    end: finishLine,
  }
}

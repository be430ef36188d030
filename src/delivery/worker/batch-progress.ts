/**
 * The watermark of a batch sent with concurrency: deliveries finish out of order, but the
 * watermark only passes a delivery when every one before it has finished, so after a crash
 * nothing below it is sent again and nothing above it is lost.
 */
export function createBatchProgress(size: number) {
  const finished = new Set<number>()
  let next = 0
  return {
    finish(index: number): void {
      if (index < next) return
      finished.add(index)
      while (finished.has(next)) finished.delete(next++)
    },
    /** How many deliveries from the start are finished. */
    doneCount: () => next,
    isComplete: () => next >= size,
  }
}

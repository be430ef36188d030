import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createBatchProgress } from './batch-progress.js'

describe('batch watermark', () => {
  it('moves only past deliveries whose predecessors have all finished', () => {
    const progress = createBatchProgress(5)
    progress.finish(1)
    progress.finish(2)
    expect(progress.doneCount()).toBe(0)
    progress.finish(0)
    expect(progress.doneCount()).toBe(3)
    progress.finish(4)
    expect(progress.isComplete()).toBe(false)
    progress.finish(3)
    expect(progress.isComplete()).toBe(true)
  })

  it('never passes an unfinished delivery, whatever the finishing order', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 60 })
          .chain((n) =>
            fc.tuple(fc.constant(n), fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n })),
          ),
        ([n, order]) => {
          const progress = createBatchProgress(n)
          const done = new Set<number>()
          for (const index of order) {
            progress.finish(index)
            done.add(index)
            for (let i = 0; i < progress.doneCount(); i++) expect(done.has(i)).toBe(true)
            expect(done.has(progress.doneCount())).toBe(false)
          }
          expect(progress.isComplete()).toBe(true)
        },
      ),
    )
  })
})

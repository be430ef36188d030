import { useCallback, useEffect, useState } from 'react'
import { api } from '../api/client'
import { toProblem, type Problem } from '../api/problem'

export interface Loaded<T> {
  data: T | undefined
  problem: Problem | null
  reload(): void
}

/**
 * GETs a path when the component shows and whenever `reload()` is called; the last answer stays on
 * screen while reloading.
 */
export function useApi<T>(path: string): Loaded<T> {
  const [data, setData] = useState<T>()
  const [problem, setProblem] = useState<Problem | null>(null)
  const [generation, setGeneration] = useState(0)

  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` is how reload() asks to fetch again
  useEffect(() => {
    let isCurrent = true
    api.get<T>(path).then(
      (value) => {
        if (!isCurrent) return
        setData(value)
        setProblem(null)
      },
      (error: unknown) => isCurrent && setProblem(toProblem(error)),
    )
    return () => {
      isCurrent = false
    }
  }, [path, generation])

  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  return { data, problem, reload }
}

export interface Submission<A extends unknown[]> {
  submit(...args: A): Promise<boolean>
  problem: Problem | null
  isBusy: boolean
}

/** Runs a change against the API, keeping its problem+json to show beside the form; resolves to whether it worked. */
export function useSubmit<A extends unknown[]>(action: (...args: A) => Promise<unknown>): Submission<A> {
  const [problem, setProblem] = useState<Problem | null>(null)
  const [isBusy, setBusy] = useState(false)
  const submit = async (...args: A) => {
    setBusy(true)
    setProblem(null)
    try {
      await action(...args)
      return true
    } catch (error) {
      setProblem(toProblem(error))
      return false
    } finally {
      setBusy(false)
    }
  }
  return { submit, problem, isBusy }
}

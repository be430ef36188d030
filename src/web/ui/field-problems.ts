import { useEffect, type RefObject } from 'react'
import type { Problem } from '../api/problem'

/** A problem's reasons about one field: `text`, `text.0` and `channels.2` all belong to their field. */
export function errorFor(problem: Problem | null, field: string): string | undefined {
  const reasons = (problem?.errors ?? []).filter((e) => e.path === field || e.path?.startsWith(`${field}.`))
  return reasons.length === 0
    ? undefined
    : reasons.map((e) => (e.line ? `line ${e.line}: ${e.message}` : e.message)).join('; ')
}

/**
 * After a refusal, move the keyboard to the first field marked invalid, so the person lands
 * where the fix is (and a screen reader reads its label and the reason).
 */
export function useFocusFirstInvalid(form: RefObject<HTMLElement | null>, problem: Problem | null) {
  useEffect(() => {
    if (!problem) return
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [form, problem])
}

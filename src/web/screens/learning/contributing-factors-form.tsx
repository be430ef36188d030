import { useState, type FormEvent } from 'react'
import { factorCategories, factorCategoryNames } from '../../../domain/postmortem/contributing-factors'
import { api } from '../../api/client'
import type { ContributingFactor, Postmortem } from '../../api/types'
import { SelectField, TextField } from '../../ui/field'
import { ProblemMessage } from '../../ui/problem-message'
import { useSubmit } from '../../ui/use-api'

/** Contributing factors as tags (a category and a product area), so incidents can be counted by cause. */
export function ContributingFactorsForm({
  postmortem,
  canWrite,
  onSaved,
}: {
  postmortem: Postmortem
  canWrite: boolean
  onSaved(): void
}) {
  const [category, setCategory] = useState<string>(factorCategories[0])
  const [area, setArea] = useState('')
  const saving = useSubmit((factors: ContributingFactor[]) =>
    api.patch(`/api/incidents/${postmortem.incident_id}/postmortem`, { contributing_factors: factors }).then(onSaved),
  )
  const factors = postmortem.contributing_factors
  const add = async (event: FormEvent) => {
    event.preventDefault()
    if (await saving.submit([...factors, { category, area: area.trim() || null, note: null }])) setArea('')
  }
  return (
    <section className="card" aria-labelledby="factors-title">
      <h2 id="factors-title">Contributing factors</h2>
      {factors.length === 0 ? (
        <p className="muted">No factors tagged yet.</p>
      ) : (
        <ul className="inline-list factor-list">
          {factors.map((f, i) => (
            <li key={`${f.category}-${f.area ?? ''}`} className="tag">
              {factorCategoryNames[f.category as keyof typeof factorCategoryNames] ?? f.category}
              {f.area && `: ${f.area}`}
              {canWrite && (
                <button
                  type="button"
                  className="button-quiet"
                  aria-label={`Remove ${f.category}${f.area ? ` (${f.area})` : ''}`}
                  onClick={() => void saving.submit(factors.filter((_, j) => j !== i))}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <form className="inline-form" aria-label="Add a contributing factor" onSubmit={(e) => void add(e)}>
          <SelectField label="Category" name="category" value={category} onChange={(e) => setCategory(e.target.value)}>
            {factorCategories.map((c) => (
              <option key={c} value={c}>
                {factorCategoryNames[c]}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Product area (optional)"
            name="area"
            value={area}
            onChange={(e) => setArea(e.target.value)}
          />
          <button type="submit" disabled={saving.isBusy}>
            Add factor
          </button>
        </form>
      )}
      <ProblemMessage problem={saving.problem} />
    </section>
  )
}

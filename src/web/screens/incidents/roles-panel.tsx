import { api } from '../../api/client'
import type { ProcessState } from '../../api/types'
import { useMe } from '../../session/session-context'
import { ProblemMessage } from '../../ui/problem-message'
import { useSubmit } from '../../ui/use-api'

type Role = ProcessState['roles'][number]

/** Every role an incident has (src/domain/process/incident-roles.ts), held or not: an empty one is the news. */
const allRoles: { role: string; name: string }[] = [
  { role: 'incident_lead', name: 'Incident lead' },
  { role: 'support_on_call_manager', name: 'Support on-call manager' },
  { role: 'business_manager', name: 'Business / operations manager' },
  { role: 'incident_manager', name: 'Incident manager' },
  { role: 'communications_lead', name: 'Communications lead' },
]

function withEmptyRoles(held: Role[]): Role[] {
  const empty = allRoles
    .filter((r) => !held.some((h) => h.role === r.role))
    .map((r) => ({ ...r, primary: null, backup: null, has_checked_in: false }))
  return [...held, ...empty].sort(
    (a, b) => allRoles.findIndex((r) => r.role === a.role) - allRoles.findIndex((r) => r.role === b.role),
  )
}

/** Step 2: who holds which role, and who has checked in, so everybody knows who is working. */
export function RolesPanel({ process, onChanged }: { process: ProcessState; onChanged(): void }) {
  const me = useMe()
  const id = process.incident_id
  const person = me.user ? { id: me.user.id, name: me.user.name || me.user.email } : undefined
  const taking = useSubmit((role: string) =>
    api.put(`/api/incidents/${id}/roles/${role}`, { person: person ?? null }).then(onChanged),
  )
  const checking = useSubmit((role: string) =>
    api.post(`/api/incidents/${id}/check-ins`, { role, ...(person ? { person } : {}) }).then(onChanged),
  )
  const isMine = (r: Role) => person !== undefined && r.primary?.id === person.id
  const hasCheckedIn = person !== undefined && process.check_ins.some((c) => c.person.id === person.id)

  return (
    <section className="card" aria-labelledby="roles-title" id="roles">
      <h2 id="roles-title">Roles</h2>
      <ul className="roles">
        {withEmptyRoles(process.roles).map((r) => (
          <li key={r.role}>
            <span className="role-name">{r.name}</span>
            <span>
              {r.primary ? r.primary.name : <span className="muted">Nobody yet</span>}
              {r.backup && <span className="muted"> (backup {r.backup.name})</span>}
              {r.primary && (
                <span className={r.has_checked_in ? 'checked-in' : 'muted'}>
                  {r.has_checked_in ? ' · checked in' : ' · not checked in'}
                </span>
              )}
            </span>
            {isMine(r) ? (
              !r.has_checked_in && (
                <button
                  type="button"
                  className="button-quiet"
                  aria-label={`Check in as ${r.name}`}
                  onClick={() => void checking.submit(r.role)}
                >
                  Check in
                </button>
              )
            ) : (
              <button
                type="button"
                className="button-quiet"
                aria-label={`Take role: ${r.name}`}
                onClick={() => void taking.submit(r.role)}
              >
                Take role
              </button>
            )}
          </li>
        ))}
      </ul>
      {!hasCheckedIn && (
        <button type="button" className="button-secondary" onClick={() => void checking.submit('responder')}>
          Check in as responder
        </button>
      )}
      {process.check_ins.length > 0 && (
        <p className="muted">Checked in: {[...new Set(process.check_ins.map((c) => c.person.name))].join(', ')}</p>
      )}
      <ProblemMessage problem={taking.problem ?? checking.problem} />
    </section>
  )
}

/** Someone who can hold a role on an incident; `id` is the user id when there is one. */
export interface Person {
  id: string
  name: string
}

/** Who did something: a person, an API token, or the system (jobs, takeovers). */
export interface ActorRef {
  kind: 'user' | 'token' | 'system'
  id: string
  name: string
}

export const systemActor: ActorRef = { kind: 'system', id: 'system', name: 'Candor' }

export function samePerson(a: { id: string } | null | undefined, b: { id: string } | null | undefined): boolean {
  return a != null && b != null && a.id === b.id
}

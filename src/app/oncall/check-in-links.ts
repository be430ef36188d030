import { signToken, verifySignedToken } from '../../auth/signed-token.js'
import {
  incidentRoleNames,
  incidentRoles,
  isIncidentRole,
  type IncidentRole,
} from '../../domain/process/incident-roles.js'
import { sessionsStore } from '../../store/sessions-store.js'
import type { AppContext, AppDeps } from '../context.js'
import { checkInFromLink } from '../process/manage-responders.js'

/**
 * Signed one-click check-in links, sent with the notice that gives someone an incident role
 * (filled from a schedule or by hand). Same guarantees as the page links: HMAC-signed, so
 * the incident, role and person cannot be changed; expiring; and single use, because the
 * nonce is spent in the check-in's own transaction.
 */

const purpose = 'incident.check_in'
/** An incident role is taken up within hours; a day covers a night's sleep and no more. */
export const CHECK_IN_LINK_TTL_MS = 24 * 3_600_000

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
const subjectPattern = new RegExp(`^(${uuid})/(${uuid})/(${incidentRoles.join('|')})/(${uuid})$`, 'i')
const uuidPattern = new RegExp(`^${uuid}$`, 'i')

export interface CheckInLink {
  orgId: string
  incidentId: string
  role: IncidentRole
  userId: string
}

export function checkInLinkUrl(deps: Pick<AppDeps, 'secret' | 'baseUrl'>, link: CheckInLink & { now: Date }): string {
  const token = signToken(deps.secret, {
    purpose,
    subject: `${link.orgId}/${link.incidentId}/${link.role}/${link.userId}`,
    expiresAt: new Date(link.now.getTime() + CHECK_IN_LINK_TTL_MS),
  })
  return `${deps.baseUrl}/oncall/check-in?token=${token}`
}

type Check =
  | ({ ok: true; nonce: string; expiresAt: Date } & CheckInLink)
  | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' }

/** A forged, altered or expired link fails here, before anything is looked up. */
export function checkCheckInLink(deps: Pick<AppDeps, 'secret'>, token: string, now: Date): Check {
  const check = verifySignedToken(deps.secret, token, { purpose, now })
  if (!check.ok) return check
  const match = subjectPattern.exec(check.subject)
  if (!match || !isIncidentRole(match[3])) return { ok: false, reason: 'malformed' }
  return {
    ok: true,
    orgId: match[1]!,
    incidentId: match[2]!,
    role: match[3],
    userId: match[4]!,
    nonce: check.nonce,
    expiresAt: check.expiresAt,
  }
}

interface Notice {
  org_id: string
  incident_id: string | null
  kind: string
  payload: Record<string, unknown>
}

/**
 * The line a role notice gains: signed when the notice is sent, not when it is queued, so the
 * queued row (readable in the process outbox) holds nothing anyone could use to check someone in.
 */
export function checkInLinkLine(deps: Pick<AppDeps, 'secret' | 'baseUrl'>, notice: Notice, now: Date): string | null {
  const { person, role, reason } = notice.payload
  if (
    notice.kind !== 'person_notification' ||
    !notice.incident_id ||
    (reason !== 'role_assigned' && reason !== 'backup_takeover')
  )
    return null
  const userId = typeof person === 'object' && person !== null ? (person as { id?: unknown }).id : undefined
  if (!isIncidentRole(role) || typeof userId !== 'string' || !uuidPattern.test(userId)) return null
  const url = checkInLinkUrl(deps, { orgId: notice.org_id, incidentId: notice.incident_id, role, userId, now })
  return `Check in as ${incidentRoleNames[role]} (one click, works once, expires in 24 hours): ${url}`
}

/** Adds the check-in line to a role notice's messages; other notices pass through unchanged. */
export function withCheckInLink<D extends { text: string }>(
  deps: Pick<AppDeps, 'secret' | 'baseUrl'>,
  notice: Notice,
  now: Date,
  deliveries: D[],
): D[] {
  const line = checkInLinkLine(deps, notice, now)
  return line ? deliveries.map((d) => ({ ...d, text: `${d.text}\n\n${line}` })) : deliveries
}

export type CheckInLinkOutcome =
  | {
      result: 'ready' | 'done' | 'already-checked-in' | 'already-used' | 'refused'
      incident: { id: string; title: string; status: string }
      role: { key: IncidentRole; name: string }
      person: { id: string; name: string }
      detail?: string
    }
  | { result: 'invalid' | 'expired' | 'not-found' }

async function lookUp(deps: AppDeps, link: CheckInLink) {
  const store = deps.store.forOrg(link.orgId)
  const [incident, [member]] = await Promise.all([
    store.incidents.get(link.incidentId),
    store.oncall.people.members([link.userId]),
  ])
  if (!incident || !member) return null
  return {
    incident: { id: incident.id, title: incident.title, status: incident.status },
    role: { key: link.role, name: incidentRoleNames[link.role] },
    person: { id: member.id, name: member.name || member.email },
    memberRole: member.role,
  }
}

/** What the landing page shows; spends nothing, so a mail scanner opening the link checks nobody in. */
export async function previewCheckInLink(deps: AppDeps, token: string, now: Date): Promise<CheckInLinkOutcome> {
  const check = checkCheckInLink(deps, token, now)
  if (!check.ok) return { result: check.reason === 'expired' ? 'expired' : 'invalid' }
  const found = await lookUp(deps, check)
  if (!found) return { result: 'not-found' }
  const { memberRole: _, ...shown } = found
  return { result: 'ready', ...shown }
}

/** Checks the link's person in to the link's incident role, once. */
export async function actOnCheckInLink(deps: AppDeps, token: string, now: Date): Promise<CheckInLinkOutcome> {
  const check = checkCheckInLink(deps, token, now)
  if (!check.ok) return { result: check.reason === 'expired' ? 'expired' : 'invalid' }
  // Someone removed from the organisation since the notice went out is not checked in.
  const found = await lookUp(deps, check)
  if (!found) return { result: 'not-found' }
  const { memberRole, ...shown } = found
  const ctx: AppContext = {
    orgId: check.orgId,
    actor: { kind: 'user', id: shown.person.id, name: shown.person.name },
    role: memberRole as AppContext['role'],
    scopes: null,
    permissions: deps.permissions,
    now,
  }
  const outcome = await checkInFromLink(deps, ctx, check.incidentId, check.role, (raw) =>
    sessionsStore(raw).spendLinkNonce(check.nonce, purpose, check.expiresAt),
  )
  if (outcome.result === 'not-found') return { result: 'not-found' }
  const incident = (await deps.store.forOrg(check.orgId).incidents.get(check.incidentId)) ?? shown.incident
  return {
    ...shown,
    incident: { id: incident.id, title: incident.title, status: incident.status },
    result: outcome.result,
    ...('message' in outcome ? { detail: outcome.message } : {}),
  }
}

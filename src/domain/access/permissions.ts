import type { Role } from './roles.js'

const everyone: readonly Role[] = ['owner', 'admin', 'responder', 'communicator', 'viewer']
const workers: readonly Role[] = ['owner', 'admin', 'responder', 'communicator']
const speakers: readonly Role[] = ['owner', 'admin', 'communicator']
const managers: readonly Role[] = ['owner', 'admin']
const owners: readonly Role[] = ['owner']

export interface Permission {
  roles: readonly Role[]
  description: string
}

/**
 * The permission matrix as data: `can`, token scopes and docs/permissions.md all read it.
 * Publishing to customers (incident.publish, maintenance.write, postmortem.publish) is for
 * communicators, admins and owners; responders draft and work the incident.
 */
export const permissions = {
  'page.read': { roles: everyone, description: 'See status pages, components and groups in the console' },
  'page.write': { roles: managers, description: 'Create, change and delete status pages, hostnames and branding' },
  'component.write': { roles: workers, description: 'Create and change components and groups, set their status' },
  'incident.read': { roles: everyone, description: 'See incidents, their timeline, drafts and internal notes' },
  'incident.create': { roles: workers, description: 'Open an incident (in triage or declared)' },
  'incident.update': {
    roles: workers,
    description: 'Work an incident: triage, roles, check-in, checklist, notes, drafts',
  },
  'incident.publish': {
    roles: speakers,
    description: 'Publish an update to customers (status page, subscribers, channels)',
  },
  'incident.delete': { roles: managers, description: 'Delete an incident' },
  'maintenance.write': { roles: speakers, description: 'Schedule, change and announce maintenance' },
  'postmortem.write': { roles: workers, description: 'Write internal and draft public postmortems, action items' },
  'postmortem.publish': { roles: speakers, description: 'Publish a public postmortem' },
  'template.manage': { roles: speakers, description: 'Edit message templates and the brand voice' },
  'subscriber.read': { roles: speakers, description: 'See subscribers (personal data)' },
  'subscriber.manage': { roles: speakers, description: 'Add, import, remove and export subscribers' },
  'alert.read': { roles: everyone, description: 'See alerts and their grouping' },
  'alert.acknowledge': { roles: workers, description: 'Acknowledge, escalate or resolve alerts and pages' },
  'integration.manage': {
    roles: managers,
    description: 'Configure alert intake, webhooks, providers and outbound channels',
  },
  'oncall.read': { roles: everyone, description: 'See schedules, escalation policies and who is on call' },
  'oncall.manage': { roles: managers, description: 'Change schedules, rotations, overrides and escalation policies' },
  'playbook.manage': { roles: managers, description: 'Edit crisis types, criteria, playbooks and checklists' },
  'plan.read': { roles: everyone, description: 'Read and export the crisis management plan' },
  'plan.manage': { roles: managers, description: 'Edit and review the crisis management plan' },
  'drill.run': { roles: managers, description: 'Start a drill (simulated incident, messages to the team only)' },
  'customer.read': {
    roles: speakers,
    description: 'See key customers: SLA terms, contacts (personal data) and MRR',
  },
  'customer.manage': { roles: speakers, description: 'Add, import, change and remove key customers' },
  'ticket.manage': { roles: workers, description: 'Import and link support tickets' },
  'metrics.read': { roles: everyone, description: 'See metrics, scorecards and reports' },
  'member.read': { roles: everyone, description: 'See the members of the organisation and their roles' },
  'member.manage': {
    roles: managers,
    description: 'Invite, remove and change the role of members (admins cannot touch owners)',
  },
  'token.manage': { roles: managers, description: 'Create and revoke organisation API tokens' },
  'audit.read': { roles: managers, description: 'Read and export the audit log' },
  'settings.manage': {
    roles: managers,
    description: 'Change organisation settings (severities, cadence, who may publish)',
  },
  'import.run': { roles: managers, description: 'Import from Statuspage, PagerDuty, Opsgenie, Uptime Kuma, Cachet' },
  'organisation.delete': { roles: owners, description: 'Delete the organisation and all its data' },
} as const satisfies Record<string, Permission>

export type Action = keyof typeof permissions
export const actions = Object.keys(permissions) as Action[]

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && Object.hasOwn(permissions, value)
}

/** Actions that speak to customers; an organisation may widen them to responders (small teams). */
export const publishActions = [
  'incident.publish',
  'maintenance.write',
  'postmortem.publish',
] as const satisfies readonly Action[]

export interface AccessSettings {
  /** Roles allowed to publish to customers; owner is always included, viewer never. */
  publishRoles?: readonly Role[]
}

export function rolesFor(action: Action, settings: AccessSettings = {}): readonly Role[] {
  if (settings.publishRoles && (publishActions as readonly Action[]).includes(action)) {
    return ['owner' as const, ...settings.publishRoles.filter((r) => r !== 'owner' && r !== 'viewer')]
  }
  return permissions[action].roles
}

/** Unknown actions are refused: a typo must fail closed. */
export function can(role: Role, action: string, settings?: AccessSettings): boolean {
  return isAction(action) && rolesFor(action, settings).includes(role)
}

export function actionsFor(role: Role, settings?: AccessSettings): Action[] {
  return actions.filter((a) => can(role, a, settings))
}

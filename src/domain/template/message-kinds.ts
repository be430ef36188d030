/**
 * The stages of incident communication (PRODUCT.md §4) and where a message goes.
 * A stand-down is for the team only; every other stage speaks to customers.
 */
export const messageStages = [
  'acknowledge',
  'scope',
  'update',
  'all_clear',
  'postmortem',
  'cadence_change',
  'stand_down',
] as const
export type MessageStage = (typeof messageStages)[number]

/** How a channel shows a message: a full email, a short chat post, a webhook event, the status page's own entry. */
export const templateChannels = ['email', 'webhook', 'slack', 'status_page'] as const
export type TemplateChannel = (typeof templateChannels)[number]

/** Customers get the plain message; technical readers (IT managers, partners) also get the detail section. */
export const audiences = ['customer', 'technical', 'internal'] as const
export type Audience = (typeof audiences)[number]

export const internalOnlyStages: readonly MessageStage[] = ['stand_down']

export function isMessageStage(value: unknown): value is MessageStage {
  return typeof value === 'string' && (messageStages as readonly string[]).includes(value)
}

export function isTemplateChannel(value: unknown): value is TemplateChannel {
  return typeof value === 'string' && (templateChannels as readonly string[]).includes(value)
}

/** Only the status page may name a failing third-party provider (the 8x8 seed). */
export function mayNameProvider(channel: TemplateChannel): boolean {
  return channel === 'status_page'
}

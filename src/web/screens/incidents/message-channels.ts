/** The public channels a process message can go to (src/delivery/channels), as people call them. */
export const publicChannels = [
  { value: 'status_page', label: 'Status page' },
  { value: 'email', label: 'Email subscribers' },
  { value: 'webhook', label: 'Webhooks and chat' },
] as const

export function channelLabel(value: string): string {
  return publicChannels.find((c) => c.value === value)?.label ?? value.replaceAll('_', ' ')
}

/**
 * Every channel the first acknowledgement used stays chosen (updates go at least there, the
 * seed's step 6); before the first word, the status page is the place to start.
 */
export function initialChannels(channelsUsed: string[]): string[] {
  return channelsUsed.length > 0 ? channelsUsed : ['status_page']
}

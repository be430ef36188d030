import type { TimelineEntry } from '../../api/types'
import type { StatusLook } from '../../ui/labels'
import { StatusBadge } from '../../ui/status-badge'

type Delivery = { total?: number; sent?: number; queued?: number; retrying?: number; failed?: number }

/** How far an outbound message got, worst first: a failure is what someone must act on. */
function deliveryLook(delivery: Delivery): StatusLook {
  if ((delivery.failed ?? 0) > 0) return { label: 'Failed', tone: 'danger', icon: '✕' }
  if ((delivery.retrying ?? 0) > 0) return { label: 'Retrying', tone: 'warning', icon: '↻' }
  if ((delivery.queued ?? 0) > 0) return { label: 'Queued', tone: 'info', icon: '…' }
  if ((delivery.sent ?? 0) > 0) return { label: 'Sent', tone: 'ok', icon: '✓' }
  return { label: 'Nothing sent', tone: 'neutral', icon: '–' }
}

export function DeliveryBadge({ entry }: { entry: TimelineEntry }) {
  if (entry.type !== 'outbound_message') return null
  return <StatusBadge look={deliveryLook((entry.delivery ?? {}) as Delivery)} />
}

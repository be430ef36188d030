/** Scheduled maintenance moves forward only; Statuspage's four states. */
export const maintenanceStatuses = ['scheduled', 'in_progress', 'verifying', 'completed'] as const
export type MaintenanceStatus = (typeof maintenanceStatuses)[number]

const order: Record<MaintenanceStatus, number> = { scheduled: 0, in_progress: 1, verifying: 2, completed: 3 }

export function canMoveMaintenance(from: MaintenanceStatus, to: MaintenanceStatus): boolean {
  return order[to] > order[from] || (from === to && from !== 'completed')
}

export function isMaintenanceActive(status: MaintenanceStatus): boolean {
  return status === 'in_progress' || status === 'verifying'
}

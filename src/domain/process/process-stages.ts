/** The eight steps of the Zendesk seed's crisis process, in order. */
export const processStages = [
  'alert',
  'check_in',
  'validate',
  'scope',
  'acknowledge',
  'updates',
  'resolve',
  'wrap_up',
] as const
export type ProcessStage = (typeof processStages)[number]

export const processStageNames: Record<ProcessStage, string> = {
  alert: 'Initial alert',
  check_in: 'Response team checks in',
  validate: 'Validate the crisis criteria',
  scope: 'Determine scope and impact',
  acknowledge: 'Public acknowledgement',
  updates: 'Status updates on the cadence',
  resolve: 'Resolve and all-clear',
  wrap_up: 'Wrap-up: postmortems and scorecard',
}

import { defaultCrisisTypes, mergeCrisisTypes } from '../../domain/process/crisis-types.js'
import { defaultProcessPolicy, type ProcessPolicy } from '../../domain/process/process-policy.js'
import { isStakeholderGroup, type StakeholderEvent, type StakeholderRule } from '../../domain/process/stakeholders.js'
import type { OrgStore } from '../../store/store.js'

/** The organisation's process: the seeds' defaults with its own settings, crisis types and rules laid over. */
export async function loadPolicy(tx: OrgStore): Promise<ProcessPolicy> {
  const [settings, types, rules] = await Promise.all([
    tx.process.config.getSettings(),
    tx.process.config.listCrisisTypes(),
    tx.process.config.listStakeholderRules(),
  ])
  const custom = types.map((t) => ({ key: t.key, name: t.name, description: t.description, criteria: t.criteria }))
  const stakeholderRules: StakeholderRule[] = rules.map((r) => ({
    crisisType: r.crisis_type,
    minSeverity: r.min_severity,
    groups: r.groups.filter(isStakeholderGroup),
    ...(r.events ? { on: r.events as StakeholderEvent[] } : {}),
  }))
  return {
    ...defaultProcessPolicy,
    crisisTypes: mergeCrisisTypes(defaultCrisisTypes, custom),
    stakeholderRules: stakeholderRules.length > 0 ? stakeholderRules : defaultProcessPolicy.stakeholderRules,
    ...(settings
      ? {
          triage: {
            validationWindowMinutes: settings.triage_window_minutes,
            reminderAfterMinutes: settings.triage_reminder_minutes,
          },
          takeover: { checkInWithinMinutes: settings.takeover_minutes },
          cadence: {
            reminderBeforeMinutes: settings.cadence_reminder_minutes,
            escalateAfterMinutes: settings.cadence_escalate_minutes,
          },
          freeze: { minSeverity: settings.freeze_min_severity, includeTriage: settings.freeze_include_triage },
          postmortem: {
            ...defaultProcessPolicy.postmortem,
            ...(settings.postmortem_reminder_days ? { reminderDaysBySeverity: settings.postmortem_reminder_days } : {}),
            ...(settings.postmortem_required_from ? { requiredFromSeverity: settings.postmortem_required_from } : {}),
          },
        }
      : {}),
  }
}

import type { IncidentRole } from './incident-roles.js'
import type { Playbook, PlaybookQuestion, PlaybookStep, PlaybookTask } from './playbook.js'
import type { ProcessStage } from './process-stages.js'

/**
 * The default action plans follow the Zendesk seed's eight steps, with the tasks it gives
 * each role; each crisis type adds one branch where the seeds say the path differs.
 */
const t = (id: string, role: IncidentRole, text: string): PlaybookTask => ({ id, role, text })
const step = (
  id: string,
  stage: ProcessStage,
  title: string,
  tasks: PlaybookTask[],
  next: PlaybookStep['next'],
): PlaybookStep => ({
  id,
  stage,
  title,
  tasks,
  next,
})
const go = (to: string) => ({ kind: 'go', to }) as const
const end = { kind: 'end' } as const

interface SpecialPath {
  question: PlaybookQuestion
  step: Omit<PlaybookStep, 'next' | 'stage'>
}

function eightSteps(crisisType: string, name: string, special: SpecialPath): Playbook {
  const steps: PlaybookStep[] = [
    step(
      'alert',
      'alert',
      'Initial alert',
      [
        t('alert.room', 'incident_lead', 'Open the incident room or ticket and attach the alert.'),
        t(
          'alert.stakeholders',
          'support_on_call_manager',
          'Make sure the response team and internal stakeholders got the alert.',
        ),
      ],
      go('check_in'),
    ),
    step(
      'check_in',
      'check_in',
      'Response team checks in',
      [
        t('check_in.lead', 'incident_lead', 'Check in, and confirm who is working on the incident.'),
        t('check_in.support', 'support_on_call_manager', 'Check in (if you cannot, your backup steps in).'),
        t('check_in.business', 'business_manager', 'Check in for the team that will restore service.'),
        t('check_in.comms', 'communications_lead', 'Check in as the one voice for customers.'),
      ],
      go('validate'),
    ),
    step(
      'validate',
      'validate',
      'Validate the crisis criteria',
      [
        t('validate.criteria', 'incident_lead', 'Confirm each crisis criterion within the validation window.'),
        t('validate.facts', 'business_manager', 'Confirm the facts of the incident.'),
      ],
      {
        kind: 'branch',
        question: { id: 'criteria_met', text: 'Are the crisis criteria met?' },
        ifYes: 'scope',
        ifNo: 'stand_down',
      },
    ),
    step(
      'stand_down',
      'validate',
      'Stand down: false alarm',
      [
        t('stand_down.notify', 'incident_lead', 'Tell internal stakeholders it was a false alarm.'),
        t('stand_down.support', 'support_on_call_manager', 'Return the support team to normal procedures.'),
      ],
      end,
    ),
    step(
      'scope',
      'scope',
      'Determine scope and impact',
      [
        t(
          'scope.checklist',
          'incident_lead',
          'Answer the checklist: when it started, how long it may last, who is affected, workarounds.',
        ),
        t('scope.tickets', 'support_on_call_manager', 'Scan incoming tickets for patterns that show who is affected.'),
        t('scope.facts', 'business_manager', 'Confirm scope and impact with the team restoring service.'),
      ],
      { kind: 'branch', question: special.question, ifYes: special.step.id, ifNo: 'acknowledge' },
    ),
    { ...special.step, stage: 'scope', next: go('acknowledge') },
    step(
      'acknowledge',
      'acknowledge',
      'Public acknowledgement',
      [
        t(
          'acknowledge.publish',
          'communications_lead',
          'Publish the first acknowledgement on the status page and every public channel, as soon as possible.',
        ),
        t(
          'acknowledge.key_customers',
          'support_on_call_manager',
          'Contact key customers and partners directly; open a ticket for each and link it to the incident.',
        ),
        t(
          'acknowledge.internal',
          'incident_lead',
          'Tell sales, customer success and marketing; marketing pauses promotional sends.',
        ),
      ],
      go('updates'),
    ),
    step(
      'updates',
      'updates',
      'Status updates on the cadence',
      [
        t(
          'updates.cadence',
          'communications_lead',
          'Post updates on the promised cadence through every channel ' +
            'the acknowledgement used, even when there is no news.',
        ),
        t(
          'updates.support',
          'incident_lead',
          'Keep the support team told of the current state and every message sent.',
        ),
        t('updates.staffing', 'support_on_call_manager', 'Manage support staffing, such as extra phone coverage.'),
      ],
      go('resolve'),
    ),
    step(
      'resolve',
      'resolve',
      'Resolve and all-clear',
      [
        t('resolve.confirm', 'business_manager', 'Confirm that service is restored or the situation is stable.'),
        t(
          'resolve.all_clear',
          'communications_lead',
          'Send the all-clear: thank customers for their patience and say where the postmortem will be.',
        ),
        t('resolve.support', 'support_on_call_manager', 'Stand the support team down to normal procedures.'),
      ],
      go('wrap_up'),
    ),
    step(
      'wrap_up',
      'wrap_up',
      'Wrap-up',
      [
        t('wrap_up.internal', 'business_manager', 'Write the internal postmortem.'),
        t(
          'wrap_up.public',
          'incident_manager',
          'Write the public postmortem from the internal one, and score the response on the scorecard.',
        ),
        t('wrap_up.plan', 'incident_lead', 'Review the plan: does anything need to change for the next time?'),
      ],
      end,
    ),
  ]
  return { key: `default_${crisisType}`, crisisType, name, firstStepId: 'alert', steps }
}

export const defaultPlaybooks: readonly Playbook[] = [
  eightSteps('service_outage', 'Service outage', {
    question: { id: 'customer_data_exposed', text: 'Is customer data exposed?' },
    step: {
      id: 'security_path',
      title: 'Security path: customer data may be exposed',
      tasks: [
        t('security_path.contain', 'business_manager', 'Bring in IT/security to contain the exposure.'),
        t('security_path.legal', 'incident_lead', 'Bring in legal to assess notification duties.'),
      ],
    },
  }),
  eightSteps('security_incident', 'Security incident', {
    question: { id: 'personal_data_breached', text: 'Has personal data been breached?' },
    step: {
      id: 'breach_notice',
      title: 'Breach notification',
      tasks: [
        t(
          'breach_notice.legal',
          'incident_lead',
          'With legal, list the regulators and deadlines for breach notification.',
        ),
        t('breach_notice.customers', 'communications_lead', 'Prepare a direct notice to the affected customers.'),
      ],
    },
  }),
  eightSteps('physical_emergency', 'Physical or public-health emergency', {
    question: { id: 'people_at_risk', text: 'Are people (staff or customers) at risk?' },
    step: {
      id: 'safety',
      title: 'Safety first',
      tasks: [
        t('safety.staff', 'business_manager', 'With HR and facilities, account for staff and their safety.'),
        t('safety.news', 'incident_lead', 'Monitor news outlets and what officials are saying.'),
      ],
    },
  }),
  eightSteps('legal', 'Legal matter', {
    question: { id: 'matter_public', text: 'Is the matter public already?' },
    step: {
      id: 'public_statement',
      title: 'Public statement with legal',
      tasks: [
        t(
          'public_statement.review',
          'communications_lead',
          'Have legal and PR review every public statement before it goes out.',
        ),
      ],
    },
  }),
  eightSteps('pr', 'Public-relations crisis', {
    question: { id: 'legal_exposure', text: 'Could it become a legal matter?' },
    step: {
      id: 'legal_review',
      title: 'Legal review',
      tasks: [t('legal_review.brief', 'incident_lead', 'Brief legal and have them review statements.')],
    },
  }),
]

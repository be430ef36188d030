import { z } from 'zod'
import {
  changeCrisisType,
  confirmCriterion,
  declareIncident,
  standDownIncident,
} from '../../app/process/decide-triage.js'
import {
  crisisTypeBody,
  deleteCrisisType,
  getProcessConfig,
  processSettingsInput,
  putCrisisType,
  putStakeholderGroup,
  replaceStakeholderRules,
  stakeholderGroupBody,
  stakeholderRulesBody,
  updateProcessSettings,
} from '../../app/process/manage-process-config.js'
import { addShadow, assignRole, checkIn } from '../../app/process/manage-responders.js'
import { openTriageIncident, openTriageInput } from '../../app/process/open-triage-incident.js'
import * as inputs from '../../app/process/process-inputs.js'
import { publishMessage, recordMessageDelivery } from '../../app/process/publish-message.js'
import { getFreeze, getProcess, getTimeline, timelineQuery } from '../../app/process/read-process.js'
import {
  addNote,
  answerChecklist,
  answerPlaybookQuestion,
  attachAlert,
  checkPlaybookTask,
  recordDecision,
} from '../../app/process/record-on-incident.js'
import { changeCadence, changeSeverity, transitionIncident } from '../../app/process/transition-incident.js'
import type { AppContext, AppDeps } from '../../app/context.js'
import type { IdParams, RouteModule } from '../route-module.js'

const idParams = z.object({ id: z.uuid() })
type Action = (deps: AppDeps, ctx: AppContext, incidentId: string, raw: unknown) => Promise<unknown>

/** The crisis process on an incident: triage, people, checklists, messages, timeline; plus the freeze flag. */
export const processRoutes: RouteModule = (app, deps) => {
  const tags = ['Incident process']
  const post = (path: string, summary: string, body: z.ZodType, action: Action, code = 200) =>
    app.post<{ Params: IdParams }>(
      `/api/incidents/:id/${path}`,
      { schema: { tags, summary, params: idParams, body } },
      async (req, reply) => reply.code(code).send(await action(deps, req.ctx, req.params.id, req.body)),
    )

  app.post(
    '/api/process/incidents',
    {
      schema: {
        tags,
        summary: 'Open an incident in triage (step 1), with its crisis type and playbook',
        body: openTriageInput,
      },
    },
    async (req, reply) => reply.code(201).send(await openTriageIncident(deps, req.ctx, req.body)),
  )
  app.get<{ Params: IdParams }>(
    '/api/incidents/:id/process',
    {
      schema: {
        tags,
        summary: 'The process state: triage, criteria, checklist, roles, playbook, cadence',
        params: idParams,
      },
    },
    (req) => getProcess(deps, req.ctx, req.params.id),
  )
  app.get<{ Params: IdParams }>(
    '/api/incidents/:id/timeline',
    {
      schema: {
        tags,
        summary: 'Every event with time and actor; ?format=markdown tells the story',
        params: idParams,
        querystring: timelineQuery,
      },
    },
    async (req, reply) => {
      const result = await getTimeline(deps, req.ctx, req.params.id, req.query)
      if (result.format === 'markdown') return reply.type('text/markdown; charset=utf-8').send(result.markdown)
      return { entries: result.entries }
    },
  )

  post('criteria', 'Confirm whether a crisis criterion is met (triage)', inputs.confirmCriterionInput, confirmCriterion)
  post(
    'declare',
    'Declare a crisis: the criteria are met (or overridden with a reason)',
    inputs.declareInput,
    declareIncident,
  )
  post(
    'stand-down',
    'Stand down a false alarm: stakeholders are told, nothing is public',
    inputs.standDownInput,
    standDownIncident,
  )
  post(
    'transition',
    'Move the lifecycle (re-open triage, resolve, close…) without a message',
    inputs.transitionInput,
    transitionIncident,
  )
  post(
    'severity',
    'Change the severity; stakeholders are told and the cadence follows',
    inputs.severityInput,
    changeSeverity,
  )
  post('crisis-type', 'Change the crisis type (and so criteria and playbook)', inputs.crisisTypeInput, changeCrisisType)
  post('cadence', 'Set the update cadence; customers are told of the change', inputs.cadenceInput, changeCadence)
  post(
    'checklist',
    'Answer an item of the scope checklist ("unknown" is an answer)',
    inputs.checklistAnswerInput,
    answerChecklist,
  )
  post(
    'messages',
    'Publish acknowledgement, scope (needs the checklist), update, all-clear or postmortem',
    inputs.publishInput,
    publishMessage,
    201,
  )
  post(
    'messages/deliveries',
    'Report what a channel delivered (audience and recipient count)',
    inputs.deliveryReportInput,
    recordMessageDelivery,
  )
  post('check-ins', 'Check in to the incident in a role', inputs.checkInInput, checkIn)
  post('shadows', 'Add a shadow (trainee) to the incident', inputs.shadowInput, addShadow)
  post(
    'playbook/answers',
    'Answer a playbook question, choosing the path',
    inputs.answerQuestionInput,
    answerPlaybookQuestion,
  )
  post('notes', 'Add a note to the timeline', inputs.noteInput, addNote, 201)
  post('decisions', 'Record a decision and why', inputs.decisionInput, recordDecision, 201)
  post('alerts', 'Attach an alert to the incident', inputs.attachAlertInput, attachAlert)

  app.put<{ Params: { id: string; role: string } }>(
    '/api/incidents/:id/roles/:role',
    {
      schema: {
        tags,
        summary: 'Assign a role (a handover when someone held it), with an optional backup',
        params: z.object({ id: z.uuid(), role: inputs.roleParam }),
        body: inputs.assignRoleInput,
      },
    },
    (req) => assignRole(deps, req.ctx, req.params.id, req.params.role, req.body),
  )
  app.put<{ Params: { id: string; task: string } }>(
    '/api/incidents/:id/playbook/tasks/:task',
    {
      schema: {
        tags,
        summary: 'Tick or un-tick a playbook task on the current path',
        params: z.object({ id: z.uuid(), task: z.string() }),
        body: inputs.checkTaskInput,
      },
    },
    (req) => checkPlaybookTask(deps, req.ctx, req.params.id, req.params.task, req.body),
  )

  app.get(
    '/api/freeze',
    {
      schema: {
        tags,
        summary: 'Whether promotional sends must pause (marketing freeze), since when and for which incidents',
      },
    },
    (req) => getFreeze(deps, req.ctx),
  )
  app.get(
    '/api/process/config',
    {
      schema: {
        tags,
        summary: 'The effective process: crisis types, playbooks, severity scale, stakeholder rules, settings',
      },
    },
    (req) => getProcessConfig(deps, req.ctx),
  )
  app.patch(
    '/api/process/settings',
    { schema: { tags, summary: 'Change time-boxes, freeze level and freeze webhook', body: processSettingsInput } },
    (req) => updateProcessSettings(deps, req.ctx, req.body),
  )
  app.put<{ Params: { key: string } }>(
    '/api/process/crisis-types/:key',
    { schema: { tags, summary: 'Add or override a crisis type', body: crisisTypeBody } },
    (req) => putCrisisType(deps, req.ctx, req.params.key, req.body),
  )
  app.delete<{ Params: { key: string } }>(
    '/api/process/crisis-types/:key',
    { schema: { tags, summary: "Remove an organisation's own crisis type" } },
    async (req, reply) => {
      await deleteCrisisType(deps, req.ctx, req.params.key)
      return reply.code(204).send()
    },
  )
  app.put<{ Params: { key: string } }>(
    '/api/process/stakeholder-groups/:key',
    { schema: { tags, summary: 'Name and addresses of a stakeholder group', body: stakeholderGroupBody } },
    (req) => putStakeholderGroup(deps, req.ctx, req.params.key, req.body),
  )
  app.put(
    '/api/process/stakeholder-rules',
    { schema: { tags, summary: 'Replace who is told of what (empty: the defaults)', body: stakeholderRulesBody } },
    (req) => replaceStakeholderRules(deps, req.ctx, req.body),
  )
}

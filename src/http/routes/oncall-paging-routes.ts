import { z } from 'zod'
import {
  addContactMethod,
  listContactMethods,
  listContactMethodsQuery,
  removeContactMethod,
} from '../../app/oncall/manage-contact-methods.js'
import {
  createEscalationPolicy,
  deleteEscalationPolicy,
  getEscalationPolicy,
  listEscalationPolicies,
  updateEscalationPolicy,
} from '../../app/oncall/manage-escalation-policies.js'
import {
  contactMethodInput,
  createPolicyInput,
  listPagesQuery,
  pageActionInput,
  triggerPageInput,
  updatePolicyInput,
} from '../../app/oncall/oncall-input.js'
import { triggerPage } from '../../app/oncall/page-escalation-policy.js'
import { acknowledgePage, escalatePage, resolvePage } from '../../app/oncall/respond-to-page.js'
import { getPage, inboxQuery, listInbox, listPages } from '../../app/oncall/view-pages.js'
import type { IdParams, RouteModule } from '../route-module.js'

const idParams = z.object({ id: z.uuid() })

/** Escalation policies, contact methods and pages. Pages live at /api/oncall-pages: /api/pages are status pages. */
export const oncallPagingRoutes: RouteModule = (app, deps) => {
  const policyTags = ['Escalation policies']
  app.get('/api/escalation-policies', { schema: { tags: policyTags, summary: 'List escalation policies' } }, (req) =>
    listEscalationPolicies(deps, req.ctx),
  )
  app.post(
    '/api/escalation-policies',
    { schema: { tags: policyTags, summary: 'Create an escalation policy', body: createPolicyInput } },
    async (req, reply) => reply.code(201).send(await createEscalationPolicy(deps, req.ctx, req.body)),
  )
  app.get<{ Params: IdParams }>(
    '/api/escalation-policies/:id',
    { schema: { tags: policyTags, summary: 'Get an escalation policy', params: idParams } },
    (req) => getEscalationPolicy(deps, req.ctx, req.params.id),
  )
  app.patch<{ Params: IdParams }>(
    '/api/escalation-policies/:id',
    {
      schema: {
        tags: policyTags,
        summary: 'Change a policy (pages in flight keep theirs)',
        params: idParams,
        body: updatePolicyInput,
      },
    },
    (req) => updateEscalationPolicy(deps, req.ctx, req.params.id, req.body),
  )
  app.delete<{ Params: IdParams }>(
    '/api/escalation-policies/:id',
    { schema: { tags: policyTags, summary: 'Delete an escalation policy', params: idParams } },
    async (req, reply) => {
      await deleteEscalationPolicy(deps, req.ctx, req.params.id)
      return reply.code(204).send()
    },
  )

  const contactTags = ['Contact methods']
  app.get(
    '/api/contact-methods',
    {
      schema: { tags: contactTags, summary: 'How people are reached when paged', querystring: listContactMethodsQuery },
    },
    (req) => listContactMethods(deps, req.ctx, req.query),
  )
  app.post(
    '/api/contact-methods',
    {
      schema: {
        tags: contactTags,
        summary: 'Add a contact method with its delay (a webhook secret is shown once)',
        body: contactMethodInput,
      },
    },
    async (req, reply) => reply.code(201).send(await addContactMethod(deps, req.ctx, req.body)),
  )
  app.delete<{ Params: IdParams }>(
    '/api/contact-methods/:id',
    { schema: { tags: contactTags, summary: 'Remove a contact method', params: idParams } },
    async (req, reply) => {
      await removeContactMethod(deps, req.ctx, req.params.id)
      return reply.code(204).send()
    },
  )

  const pageTags = ['Paging']
  app.get(
    '/api/oncall-pages',
    { schema: { tags: pageTags, summary: 'List pages, newest first', querystring: listPagesQuery } },
    (req) => listPages(deps, req.ctx, req.query),
  )
  app.post(
    '/api/oncall-pages',
    { schema: { tags: pageTags, summary: 'Page an escalation policy', body: triggerPageInput } },
    async (req, reply) => reply.code(201).send(await triggerPage(deps, req.ctx, req.body)),
  )
  app.get(
    '/api/oncall-pages/inbox',
    { schema: { tags: pageTags, summary: "A person's in-app page notifications", querystring: inboxQuery } },
    (req) => listInbox(deps, req.ctx, req.query),
  )
  app.get<{ Params: IdParams }>(
    '/api/oncall-pages/:id',
    { schema: { tags: pageTags, summary: 'A page with its events and notifications', params: idParams } },
    (req) => getPage(deps, req.ctx, req.params.id),
  )
  for (const [action, run, summary] of [
    ['acknowledge', acknowledgePage, 'Acknowledge: escalation stops'],
    ['escalate', escalatePage, 'Escalate to the next level now'],
    ['resolve', resolvePage, 'Resolve: escalation stops for good'],
  ] as const) {
    app.post<{ Params: IdParams }>(
      `/api/oncall-pages/:id/${action}`,
      { schema: { tags: pageTags, summary, params: idParams, body: pageActionInput } },
      (req) => run(deps, req.ctx, req.params.id, req.body),
    )
  }
}

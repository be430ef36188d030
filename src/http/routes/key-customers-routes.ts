import { z } from 'zod'
import { importKeyCustomers } from '../../app/key-customers/import-key-customers.js'
import {
  createKeyCustomerInput,
  updateContactTaskInput,
  updateKeyCustomerInput,
} from '../../app/key-customers/key-customer-input.js'
import { getContactTask, listContactTasks, updateContactTask } from '../../app/key-customers/manage-contact-tasks.js'
import {
  createKeyCustomer,
  deleteKeyCustomer,
  getKeyCustomer,
  listKeyCustomers,
  updateKeyCustomer,
} from '../../app/key-customers/manage-key-customers.js'
import type { IdParams, RouteModule } from '../route-module.js'

const idParams = z.object({ id: z.uuid() })

/** Key customers with their SLA terms (list, add, change, remove, import CSV) and the contact tasks of an incident. */
export const keyCustomersRoutes: RouteModule = async (app, deps) => {
  await app.register(async (scope) => {
    const tags = ['Key customers']
    scope.addContentTypeParser(
      ['text/csv', 'text/plain'],
      { parseAs: 'string', bodyLimit: 8 * 1024 * 1024 },
      (_req, body, done) => done(null, body),
    )
    scope.get(
      '/api/key-customers',
      { schema: { tags, summary: 'The key customers with their SLA terms, by name' } },
      (req) => listKeyCustomers(deps, req.ctx),
    )
    scope.post(
      '/api/key-customers',
      {
        schema: {
          tags,
          summary: 'Add a key customer: notify within N minutes, channel, contacts, MRR, components they depend on',
          body: createKeyCustomerInput,
        },
      },
      async (req, reply) => reply.code(201).send(await createKeyCustomer(deps, req.ctx, req.body)),
    )
    scope.post(
      '/api/key-customers/import',
      {
        bodyLimit: 8 * 1024 * 1024,
        schema: {
          tags,
          summary:
            'Import key customers from CSV (text/csv; columns name, notify_within_minutes, channel, contact_name, ' +
            'contact_email, contact_phone, mrr, components, every_incident, notes): all rows or none',
        },
      },
      async (req, reply) =>
        reply.code(201).send(await importKeyCustomers(deps, req.ctx, typeof req.body === 'string' ? req.body : '')),
    )
    scope.get<{ Params: IdParams }>(
      '/api/key-customers/:id',
      { schema: { tags, summary: 'One key customer', params: idParams } },
      (req) => getKeyCustomer(deps, req.ctx, req.params.id),
    )
    scope.patch<{ Params: IdParams }>(
      '/api/key-customers/:id',
      { schema: { tags, summary: 'Change a key customer', params: idParams, body: updateKeyCustomerInput } },
      (req) => updateKeyCustomer(deps, req.ctx, req.params.id, req.body),
    )
    scope.delete<{ Params: IdParams }>(
      '/api/key-customers/:id',
      { schema: { tags, summary: 'Remove a key customer (their tasks stay on past incidents)', params: idParams } },
      async (req, reply) => {
        await deleteKeyCustomer(deps, req.ctx, req.params.id)
        return reply.code(204).send()
      },
    )

    const taskTags = ['Contact tasks']
    scope.get<{ Params: IdParams }>(
      '/api/incidents/:id/contact-tasks',
      {
        schema: {
          tags: taskTags,
          summary: 'The contact task of each affected key customer, with its deadline, holder, state and ticket',
          params: idParams,
        },
      },
      (req) => listContactTasks(deps, req.ctx, req.params.id),
    )
    scope.get<{ Params: IdParams }>(
      '/api/contact-tasks/:id',
      { schema: { tags: taskTags, summary: 'One contact task', params: idParams } },
      (req) => getContactTask(deps, req.ctx, req.params.id),
    )
    scope.patch<{ Params: IdParams }>(
      '/api/contact-tasks/:id',
      {
        schema: {
          tags: taskTags,
          summary: 'Mark a contact task done (or open again), link its customer ticket, hand it to someone',
          params: idParams,
          body: updateContactTaskInput,
        },
      },
      (req) => updateContactTask(deps, req.ctx, req.params.id, req.body),
    )
  })
}

import { z } from 'zod'
import {
  addOverride,
  createFollowTheSunSchedule,
  createSchedule,
  deleteSchedule,
  getSchedule,
  listSchedules,
  removeOverride,
  updateSchedule,
} from '../../app/oncall/manage-schedules.js'
import {
  atQuery,
  createScheduleInput,
  followTheSunInput,
  nextShiftsQuery,
  overrideInput,
  rangeQuery,
  readinessInput,
  updateScheduleInput,
} from '../../app/oncall/oncall-input.js'
import {
  personShifts,
  scheduleOnCall,
  scheduleReadiness,
  scheduleSegments,
  upcomingShifts,
  whoIsOnCallEverywhere,
} from '../../app/oncall/query-schedules.js'
import { personCalendar, renderFeed, scheduleCalendar } from '../../app/oncall/shift-calendar.js'
import type { IdParams, RouteModule } from '../route-module.js'

const idParams = z.object({ id: z.uuid() })
const overrideParams = z.object({ id: z.uuid(), overrideId: z.uuid() })
const userParams = z.object({ userId: z.uuid() })

export const oncallSchedulesRoutes: RouteModule = (app, deps) => {
  const tags = ['On-call schedules']
  app.get('/api/schedules', { schema: { tags, summary: 'List on-call schedules with their layers' } }, (req) =>
    listSchedules(deps, req.ctx),
  )
  app.post(
    '/api/schedules',
    { schema: { tags, summary: 'Create a schedule (later layers take precedence)', body: createScheduleInput } },
    async (req, reply) => reply.code(201).send(await createSchedule(deps, req.ctx, req.body)),
  )
  app.post(
    '/api/schedules/follow-the-sun',
    {
      schema: {
        tags,
        summary: 'Create a follow-the-sun schedule: three 8-hour shifts across time zones',
        body: followTheSunInput,
      },
    },
    async (req, reply) => reply.code(201).send(await createFollowTheSunSchedule(deps, req.ctx, req.body)),
  )
  app.get(
    '/api/on-call',
    { schema: { tags, summary: 'Who is on call in every schedule now (or at ?at=)', querystring: atQuery } },
    (req) => whoIsOnCallEverywhere(deps, req.ctx, req.query),
  )
  app.get<{ Params: IdParams }>(
    '/api/schedules/:id',
    { schema: { tags, summary: 'Get a schedule', params: idParams } },
    (req) => getSchedule(deps, req.ctx, req.params.id),
  )
  app.patch<{ Params: IdParams }>(
    '/api/schedules/:id',
    {
      schema: {
        tags,
        summary: 'Change a schedule; layers are replaced whole',
        params: idParams,
        body: updateScheduleInput,
      },
    },
    (req) => updateSchedule(deps, req.ctx, req.params.id, req.body),
  )
  app.delete<{ Params: IdParams }>(
    '/api/schedules/:id',
    { schema: { tags, summary: 'Delete a schedule no policy pages', params: idParams } },
    async (req, reply) => {
      await deleteSchedule(deps, req.ctx, req.params.id)
      return reply.code(204).send()
    },
  )
  app.get<{ Params: IdParams }>(
    '/api/schedules/:id/on-call',
    { schema: { tags, summary: 'Who is on call now (or at ?at=)', params: idParams, querystring: atQuery } },
    (req) => scheduleOnCall(deps, req.ctx, req.params.id, req.query),
  )
  app.get<{ Params: IdParams }>(
    '/api/schedules/:id/shifts',
    {
      schema: {
        tags,
        summary: 'The final schedule in [from, to) as contiguous segments',
        params: idParams,
        querystring: rangeQuery,
      },
    },
    (req) => scheduleSegments(deps, req.ctx, req.params.id, req.query),
  )
  app.get<{ Params: IdParams }>(
    '/api/schedules/:id/next-shifts',
    {
      schema: {
        tags,
        summary: 'The shift in progress and the next ones',
        params: idParams,
        querystring: nextShiftsQuery,
      },
    },
    (req) => upcomingShifts(deps, req.ctx, req.params.id, req.query),
  )
  app.post<{ Params: IdParams }>(
    '/api/schedules/:id/readiness',
    { schema: { tags, summary: 'Load report and untrained-alone warnings', params: idParams, body: readinessInput } },
    (req) => scheduleReadiness(deps, req.ctx, req.params.id, req.body),
  )
  app.post<{ Params: IdParams }>(
    '/api/schedules/:id/overrides',
    { schema: { tags, summary: 'Someone covers a period', params: idParams, body: overrideInput } },
    async (req, reply) => reply.code(201).send(await addOverride(deps, req.ctx, req.params.id, req.body)),
  )
  app.delete<{ Params: { id: string; overrideId: string } }>(
    '/api/schedules/:id/overrides/:overrideId',
    { schema: { tags, summary: 'Remove an override', params: overrideParams } },
    async (req, reply) => {
      await removeOverride(deps, req.ctx, req.params.id, req.params.overrideId)
      return reply.code(204).send()
    },
  )
  app.get<{ Params: IdParams }>(
    '/api/schedules/:id/calendar',
    { schema: { tags, summary: 'The secret iCalendar feed URL of this schedule', params: idParams } },
    (req) => scheduleCalendar(deps, req.ctx, req.params.id),
  )
  app.get<{ Params: IdParams }>(
    '/api/schedules/:id/calendar.ics',
    { schema: { tags, summary: 'This schedule as iCalendar', params: idParams } },
    async (req, reply) => {
      await scheduleCalendar(deps, req.ctx, req.params.id)
      return reply
        .type('text/calendar; charset=utf-8')
        .send(await renderFeed(deps, { kind: 'schedule', orgId: req.ctx.orgId, id: req.params.id }, req.ctx.now))
    },
  )
  app.get<{ Params: { userId: string } }>(
    '/api/oncall/users/:userId/shifts',
    { schema: { tags, summary: "A person's shifts across schedules", params: userParams, querystring: rangeQuery } },
    (req) => personShifts(deps, req.ctx, req.params.userId, req.query),
  )
  app.get<{ Params: { userId: string } }>(
    '/api/oncall/users/:userId/calendar',
    { schema: { tags, summary: "The secret iCalendar feed URL of a person's shifts", params: userParams } },
    (req) => personCalendar(deps, req.ctx, req.params.userId),
  )
}

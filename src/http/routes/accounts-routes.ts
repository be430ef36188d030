import { z } from 'zod'
import { createApiToken, createTokenInput, listApiTokens, revokeApiToken } from '../../app/accounts/api-tokens.js'
import { auditExportInput, auditQueryInput, exportAuditLog, queryAuditLog } from '../../app/accounts/audit-log.js'
import { inviteInput, inviteMember, listInvitations, revokeInvitation } from '../../app/accounts/invitations.js'
import { changePassword, changePasswordInput, describeMe, permissionMatrix } from '../../app/accounts/me.js'
import { changeMemberRole, changeRoleInput, listMembers, removeMember } from '../../app/accounts/members.js'
import {
  endSession,
  listSessions,
  signOut,
  signOutEverywhere,
  switchOrganisation,
  switchOrganisationInput,
} from '../../app/accounts/sessions.js'
import { idSchema } from '../../app/common-schemas.js'
import { cookiePolicy, clearSessionCookie } from '../accounts/session-cookie.js'
import { sessionOf } from '../accounts/session-authenticator.js'
import type { IdParams, RouteModule } from '../route-module.js'

const idParams = z.object({ id: idSchema })
const userParams = z.object({ userId: idSchema })
/** These use cases write their own audit rows, with before and after, in their transaction. */
const audited = { audited: true }

export const accountsRoutes: RouteModule = (app, deps) => {
  const policy = cookiePolicy(deps.baseUrl)
  const sessionId = (req: Parameters<typeof sessionOf>[0]) => sessionOf(req)?.sessionId ?? null

  let tags = ['Accounts']
  app.get(
    '/api/me',
    { schema: { tags, summary: 'Who I am, my organisations, role, permissions and CSRF token' } },
    (req) => describeMe(deps, req.ctx, sessionOf(req)),
  )
  app.get(
    '/api/permissions',
    { schema: { tags, summary: 'The permission matrix: which roles may do which action' } },
    () => permissionMatrix(),
  )
  app.post(
    '/api/auth/sign-out',
    { config: audited, schema: { tags, summary: 'End this session' } },
    async (req, reply) => {
      await signOut(deps, req.ctx, sessionId(req))
      clearSessionCookie(reply, policy)
      return reply.code(204).send()
    },
  )
  app.post(
    '/api/auth/sign-out-everywhere',
    { config: audited, schema: { tags, summary: 'End all my sessions, on every device' } },
    async (req, reply) => {
      const result = await signOutEverywhere(deps, req.ctx)
      clearSessionCookie(reply, policy)
      return reply.send(result)
    },
  )
  app.get('/api/sessions', { schema: { tags, summary: 'My active sessions' } }, (req) =>
    listSessions(deps, req.ctx, sessionId(req)),
  )
  app.delete<{ Params: IdParams }>(
    '/api/sessions/:id',
    { config: audited, schema: { tags, summary: 'End one of my sessions', params: idParams } },
    async (req, reply) => {
      await endSession(deps, req.ctx, req.params.id)
      return reply.code(204).send()
    },
  )
  app.put(
    '/api/session/organisation',
    { config: audited, schema: { tags, summary: 'Act in another of my organisations', body: switchOrganisationInput } },
    (req) => switchOrganisation(deps, req.ctx, sessionId(req), req.body),
  )
  app.put(
    '/api/me/password',
    {
      bodyLimit: 16 * 1024,
      config: { ...audited, rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: { tags, summary: 'Change my password (ends my other sessions)', body: changePasswordInput },
    },
    async (req, reply) => {
      await changePassword(deps, req.ctx, sessionId(req), req.body)
      return reply.code(204).send()
    },
  )

  tags = ['Members']
  app.get('/api/members', { schema: { tags, summary: 'Members of the organisation and their roles' } }, (req) =>
    listMembers(deps, req.ctx),
  )
  app.patch<{ Params: { userId: string } }>(
    '/api/members/:userId',
    { config: audited, schema: { tags, summary: "Change a member's role", params: userParams, body: changeRoleInput } },
    (req) => changeMemberRole(deps, req.ctx, req.params.userId, req.body),
  )
  app.delete<{ Params: { userId: string } }>(
    '/api/members/:userId',
    {
      config: audited,
      schema: { tags, summary: 'Remove a member (ends their sessions and tokens here)', params: userParams },
    },
    async (req, reply) => {
      await removeMember(deps, req.ctx, req.params.userId)
      return reply.code(204).send()
    },
  )
  app.get('/api/invitations', { schema: { tags, summary: 'Open invitations' } }, (req) =>
    listInvitations(deps, req.ctx),
  )
  app.post(
    '/api/invitations',
    {
      config: audited,
      schema: { tags, summary: 'Invite someone by email (signed link, valid 7 days, single use)', body: inviteInput },
    },
    async (req, reply) =>
      reply
        .code(201)
        .header('cache-control', 'no-store')
        .send(await inviteMember(deps, req.ctx, req.body)),
  )
  app.delete<{ Params: IdParams }>(
    '/api/invitations/:id',
    { config: audited, schema: { tags, summary: 'Revoke an open invitation', params: idParams } },
    async (req, reply) => {
      await revokeInvitation(deps, req.ctx, req.params.id)
      return reply.code(204).send()
    },
  )

  tags = ['API tokens']
  app.get(
    '/api/tokens',
    { schema: { tags, summary: 'API tokens (all with token.manage, else my own); never the secret' } },
    (req) => listApiTokens(deps, req.ctx),
  )
  app.post(
    '/api/tokens',
    {
      config: audited,
      schema: { tags, summary: 'Create an API token; the secret is in this response only', body: createTokenInput },
    },
    async (req, reply) =>
      reply
        .code(201)
        .header('cache-control', 'no-store')
        .send(await createApiToken(deps, req.ctx, req.body)),
  )
  app.delete<{ Params: IdParams }>(
    '/api/tokens/:id',
    { config: audited, schema: { tags, summary: 'Revoke an API token', params: idParams } },
    async (req, reply) => {
      await revokeApiToken(deps, req.ctx, req.params.id)
      return reply.code(204).send()
    },
  )

  tags = ['Audit log']
  app.get(
    '/api/audit',
    { schema: { tags, summary: 'The audit log, newest first (cursor paging)', querystring: auditQueryInput } },
    (req) => queryAuditLog(deps, req.ctx, req.query),
  )
  app.get(
    '/api/audit/export',
    { schema: { tags, summary: 'Export the audit log as CSV or JSON', querystring: auditExportInput } },
    async (req, reply) => {
      const file = await exportAuditLog(deps, req.ctx, req.query)
      const extension = file.contentType.startsWith('text/csv') ? 'csv' : 'json'
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="audit-log.${extension}"`)
        .send(file.body)
    },
  )
}

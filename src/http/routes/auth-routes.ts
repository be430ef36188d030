import formbody from '@fastify/formbody'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { RequestMeta } from '../../app/accounts/accounts-options.js'
import { acceptInput, acceptInvitation } from '../../app/accounts/invitations.js'
import { previewInvitation } from '../../app/accounts/invitation-preview.js'
import { signIn, signInInput } from '../../app/accounts/sign-in.js'
import { consumeSignInLink, linkInput, requestLinkInput, requestSignInLink } from '../../app/accounts/sign-in-links.js'
import { AppError } from '../../domain/app-error.js'
import { invitationPage, messagePage, signInLinkPage } from '../accounts/account-pages.js'
import { cookiePolicy, setSessionCookie } from '../accounts/session-cookie.js'
import type { HttpDeps } from '../http-deps.js'
import type { RouteModule } from '../route-module.js'

type Signed = { token: string; expiresAt: Date; body: unknown }

/** Sign-in endpoints are the favourite target of guessing: few attempts per IP, tiny bodies. */
const guarded = { rateLimit: { max: 10, timeWindow: 60_000 }, audited: true }
const smallBody = 16 * 1024
const tokenQuery = z.object({ token: z.string().max(4096).optional() })

function meta(deps: HttpDeps, request: FastifyRequest): RequestMeta {
  return { now: deps.clock(), ip: request.ip, userAgent: request.headers['user-agent'] }
}

export const authRoutes: RouteModule = async (app, deps) => {
  const tags = ['Accounts']
  const policy = cookiePolicy(deps.baseUrl)
  const signedIn = (reply: FastifyReply, result: Signed) => {
    setSessionCookie(reply, policy, result.token, result.expiresAt)
    return reply.header('cache-control', 'no-store').send(result.body)
  }

  app.post(
    '/api/auth/sign-in',
    {
      bodyLimit: smallBody,
      config: guarded,
      schema: {
        tags,
        summary: 'Sign in with email and password (sets the session cookie)',
        body: signInInput,
        security: [],
      },
    },
    async (req, reply) => signedIn(reply, await signIn(deps, req.body, meta(deps, req))),
  )
  app.post(
    '/api/auth/link',
    {
      bodyLimit: smallBody,
      config: guarded,
      schema: { tags, summary: 'Sign in with a one-time link token', body: linkInput, security: [] },
    },
    async (req, reply) => signedIn(reply, await consumeSignInLink(deps, req.body, meta(deps, req))),
  )
  app.post(
    '/api/auth/sign-in-link',
    {
      bodyLimit: smallBody,
      config: { ...guarded, rateLimit: { max: 5, timeWindow: 60_000 } },
      schema: { tags, summary: 'Email me a one-time sign-in link', body: requestLinkInput, security: [] },
    },
    async (req, reply) => reply.code(202).send(await requestSignInLink(deps, req.body, meta(deps, req))),
  )
  app.post(
    '/api/invitations/accept',
    {
      bodyLimit: smallBody,
      config: guarded,
      schema: { tags, summary: 'Accept an invitation (new people choose a password)', body: acceptInput, security: [] },
    },
    async (req, reply) => signedIn(reply, await acceptInvitation(deps, req.body, meta(deps, req))),
  )

  // The HTML side, for links opened from email: a GET only shows a form (mail scanners open links), the POST acts.
  await app.register(async (forms) => {
    await forms.register(formbody, { bodyLimit: smallBody })
    const html = (reply: FastifyReply, status: number, body: string) =>
      reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body)
    const field = (body: unknown, name: string) =>
      body && typeof body === 'object' ? String((body as Record<string, unknown>)[name] ?? '') : ''
    const hidden = { hide: true, querystring: tokenQuery }

    forms.get<{ Querystring: { token?: string } }>('/auth/link', { schema: hidden }, (req, reply) =>
      html(reply, 200, signInLinkPage(req.query.token ?? '')),
    )
    forms.post('/auth/link', { config: guarded, schema: { hide: true } }, async (req, reply) => {
      try {
        const result = await consumeSignInLink(deps, { token: field(req.body, 'token') }, meta(deps, req))
        setSessionCookie(reply, policy, result.token, result.expiresAt)
        return reply.redirect('/console/', 303)
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        return html(
          reply,
          error.code === 'RATE_LIMITED' ? 429 : 401,
          messagePage('Sign-in link not valid', error.message),
        )
      }
    })
    forms.get<{ Querystring: { token?: string } }>('/invitations/accept', { schema: hidden }, async (req, reply) => {
      const token = req.query.token ?? ''
      const preview = await previewInvitation(deps, token, deps.clock())
      if (!preview)
        return html(
          reply,
          401,
          messagePage(
            'Invitation not valid',
            'This invitation is invalid, expired, revoked or already used; ask for a new one.',
          ),
        )
      return html(reply, 200, invitationPage({ token, ...preview }))
    })
    forms.post('/invitations/accept', { config: guarded, schema: { hide: true } }, async (req, reply) => {
      const token = field(req.body, 'token')
      const input = {
        token,
        name: field(req.body, 'name') || undefined,
        password: field(req.body, 'password') || undefined,
      }
      try {
        const result = await acceptInvitation(deps, input, meta(deps, req))
        setSessionCookie(reply, policy, result.token, result.expiresAt)
        return reply.redirect('/console/', 303)
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        const preview = await previewInvitation(deps, token, deps.clock())
        const problem = [error.message, ...error.details.map((d) => d.message)].join(': ')
        if (!preview) return html(reply, 401, messagePage('Invitation not valid', error.message))
        return html(reply, 400, invitationPage({ token, ...preview, error: problem }))
      }
    })
  })
}

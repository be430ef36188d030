import formbody from '@fastify/formbody'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { AppError } from '../../domain/app-error.js'
import {
  confirmByLink,
  describeLink,
  previewConfirmation,
  publicPageLook,
  subscribeByEmail,
  unsubscribeByLink,
  type PublicPage,
} from '../../app/subscribers/public-subscriptions.js'
import { publicSubscribeInput } from '../../app/subscribers/subscriber-input.js'
import {
  messagePage,
  styleHashSource,
  subscribeFormPage,
  confirmQuestionPage,
  unsubscribeQuestionPage,
  type PageLook,
} from '../../delivery/subscribe-pages/render-pages.js'
import type { RouteModule } from '../route-module.js'
import { answersWithDefaultPage, defaultHostsOf, normaliseHost } from '../status-page/page-hosts.js'
import { linkPageReferrerPolicy } from '../accounts/csrf-guard.js'
import { cspWithStyleSource } from '../accounts/security-headers.js'

const tags = ['Subscriptions (public)']
const linkParams = z.object({ id: z.string() })
const linkQuery = z.object({ token: z.string() })
type LinkRequest = FastifyRequest<{ Params: { id: string }; Querystring: { token?: string } }>

const wantsJson = (request: FastifyRequest) =>
  /application\/json/.test(String(request.headers.accept ?? '')) ||
  /application\/json/.test(String(request.headers['content-type'] ?? ''))
const sendHtml = (reply: FastifyReply, status: number, look: PageLook, html: string) => {
  // The security hook has set the default CSP; this page adds only the hash of its own <style>.
  const csp = reply.raw.getHeader('content-security-policy')
  if (typeof csp === 'string') reply.header('content-security-policy', cspWithStyleSource(csp, styleHashSource(look)))
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .header('referrer-policy', linkPageReferrerPolicy)
    .type('text/html; charset=utf-8')
    .send(html)
}

/**
 * The public subscribe form (works without JavaScript: a plain POST form), its JSON twin,
 * and the confirm / unsubscribe links from the emails. Pages are found by /p/:slug or by Host.
 */
export const subscribeRoutes: RouteModule = async (app, deps) => {
  await app.register(async (scope) => {
    await scope.register(formbody, { bodyLimit: 16 * 1024 })

    const pageBySlug = async (slug: string) => deps.store.publicPages.findBySlug(slug)
    const defaultHosts = defaultHostsOf(deps.baseUrl)
    // The status page's own rule: a page's hostname, else the oldest page on localhost, an IP or BASE_URL's host.
    const pageByHost = async (host: string | undefined) => {
      const name = normaliseHost(host)
      if (!name) return undefined
      const claimed = await deps.store.publicPages.findByHostname(name)
      if (claimed || !answersWithDefaultPage(name, defaultHosts)) return claimed
      return deps.store.publicPages.findOldest()
    }
    const lookOf = (page: PublicPage & { branding: { brandColor?: unknown } }, statusUrl: string): PageLook => ({
      name: page.name,
      locale: page.locale,
      statusUrl,
      ...(typeof page.branding.brandColor === 'string' ? { brandColor: page.branding.brandColor } : {}),
    })
    const componentsOf = async (page: PublicPage) =>
      (await deps.store.forOrg(page.org_id).components.list(page.id))
        .filter((c) => c.showcase)
        .map((c) => ({ id: c.id, name: c.name }))

    async function showForm(
      reply: FastifyReply,
      page: (PublicPage & { branding: { brandColor?: unknown } }) | undefined,
      statusUrl: string,
      action: string,
    ) {
      if (!page) return reply.callNotFound()
      const look = lookOf(page, statusUrl)
      return sendHtml(reply, 200, look, subscribeFormPage({ page: look, action, components: await componentsOf(page) }))
    }

    async function handleSubscribe(
      request: FastifyRequest,
      reply: FastifyReply,
      page: (PublicPage & { branding: { brandColor?: unknown } }) | undefined,
      statusUrl: string,
      action: string,
    ) {
      if (!page) return reply.callNotFound()
      const look = lookOf(page, statusUrl)
      const hours = Math.round(deps.subscribers.confirmationTtlMs / 3_600_000)
      try {
        await subscribeByEmail(deps, page, request.body, deps.clock())
      } catch (error) {
        if (wantsJson(request) || !(error instanceof AppError) || error.code !== 'VALIDATION') throw error
        const values = publicSubscribeInput.partial().safeParse(request.body)
        const chosen = values.success ? values.data.component_ids : undefined
        return sendHtml(
          reply,
          400,
          look,
          subscribeFormPage({
            page: look,
            action,
            components: await componentsOf(page),
            error: 'invalidEmail',
            values: {
              email: values.success ? values.data.email : '',
              ...(chosen ? { componentIds: Array.isArray(chosen) ? chosen : [chosen] } : {}),
            },
          }),
        )
      }
      if (wantsJson(request)) return reply.code(202).send({ accepted: true, confirmation_valid_hours: hours })
      const email = (request.body as { email?: string } | undefined)?.email ?? ''
      return sendHtml(reply, 200, look, messagePage(look, 'checkInboxTitle', 'checkInboxBody', { email, hours }))
    }

    const hostUrl = (request: FastifyRequest) => `${request.protocol}://${request.headers.host ?? ''}`
    const slugUrl = (slug: string) => `${deps.baseUrl}/p/${encodeURIComponent(slug)}`
    const slugParams = z.object({ slug: z.string() })
    const formSchema = {
      tags,
      summary: 'Subscribe by email (double opt-in): HTML form or JSON',
      body: publicSubscribeInput,
    }

    scope.get<{ Params: { slug: string } }>(
      '/p/:slug/subscribe',
      { schema: { tags, summary: 'The subscribe form of a page', params: slugParams } },
      async (request, reply) =>
        showForm(
          reply,
          await pageBySlug(request.params.slug),
          slugUrl(request.params.slug),
          `/p/${encodeURIComponent(request.params.slug)}/subscribe`,
        ),
    )
    scope.post<{ Params: { slug: string } }>(
      '/p/:slug/subscribe',
      { schema: { ...formSchema, params: slugParams } },
      async (request, reply) =>
        handleSubscribe(
          request,
          reply,
          await pageBySlug(request.params.slug),
          slugUrl(request.params.slug),
          `/p/${encodeURIComponent(request.params.slug)}/subscribe`,
        ),
    )
    scope.get(
      '/subscribe',
      { schema: { tags, summary: 'The subscribe form of the page on this Host' } },
      async (request, reply) => showForm(reply, await pageByHost(request.headers.host), hostUrl(request), '/subscribe'),
    )
    scope.post('/subscribe', { schema: formSchema }, async (request, reply) =>
      handleSubscribe(request, reply, await pageByHost(request.headers.host), hostUrl(request), '/subscribe'),
    )

    const candorLook: PageLook = { name: 'Candor', locale: 'en', statusUrl: deps.baseUrl }
    const invalidLink = (reply: FastifyReply) =>
      sendHtml(reply, 404, candorLook, messagePage(candorLook, 'invalidLinkTitle', 'invalidLinkBody'))
    const linkSchema = (summary: string) => ({ schema: { tags, summary, params: linkParams, querystring: linkQuery } })
    const orInvalid = async (reply: FastifyReply, fn: () => Promise<unknown>) => {
      try {
        return await fn()
      } catch (error) {
        if (error instanceof AppError && error.code === 'NOT_FOUND') return invalidLink(reply)
        throw error
      }
    }

    const outcomePages = {
      confirmed: ['confirmedTitle', 'confirmedBody'],
      already_active: ['alreadyTitle', 'alreadyBody'],
      expired: ['expiredTitle', 'expiredBody'],
      not_pending: ['notPendingTitle', 'notPendingBody'],
    } as const
    const sendOutcome = (reply: FastifyReply, look: PageLook, outcome: keyof typeof outcomePages) => {
      const [title, body] = outcomePages[outcome]
      return sendHtml(reply, outcome === 'expired' ? 410 : 200, look, messagePage(look, title, body))
    }
    // A GET only asks: mail scanners and link previews fetch every link in a message, and a
    // subscription they confirmed would be one nobody asked for. The page's button POSTs.
    scope.get(
      '/subscriptions/:id/confirm',
      linkSchema('Ask to confirm an email subscription (link from the confirmation mail)'),
      async (request: LinkRequest, reply) =>
        orInvalid(reply, async () => {
          const link = await previewConfirmation(deps, request.params.id, request.query.token, deps.clock())
          const look = await publicPageLook(deps, link.pageId, link.locale)
          if (link.outcome !== 'would_confirm') return sendOutcome(reply, look, link.outcome)
          const action =
            `/subscriptions/${encodeURIComponent(request.params.id)}/confirm` +
            `?token=${encodeURIComponent(request.query.token ?? '')}`
          return sendHtml(reply, 200, look, confirmQuestionPage(look, link.address, action))
        }),
    )
    scope.post(
      '/subscriptions/:id/confirm',
      linkSchema('Confirm an email subscription (the button of the confirmation page)'),
      async (request: LinkRequest, reply) =>
        orInvalid(reply, async () => {
          const result = await confirmByLink(deps, request.params.id, request.query.token, deps.clock())
          if (wantsJson(request))
            return reply.code(result.outcome === 'expired' ? 410 : 200).send({ outcome: result.outcome })
          return sendOutcome(reply, await publicPageLook(deps, result.pageId, result.locale), result.outcome)
        }),
    )
    scope.get(
      '/subscriptions/:id/unsubscribe',
      linkSchema('Ask before unsubscribing (link scanners must not unsubscribe anyone)'),
      async (request: LinkRequest, reply) =>
        orInvalid(reply, async () => {
          const link = await describeLink(deps, request.params.id, request.query.token, 'unsubscribe')
          const look = await publicPageLook(deps, link.pageId, link.locale)
          const action =
            `/subscriptions/${encodeURIComponent(request.params.id)}/unsubscribe` +
            `?token=${encodeURIComponent(request.query.token ?? '')}`
          return sendHtml(reply, 200, look, unsubscribeQuestionPage(look, link.address, action))
        }),
    )
    // RFC 8058 one-click: mail clients POST "List-Unsubscribe=One-Click" here; the page's button posts here too.
    scope.post(
      '/subscriptions/:id/unsubscribe',
      linkSchema('Unsubscribe (one-click, RFC 8058)'),
      async (request: LinkRequest, reply) =>
        orInvalid(reply, async () => {
          const result = await unsubscribeByLink(deps, request.params.id, request.query.token, deps.clock())
          if (wantsJson(request)) return reply.send({ unsubscribed: true })
          const look = await publicPageLook(deps, result.pageId, result.locale)
          return sendHtml(
            reply,
            200,
            look,
            messagePage(look, 'unsubscribedTitle', 'unsubscribedBody', { address: result.address }),
          )
        }),
    )
  })
}

import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { TestOrg } from '../support/test-app.js'

export async function pageWithComponents(app: FastifyInstance, org: TestOrg, names = ['API', 'Dashboard']) {
  const slug = `p-${randomBytes(5).toString('hex')}`
  const page = await app.inject({
    method: 'POST',
    url: '/api/pages',
    headers: org.auth,
    payload: { slug, name: 'Acme Cloud', locale: 'en' },
  })
  if (page.statusCode !== 201) throw new Error(`page: ${page.body}`)
  const pageId = page.json().id as string
  const componentIds: string[] = []
  for (const name of names) {
    componentIds.push(
      (
        await app.inject({
          method: 'POST',
          url: '/api/components',
          headers: org.auth,
          payload: { page_id: pageId, name },
        })
      ).json().id,
    )
  }
  return { pageId, slug, componentIds }
}

export { startTestPipeline as startTestDelivery } from '../support/pipeline.js'

/** Polls until `check` holds; `tick` may move the test clock so retries become due. */
export async function waitFor<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  options: { timeoutMs?: number; tick?: () => void } = {},
): Promise<T> {
  const started = Date.now()
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() - started > (options.timeoutMs ?? 20_000)) throw new Error('timed out waiting')
    options.tick?.()
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

export const form = (values: Record<string, string | string[]>) => {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(values))
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v)
  return params.toString()
}

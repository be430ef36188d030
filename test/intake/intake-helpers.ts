import type { FastifyInstance } from 'fastify'
import type { TestOrg } from '../support/test-app.js'

export async function createIntegration(
  app: FastifyInstance,
  org: TestOrg,
  kind: string,
  config: Record<string, unknown> = {},
) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/integrations',
    headers: org.auth,
    payload: { kind, name: `${kind} integration`, config },
  })
  if (response.statusCode !== 201)
    throw new Error(`creating the integration failed: ${response.statusCode} ${response.body}`)
  return response.json() as { id: string; key: string; url?: string; routing_key?: string; email?: string }
}

export async function createRule(app: FastifyInstance, org: TestOrg, rule: Record<string, unknown>) {
  const response = await app.inject({ method: 'POST', url: '/api/routing-rules', headers: org.auth, payload: rule })
  if (response.statusCode !== 201) throw new Error(`creating the rule failed: ${response.statusCode} ${response.body}`)
  return response.json() as { id: string }
}

export const postJson = (app: FastifyInstance, url: string, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json', ...headers },
    payload: JSON.stringify(payload),
  })

export const alertmanagerAlert = (
  fingerprint: string,
  status: 'firing' | 'resolved',
  labels: Record<string, string> = {},
) => ({
  status,
  labels: {
    alertname: 'CheckoutErrorRate',
    service: 'checkout',
    severity: 'critical',
    instance: fingerprint,
    ...labels,
  },
  annotations: { summary: `Checkout errors on ${fingerprint}` },
  startsAt: '2026-11-20T08:59:00Z',
  endsAt: status === 'resolved' ? '2026-11-20T09:30:00Z' : '0001-01-01T00:00:00Z',
  fingerprint,
})

export const alertmanagerGroup = (alerts: ReturnType<typeof alertmanagerAlert>[]) => ({
  version: '4',
  groupKey: '{}:{alertname="CheckoutErrorRate"}',
  status: alerts.some((a) => a.status === 'firing') ? 'firing' : 'resolved',
  receiver: 'candor',
  groupLabels: { alertname: 'CheckoutErrorRate' },
  commonLabels: {},
  commonAnnotations: {},
  externalURL: 'http://alertmanager.test',
  truncatedAlerts: 0,
  alerts,
})

import type { MessageFacts } from './message-facts.js'

/** Facts to preview and trial-render a template with when no real incident is named. */
export function sampleMessageFacts(now: Date, page = { name: 'Acme Cloud', statusUrl: 'https://status.example.com' }) {
  const facts: MessageFacts = {
    pageName: page.name,
    statusUrl: page.statusUrl,
    incidentTitle: 'Card payments fail',
    incidentUrl: `${page.statusUrl}/incidents/sample`,
    affectedComponents: ['API', 'Dashboard'],
    whoIsAffected: 'customers in the EU',
    startedAt: new Date(now.getTime() - 45 * 60_000),
    resolvedAt: now,
    expectedDuration: 'about an hour',
    workaround: 'Pay by bank transfer meanwhile.',
    message: 'We found the cause and are rolling out a fix. Payments start to go through again.',
    technicalDetail: 'Connection pool exhaustion on the payments database.',
    contact: 'support@example.com',
    responseTime: '2 hours',
    cadenceMinutes: 30,
    nextUpdateAt: new Date(now.getTime() + 30 * 60_000),
    postmortemUrl: `${page.statusUrl}/incidents/sample/postmortem`,
  }
  return facts
}

import type { Component, Incident, ProcessState } from '../../api/types'
import { describeAnswer } from './scope-answers'

export type Stage = 'acknowledgement' | 'scope' | 'update' | 'all_clear' | 'postmortem'

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' })

/**
 * The default text per stage, after the English templates (src/domain/template/locales/en.ts):
 * scope first, say sorry and own it, never blame, say when the next word comes. Filled in here
 * from the process view's checklist answers; an organisation that wrote its own status-page
 * template gets that instead (template-default-text.ts). The person edits them before publishing.
 */
export function defaultMessageText(
  stage: Stage,
  incident: Incident,
  process: ProcessState,
  components: Component[],
  now: Date,
): string {
  const names = components.filter((c) => incident.component_ids.includes(c.id)).map((c) => c.name)
  const affected = names.length > 0 ? names.join(', ') : 'some of our services'
  const who = describeAnswer(process.checklist.answers.affected)
  const whoKnown = who && who !== 'Unknown yet' ? ` affecting ${who.charAt(0).toLowerCase()}${who.slice(1)}` : ''
  const next = timeFormat.format(new Date(now.getTime() + process.cadence.minutes * 60_000))
  switch (stage) {
    case 'acknowledgement':
      return (
        `We're aware of a problem with ${affected}${whoKnown}. We're investigating the issue and assessing ` +
        `next steps. We're sorry for the disruption; fixing it is on us. We'll post the next update by ${next}.`
      )
    case 'scope': {
      const unknown = "unknown yet; we'll follow up when we know more"
      const answer = (key: string) => {
        const said = describeAnswer(process.checklist.answers[key])
        return !said || said === 'Unknown yet' ? unknown : said
      }
      return [
        whoKnown
          ? `The problem with ${affected}${whoKnown}.`
          : `We're still assessing who is affected by the problem with ${affected}.`,
        `Started: ${answer('startedAt')}. Expected to last: ${answer('expectedDuration')}. ` +
          `Workaround: ${answer('workaround')}.`,
        `We're sorry. Fixing this is on us, and we'll keep you posted. Next update by ${next}.`,
      ].join('\n\n')
    }
    case 'update':
      return (
        `An update on the problem with ${affected}${whoKnown}: we're still working on this. ` +
        `We're sorry for the trouble this causes. Next update by ${next}.`
      )
    case 'all_clear':
      return (
        `The problem with ${affected}${whoKnown} is resolved, and everything is working normally again. ` +
        `We're sorry for the disruption, and thank you for your patience while we fixed it.`
      )
    case 'postmortem':
      return (
        `We've published our postmortem on the problem with ${affected}: what happened, how we fixed it, ` +
        `and how we'll keep it from happening again.`
      )
  }
}

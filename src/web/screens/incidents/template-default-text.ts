import { useEffect, useState } from 'react'
import { api } from '../../api/client'
import type { Stage } from './default-message-text'

const templateStages: Record<Stage, string> = {
  acknowledgement: 'acknowledge',
  scope: 'scope',
  update: 'update',
  all_clear: 'all_clear',
  postmortem: 'postmortem',
}

interface StatusPagePreview {
  messages: { overridden: boolean; text: string }[]
}

/**
 * The organisation's own status-page template of this stage, rendered with the incident's
 * facts (and no message yet), when it wrote one; undefined until known, null when it uses ours.
 */
export function useOwnTemplateText(stage: Stage, incidentId: string): string | null | undefined {
  const [text, setText] = useState<string | null | undefined>(undefined)
  useEffect(() => {
    let isCurrent = true
    setText(undefined)
    api
      .post<StatusPagePreview>('/api/templates/preview', {
        stage: templateStages[stage],
        channels: ['status_page'],
        incident_id: incidentId,
        message: '',
      })
      .then(
        (preview) => {
          const own = preview.messages[0]
          if (isCurrent) setText(own?.overridden ? own.text : null)
        },
        // Without a preview (a viewer, the network), the built-in words below still work.
        () => isCurrent && setText(null),
      )
    return () => {
      isCurrent = false
    }
  }, [stage, incidentId])
  return text
}

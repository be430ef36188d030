import { getBrandVoice, lintMessageDraft, saveBrandVoice } from '../../app/templates/manage-brand-voice.js'
import { getTemplate, resetTemplate, saveTemplate } from '../../app/templates/manage-template.js'
import { listTemplates } from '../../app/templates/list-templates.js'
import { previewTemplates } from '../../app/templates/preview-templates.js'
import {
  brandVoiceInput,
  lintInput,
  listTemplatesQuery,
  previewInput,
  templateKeyParams,
  templateSourcesInput,
} from '../../app/templates/template-inputs.js'
import type { RouteModule } from '../route-module.js'

const tags = ['Templates']
const one = '/api/templates/:stage/:channel/:audience/:locale'
// Previews and lints change nothing: no audit row is owed.
const readOnly = { audited: true }

/** The organisation's own message templates, its brand voice, and the lint of drafts. */
export const templatesRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/templates',
    {
      schema: {
        tags,
        summary: 'Every template and whether it is the organisation’s own',
        querystring: listTemplatesQuery,
      },
    },
    (req) => listTemplates(deps, req.ctx, req.query),
  )
  app.get(
    one,
    { schema: { tags, summary: 'One template: what renders, and the built-in one', params: templateKeyParams } },
    (req) => getTemplate(deps, req.ctx, req.params),
  )
  app.put(
    one,
    {
      schema: {
        tags,
        summary: 'Make a template the organisation’s own (refused with line and reason when it does not render)',
        params: templateKeyParams,
        body: templateSourcesInput,
      },
    },
    (req) => saveTemplate(deps, req.ctx, req.params, req.body),
  )
  app.delete(
    one,
    { schema: { tags, summary: 'Go back to the built-in template', params: templateKeyParams } },
    async (req, reply) => {
      await resetTemplate(deps, req.ctx, req.params)
      return reply.code(204).send()
    },
  )
  app.post(
    '/api/templates/preview',
    {
      config: readOnly,
      schema: {
        tags,
        summary: 'Render a stage in every selected channel with real or sample facts',
        body: previewInput,
      },
    },
    (req) => previewTemplates(deps, req.ctx, req.body),
  )
  app.get('/api/brand-voice', { schema: { tags, summary: 'Sign-off, words to avoid and lint list' } }, (req) =>
    getBrandVoice(deps, req.ctx),
  )
  app.put(
    '/api/brand-voice',
    { schema: { tags, summary: 'Change the sign-off, words to avoid or lint list', body: brandVoiceInput } },
    (req) => saveBrandVoice(deps, req.ctx, req.body),
  )
  app.post(
    '/api/messages/lint',
    {
      config: readOnly,
      schema: { tags, summary: 'Flag blame-shifting, speculation and words to avoid in a draft', body: lintInput },
    },
    (req) => lintMessageDraft(deps, req.ctx, req.body),
  )
}

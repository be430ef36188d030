import type { Translator } from '../i18n/translator.js'
import { translator } from '../i18n/translator.js'
import type { StatusPageView } from '../view-model.js'
import { linksFrom, type Links, type RenderMode } from './links.js'

/** What every HTML fragment needs: the data, the strings, and links relative to the document being rendered. */
export interface RenderContext {
  view: StatusPageView
  tr: Translator
  mode: RenderMode
  links: Links
  path: string
}

export function renderContext(view: StatusPageView, mode: RenderMode, path: string): RenderContext {
  return { view, tr: translator(view.page.locale, view.page.timeZone), mode, links: linksFrom(mode, path), path }
}

export function componentNames(ctx: RenderContext, ids: readonly string[]): string[] {
  const byId = new Map(ctx.view.components.map((c) => [c.id, c.name]))
  return ids.map((id) => byId.get(id)).filter((name): name is string => name !== undefined)
}

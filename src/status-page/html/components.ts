import { worstComponentStatus, type ComponentStatus } from '../../domain/component/component-status.js'
import type { ComponentGroupView, ComponentView } from '../view-model.js'
import type { RenderContext } from './context.js'
import { statusIcon } from './icons.js'
import { html, type SafeHtml } from './safe-html.js'
import { uptimeBars } from './uptime-bars.js'

const byPosition = <T extends { position: number; name: string }>(a: T, b: T) =>
  a.position - b.position || a.name.localeCompare(b.name)

export function isVisible(c: ComponentView): boolean {
  return !(c.onlyShowIfDegraded && c.status === 'operational')
}

function statusText(ctx: RenderContext, status: ComponentStatus): SafeHtml {
  return html`<span class="status st-${status}">${statusIcon(status)}<span>${ctx.tr.t(
    `componentStatus.${status}`,
  )}</span></span>`
}

function componentItem(ctx: RenderContext, c: ComponentView): SafeHtml {
  return html`<li class="component" id="component-${c.id}" data-status="${c.status}">
<div class="row"><span class="name">${c.name}</span>${statusText(ctx, c.status)}</div>
${c.description ? html`<p class="description">${c.description}</p>` : ''}
${c.showcase && c.uptime ? uptimeBars(ctx, c.uptime, c.name) : ''}
</li>`
}

/** Groups open by themselves when something inside is not operational. */
function groupItem(ctx: RenderContext, group: ComponentGroupView, members: ComponentView[]): SafeHtml {
  const status = worstComponentStatus(members.map((m) => m.status))
  return html`<li class="group" data-status="${status}">
<details id="group-${group.id}"${status === 'operational' ? '' : html` open`}>
<summary><span class="row"><span class="name">${group.name} <span class="count">${ctx.tr.t('componentCount', {
    count: members.length,
  })}</span></span>${statusText(ctx, status)}</span></summary>
${group.description ? html`<p class="description">${group.description}</p>` : ''}
<ul class="component-list">${members.map((m) => componentItem(ctx, m))}</ul>
</details>
</li>`
}

export function componentsSection(ctx: RenderContext): SafeHtml {
  const { view, tr } = ctx
  const visible = view.components.filter(isVisible)
  type Entry = { position: number; name: string; render: () => SafeHtml }
  const entries: Entry[] = visible
    .filter((c) => !c.groupId || !view.groups.some((g) => g.id === c.groupId))
    .map((c) => ({ ...c, render: () => componentItem(ctx, c) }))
  for (const group of view.groups) {
    const members = visible.filter((c) => c.groupId === group.id).sort(byPosition)
    if (members.length)
      entries.push({ position: group.position, name: group.name, render: () => groupItem(ctx, group, members) })
  }
  return html`<div id="components" data-live><section class="block" aria-labelledby="components-title">
<h2 id="components-title">${tr.t('components')}</h2>
<ul class="component-list">${entries.sort(byPosition).map((e) => e.render())}</ul>
</section></div>`
}

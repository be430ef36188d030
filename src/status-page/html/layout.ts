import { assetPaths, livePath } from './links.js'
import type { RenderContext } from './context.js'
import { iconSprite } from './icons.js'
import { html, safeUrl, type SafeHtml, trustedHtml } from './safe-html.js'

/** The one polite live region of a live page: page-script.ts puts a summary of each change here. */
const liveAnnouncer = trustedHtml(
  '<div id="live-announcer" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true"></div>',
)

function header(ctx: RenderContext): SafeHtml {
  const { view, tr, links, mode } = ctx
  const { name, branding } = view.page
  const logo = safeUrl(branding.logoUrl)
  // The live instance has a subscribe form beside every page; a static copy falls back to its feeds.
  const subscribe = safeUrl(branding.subscribeUrl) ?? (mode === 'server' ? links.to('/subscribe') : '#subscribe')
  return html`<header class="site-header"><div class="wrap">
<a class="brand" href="${links.home}">${
    logo ? html`<img src="${logo}" alt="${tr.t('logoAlt', { name })}" height="32">` : ''
  }<span>${name}</span></a>
<nav aria-label="${tr.t('pageTitle', { name })}"><a href="${links.history()}">${tr.t(
    'history',
  )}</a><a class="button" href="${subscribe}">${tr.t('subscribe')}</a></nav>
</div></header>`
}

function footer(ctx: RenderContext): SafeHtml {
  const { view, tr, links } = ctx
  const support = safeUrl(view.page.branding.supportUrl)
  return html`<footer class="site-footer" id="subscribe"><div class="wrap">
<h2 class="visually-hidden">${tr.t('feeds')}</h2>
<ul class="feeds">
<li><a href="${links.to(assetPaths.atom)}">${tr.t('atomFeed')}</a></li>
<li><a href="${links.to(assetPaths.rss)}">${tr.t('rssFeed')}</a></li>
<li><a href="${links.to(assetPaths.calendar)}">${tr.t('calendar')}</a></li>
<li><a href="${links.to(assetPaths.summary)}">${tr.t('apiLink')}</a></li>
${support ? html`<li><a href="${support}">${tr.t('contactSupport')}</a></li>` : ''}
</ul>
<p class="powered">${tr.t('poweredBy')}</p>
</div></footer>`
}

/** The whole document around one page's main content. */
export function documentHtml(ctx: RenderContext, title: string, main: SafeHtml): string {
  const { view, tr, links, mode } = ctx
  const feedTitle = tr.t('feedTitle', { name: view.page.name })
  const live = mode === 'server' ? links.to(livePath) : null
  return html`<!doctype html>
<html lang="${view.page.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
<meta name="description" content="${tr.t(`indicator.${view.indicator}`)}">
<link rel="icon" type="image/svg+xml" href="${links.to(assetPaths.favicon)}">
<link rel="stylesheet" href="${links.to(assetPaths.css)}">
<link rel="alternate" type="application/atom+xml" title="${feedTitle}" href="${links.to(assetPaths.atom)}">
<link rel="alternate" type="application/rss+xml" title="${feedTitle}" href="${links.to(assetPaths.rss)}">
<script src="${links.to(assetPaths.script)}" defer></script>
</head>
<body${live ? html` data-live="${live}"` : ''}>
${live ? liveAnnouncer : ''}
${iconSprite}
<a class="skip" href="#main">${tr.t('skipToContent')}</a>
${header(ctx)}
<main id="main" class="wrap">
${main}
</main>
${footer(ctx)}
</body>
</html>
`.value
}

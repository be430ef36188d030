import { indicators } from '../../domain/component/page-indicator.js'
import type { Translator } from '../i18n/translator.js'

/**
 * The embeddable widget (/widget.js): customers put one <script src> on their own site;
 * it reads summary.json beside itself and, when the indicator is not "none", shows a
 * small dismissible banner. It only ever sets textContent, never markup.
 */
export function widgetScript(tr: Translator, pageUrl: string): string {
  const strings = {
    descriptions: Object.fromEntries(indicators.map((i) => [i, tr.t(`indicator.${i}`)])),
    view: tr.t('widgetView'),
    dismiss: tr.t('widgetDismiss'),
    pageUrl,
  }
  return (
    `(function () {
  'use strict';
  var strings = ${JSON.stringify(strings)};
  var script = document.currentScript;
  var base = script && script.src ? script.src : strings.pageUrl + '/widget.js';
  var colours = { minor: '#9a6700', major: '#bc4c00', critical: '#cf222e', maintenance: '#0969da' };
  var key = 'candor-widget-dismissed';

  function show(summary) {
    var indicator = summary && summary.status && summary.status.indicator;
    if (!indicator || indicator === 'none') return;
    var incident = (summary.incidents || [])[0];
    var signature = indicator + ':' + (incident ? incident.id + incident.updated_at : '');
    try { if (sessionStorage.getItem(key) === signature) return; } catch (e) {}
    var box = document.createElement('div');
    box.setAttribute('role', 'status');
    box.className = 'candor-status-widget';
    var s = box.style;
    s.position = 'fixed'; s.zIndex = '2147483000'; s.right = '16px'; s.bottom = '16px'; s.maxWidth = '22rem';
    s.padding = '12px 14px'; s.borderRadius = '8px'; s.color = '#fff'; s.background = colours[indicator] || '#59636e';
    s.font = '14px/1.4 system-ui, sans-serif'; s.boxShadow = '0 4px 16px rgba(0,0,0,.25)';
    var title = document.createElement('strong');
    title.textContent = strings.descriptions[indicator] || summary.status.description;
    box.appendChild(title);
    if (incident) {
      var name = document.createElement('div');
      name.textContent = incident.name;
      box.appendChild(name);
    }
    var link = document.createElement('a');
    link.href = (summary.page && summary.page.url) || strings.pageUrl;
    link.textContent = strings.view;
    link.style.color = '#fff'; link.style.marginRight = '12px';
    var close = document.createElement('button');
    close.type = 'button';
    close.textContent = strings.dismiss;
    close.style.cssText = 'background:transparent;color:#fff;border:1px ` +
    `solid #fff;border-radius:4px;cursor:pointer;font:inherit;padding:0 6px';
    close.addEventListener('click', function () {
      box.remove();
      try { sessionStorage.setItem(key, signature); } catch (e) {}
    });
    var actions = document.createElement('div');
    actions.style.marginTop = '6px';
    actions.appendChild(link);
    actions.appendChild(close);
    box.appendChild(actions);
    document.body.appendChild(box);
  }

  fetch(new URL('api/v2/summary.json', base).href, { credentials: 'omit' })
    .then(function (res) { return res.ok ? res.json() : null; })
    .then(function (summary) {
      if (document.body) show(summary);
      else document.addEventListener('DOMContentLoaded', function () { show(summary); });
    })
    .catch(function () {});
})();
`
  )
}

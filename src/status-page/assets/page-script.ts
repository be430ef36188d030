/**
 * The page's only script, served as /assets/status.js. Without it the page is complete
 * (UTC times, state at load). With it: times in the reader's zone plus "5 minutes ago",
 * and live updates: on each server-sent `change` event the current URL is fetched again
 * (a cheap 304/snapshot hit) and the regions marked data-live are swapped in place. Swapped
 * regions are not read out, so a summary of what changed goes to the page's one polite live
 * region (#live-announcer), in the page's own words (banner, incident, newest update).
 */
export const pageScript =
  `(function () {
  'use strict';
  var lang = document.documentElement.lang || undefined;
  var absolute = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  var relative = typeof Intl.RelativeTimeFormat === 'function' ? ` +
  `new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }) : null;
  var units = [['year', 31536e6], ['month', 2592e6], ['week', 6048e5], ['day', 864e5], ['hour', 36e5], ['minute', 6e4]];

  // Days count by the calendar: 2 AM the day after tomorrow is "in 2 days", not "tomorrow" (34 hours).
  function calendarDays(atMs, nowMs) {
    var a = new Date(atMs); a.setHours(0, 0, 0, 0);
    var b = new Date(nowMs); b.setHours(0, 0, 0, 0);
    return Math.round((a.getTime() - b.getTime()) / 864e5);
  }

  function ago(atMs, nowMs) {
    var ms = atMs - nowMs;
    for (var i = 0; i < units.length; i++) {
      if (Math.abs(ms) >= units[i][1] || units[i][0] === 'minute') {
        if (units[i][0] === 'day') return relative.format(calendarDays(atMs, nowMs), 'day');
        return relative.format(Math.round(ms / units[i][1]), units[i][0]);
      }
    }
  }

  function localise(root) {
    var nodes = root.querySelectorAll('time[datetime]:not([data-date])');
    for (var i = 0; i < nodes.length; i++) {
      var el = nodes[i];
      var at = new Date(el.getAttribute('datetime'));
      if (isNaN(at.getTime())) continue;
      if (!el.hasAttribute('data-utc')) el.setAttribute('data-utc', el.textContent);
      el.title = el.getAttribute('data-utc');
      el.textContent = absolute.format(at) + (relative ? ' (' + ago(at.getTime(), Date.now()) + ')' : '');
    }
  }

  function keepDisclosureState(from, to) {
    var open = from.querySelectorAll('details[id]');
    for (var i = 0; i < open.length; i++) {
      var twin = to.querySelector('#' + CSS.escape(open[i].id));
      if (twin) twin.open = open[i].open;
    }
  }

  function text(el) { return el ? el.textContent.replace(/\\s+/g, ' ').trim() : ''; }

  function summary(root) {
    var parts = [text(root.querySelector('#status-banner'))];
    var incident = root.querySelector('#active-incidents article, #incident-detail article');
    if (incident) {
      parts.push(text(incident.querySelector('.incident-title')));
      var update = incident.querySelector('.update');
      if (update) parts.push(text(update.querySelector('.update-status')) + ': ' + ` +
  `text(update.querySelector('.update-body')));
    }
    return parts.filter(Boolean).join('. ');
  }

  var announced = '';
  function announce() {
    var region = document.getElementById('live-announcer');
    var said = summary(document);
    if (!region || said === announced) return;
    announced = said;
    // Emptied first, then filled: screen readers announce a change, not a node that was already there.
    region.textContent = '';
    setTimeout(function () { region.textContent = said; }, 100);
  }

  var busy = false;
  var again = false;
  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    fetch(location.href, { cache: 'no-cache', credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(function (res) { if (!res.ok) throw new Error(String(res.status)); return res.text(); })
      .then(function (text) {
        var doc = new DOMParser().parseFromString(text, 'text/html');
        var regions = doc.querySelectorAll('[data-live][id]');
        for (var i = 0; i < regions.length; i++) {
          var current = document.getElementById(regions[i].id);
          if (!current) continue;
          var next = document.importNode(regions[i], true);
          keepDisclosureState(current, next);
          current.replaceWith(next);
          localise(next);
        }
        document.title = doc.title;
        announce();
        document.dispatchEvent(new CustomEvent('candor:updated'));
      })
      .catch(function () {})
      .then(function () { busy = false; if (again) { again = false; refresh(); } });
  }

  function start() {
    announced = summary(document);
    localise(document);
    setInterval(function () { localise(document); }, 60000);
    var live = document.body.getAttribute('data-live');
    if (!live || typeof EventSource !== 'function') return;
    var source = new EventSource(live);
    var connectedBefore = false;
    source.addEventListener('change', refresh);
    // After a dropped connection, changes may have been missed: fetch once on reconnect.
    source.addEventListener('open', function () { if (connectedBefore) refresh(); connectedBefore = true; });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
`

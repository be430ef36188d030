import type { LocaleCatalog } from '../catalog.js'

export const de: LocaleCatalog = {
  locale: 'de',
  strings: {
    someServices: 'einigen unserer Dienste',
    unknownYet: 'noch unbekannt; wir melden uns, sobald wir mehr wissen',
    thirdPartyProvider: 'einem unserer Drittanbieter',
    technicalDetails: 'Technische Details',
    viewStatusPage: 'Statusseite öffnen',
    unsubscribe: 'Abmelden',
    whyReceiving: 'Sie erhalten diese Nachricht, weil Sie Statusmeldungen von {page_name} abonniert haben.',
    drillNotice: 'Dies ist eine Übung. Es gibt keinen echten Vorfall.',
    drillSubjectPrefix: '[ÜBUNG] ',
    internalNotice: 'Intern: nur für das Team, bitte nicht weiterleiten.',
  },
  stages: {
    acknowledge: {
      subject: '{{ page_name }}: Wir untersuchen ein Problem mit {{ affected }}',
      body:
        `Uns ist ein Problem mit {{ affected }} bekannt{% if who_known %}, das ` +
        `{{ who }} betrifft{% endif %}. Wir untersuchen es und prüfen die nächsten Schritte.

Wir entschuldigen uns für die Störung. Die Behebung liegt in unserer Verantwortung.

{{ message }}

Die nächste Meldung folgt{% if next_update_at %} bis {{ next_update_at }}` +
        `{% endif %} auf unserer Statusseite: {{ status_url }}`,
      short:
        'Uns ist ein Problem mit {{ affected }} bekannt{% if who_known %}, das ' +
        '{{ who }} betrifft{% endif %}; wir untersuchen es. Updates: {{ status_url }}',
    },
    scope: {
      subject: '{{ page_name }}: Wer vom Problem mit {{ affected }} betroffen ist',
      body:
        `{% if who_known %}Das Problem mit {{ affected }} betrifft {{ who }}.{% else %}Wir prüfen noch, ` +
        `wer vom Problem mit {{ affected }} betroffen ist, und melden uns, sobald wir mehr wissen.{% endif %}

- Beginn: {{ started_at }}
- Voraussichtliche Dauer: {{ expected_duration }}
- Umgehung: {{ workaround }}

{% if has_third_party %}Die Ursache liegt bei {{ provider }}; die Lösung für Sie bleibt unsere Aufgabe. ` +
        `{% endif %}Es tut uns leid. Die Behebung liegt in unserer Verantwortung, und wir halten Sie auf dem Laufenden.

{{ message }}

Nächste Meldung{% if next_update_at %} bis {{ next_update_at }}{% endif %} auf unserer Statusseite: {{ status_url }}`,
      short:
        '{% if who_known %}Das Problem mit {{ affected }} betrifft {{ who }}.{% else %}' +
        'Wir prüfen, wer vom Problem mit {{ affected }} betroffen ist.{% endif %} ' +
        'Es tut uns leid; die Behebung liegt bei uns. Details: {{ status_url }}',
    },
    update: {
      subject: '{{ page_name }}: Neues zum Problem mit {{ affected }}',
      body:
        `Neues zum Problem mit {{ affected }}{% if who_known %}, das {{ who }} betrifft{% endif %}.

{% if message %}{{ message }}{% else %}Wir arbeiten weiter daran.{% endif %}

{% if has_third_party %}Die Ursache liegt bei {{ provider }}; wir arbeiten ` +
        `mit ihnen daran, und die Lösung für Sie ist unsere Aufgabe.{% endif %}

{% if contact %}Noch läuft nicht alles wieder; wir verringern die Auswirkungen. ` +
        `Wenn Sie jetzt Hilfe brauchen, erreichen Sie uns unter {{ contact }}{% if response_time %}` +
        `; wir antworten innerhalb von {{ response_time }}{% endif %}.{% endif %}

Wir entschuldigen uns für die Unannehmlichkeiten. Nächste ` +
        `Meldung{% if next_update_at %} bis {{ next_update_at }}{% endif %}: {{ status_url }}`,
      short:
        'Neues zum Problem mit {{ affected }}: {% if message_short %}{{ message_short }}' +
        '{% else %}Wir arbeiten weiter daran.{% endif %} {{ status_url }}',
    },
    all_clear: {
      subject: '{{ page_name }}: Das Problem mit {{ affected }} ist behoben',
      body:
        `Das Problem mit {{ affected }}{% if who_known %}, das {{ who }} betraf,{% endif %} ist ` +
        `behoben{% if resolved_at %} (seit {{ resolved_at }}){% endif %}, und alles funktioniert wieder normal.

{{ message }}

Wir entschuldigen uns für die Störung und danken Ihnen für Ihre Geduld.

Eine Zusammenfassung, was passiert ist und wie wir es künftig verhindern, veröffentlichen wir hier: {{ summary_url }}`,
      short:
        'Behoben: das Problem mit {{ affected }}. Danke für Ihre Geduld, und ' +
        'entschuldigen Sie die Störung. Zusammenfassung: {{ summary_url }}',
    },
    postmortem: {
      subject: '{{ page_name }}: Was mit {{ affected }} passiert ist und was wir ändern',
      body:
        `Wir haben unsere Nachbetrachtung zum Problem mit {{ affected }}` +
        `{% if started_at_known %} ab {{ started_at }}{% endif %} veröffentlicht: ` +
        `was passiert ist, wie wir es behoben haben und wie wir es künftig verhindern.

{{ message }}

Hier lesen: {{ summary_url }}

Wir entschuldigen uns für die Störung und danken Ihnen für Ihre Geduld.`,
      short:
        'Unsere Nachbetrachtung zum Problem mit {{ affected }}: was passiert ist, ' +
        'wie wir es behoben haben und wie wir es verhindern. {{ summary_url }}',
    },
    cadence_change: {
      subject: '{{ page_name }}: Meldungen zu {{ affected }} alle {{ cadence }}',
      body:
        `Zum Problem mit {{ affected }}{% if who_known %}, das {{ who }} ` +
        `betrifft{% endif %}: Wir melden uns ab jetzt alle {{ cadence }}` +
        `{% if next_update_at %}, das nächste Mal bis {{ next_update_at }}{% endif %}.

{{ message }}

Es tut uns leid; die Behebung hat weiter höchste Priorität. Mitlesen: {{ status_url }}`,
      short: 'Problem mit {{ affected }}: Wir melden uns ab jetzt alle {{ cadence }}. {{ status_url }}',
    },
    stand_down: {
      subject:
        '{% if false_alarm %}Entwarnung: {{ incident_title }} war ein ' +
        'Fehlalarm{% else %}Entwarnung: {{ incident_title }} ist behoben{% endif %}',
      body:
        `{% if false_alarm %}Entwarnung: {{ incident_title }} erfüllt die Krisenkriterien nicht. Kunden ` +
        `erhalten keine Nachricht, und Sie müssen nichts tun.{% else %}Entwarnung: {{ incident_title }} ` +
        `ist behoben, und die Kunden haben die Entwarnung erhalten. Danke an alle für die Arbeit.{% endif %}

{{ message }}

{% unless false_alarm %}Die Nachbetrachtung erscheint hier: {{ summary_url }}{% endunless %}`,
      short:
        '{% if false_alarm %}Entwarnung: {{ incident_title }} war ein Fehlalarm; ' +
        'keine Kundennachricht.{% else %}Entwarnung: {{ incident_title }} ist ' +
        'behoben; Kunden haben die Entwarnung.{% endif %} {{ incident_url }}',
    },
  },
}

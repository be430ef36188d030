import type { LocaleCatalog } from '../catalog.js'

export const fr: LocaleCatalog = {
  locale: 'fr',
  strings: {
    someServices: 'certains de nos services',
    unknownYet: 'encore inconnu ; nous reviendrons vers vous dès que nous en saurons plus',
    thirdPartyProvider: "l'un de nos prestataires tiers",
    technicalDetails: 'Détails techniques',
    viewStatusPage: 'Voir la page de statut',
    unsubscribe: 'Se désabonner',
    whyReceiving: 'Vous recevez ce message parce que vous êtes abonné aux mises à jour de statut de {page_name}.',
    drillNotice: "Ceci est un exercice. Aucun incident réel n'est en cours.",
    drillSubjectPrefix: '[EXERCICE] ',
    internalNotice: "Interne : réservé à l'équipe, ne pas transférer.",
  },
  stages: {
    acknowledge: {
      subject: '{{ page_name }} : nous examinons un problème avec {{ affected }}',
      body:
        `Nous avons connaissance d'un problème avec {{ affected }}{% if who_known %} ` +
        `qui touche {{ who }}{% endif %}. Nous l'examinons et évaluons les prochaines étapes.

Nous sommes désolés pour la gêne occasionnée. La résolution nous incombe.

{{ message }}

Nous publierons la prochaine mise à jour{% if next_update_at %} d'ici ` +
        `{{ next_update_at }}{% endif %} sur notre page de statut : {{ status_url }}`,
      short:
        "Nous avons connaissance d'un problème avec {{ affected }}{% if who_known %} " +
        "qui touche {{ who }}{% endif %} et l'examinons. Suivi : {{ status_url }}",
    },
    scope: {
      subject: '{{ page_name }} : qui est touché par le problème avec {{ affected }}',
      body:
        `{% if who_known %}Le problème avec {{ affected }} touche {{ who }}` +
        `.{% else %}Nous évaluons encore qui est touché par le problème avec ` +
        `{{ affected }} ; nous reviendrons vers vous dès que nous en saurons plus.{% endif %}

- Début : {{ started_at }}
- Durée prévue : {{ expected_duration }}
- Solution de contournement : {{ workaround }}

{% if has_third_party %}La cause se trouve chez {{ provider }} ; vous apporter la solution reste notre ` +
        `responsabilité. {% endif %}Nous en sommes désolés. La résolution nous incombe, et nous vous tiendrons informés.

{{ message }}

Prochaine mise à jour{% if next_update_at %} d'ici {{ next_update_at }}` +
        `{% endif %} sur notre page de statut : {{ status_url }}`,
      short:
        '{% if who_known %}Le problème avec {{ affected }} touche {{ who }}.{% else %}' +
        'Nous évaluons qui est touché par le problème avec {{ affected }}.{% endif %} ' +
        'Nous en sommes désolés ; la résolution nous incombe. Détails : {{ status_url }}',
    },
    update: {
      subject: '{{ page_name }} : point sur le problème avec {{ affected }}',
      body:
        `Un point sur le problème avec {{ affected }}{% if who_known %} qui touche {{ who }}{% endif %}.

{% if message %}{{ message }}{% else %}Nous y travaillons toujours.{% endif %}

{% if has_third_party %}La cause se trouve chez {{ provider }} ; nous ` +
        `travaillons avec eux, et la solution pour vous nous incombe.{% endif %}

{% if contact %}Tout n'est pas encore rétabli ; nous réduisons l'impact. Si ` +
        `vous avez besoin d'aide maintenant, écrivez-nous à {{ contact }}` +
        `{% if response_time %} ; nous répondons sous {{ response_time }}{% endif %}.{% endif %}

Nous sommes désolés pour la gêne occasionnée. Prochaine mise à ` +
        `jour{% if next_update_at %} d'ici {{ next_update_at }}{% endif %} : {{ status_url }}`,
      short:
        'Point sur le problème avec {{ affected }} : {% if message_short %}{{ message_short }}' +
        '{% else %}nous y travaillons toujours.{% endif %} {{ status_url }}',
    },
    all_clear: {
      subject: '{{ page_name }} : le problème avec {{ affected }} est résolu',
      body:
        `Le problème avec {{ affected }}{% if who_known %} qui touchait {{ who }}{% endif %} est ` +
        `résolu{% if resolved_at %} depuis {{ resolved_at }}{% endif %}, et tout fonctionne à nouveau normalement.

{{ message }}

Nous sommes désolés pour la gêne occasionnée et vous remercions de votre patience.

Nous publierons ici un résumé de ce qui s'est passé et de ce que nous faisons pour l'éviter : {{ summary_url }}`,
      short:
        'Résolu : le problème avec {{ affected }}. Merci de votre ' +
        'patience, et désolés pour la gêne. Résumé : {{ summary_url }}',
    },
    postmortem: {
      subject: "{{ page_name }} : ce qui s'est passé avec {{ affected }} et ce que nous changeons",
      body:
        `Nous avons publié notre analyse post-incident sur le problème avec {{ affected }}` +
        `{% if started_at_known %} survenu le {{ started_at }}{% endif %} : ce qui s'est ` +
        `passé, comment nous l'avons résolu et comment nous éviterons qu'il se reproduise.

{{ message }}

À lire ici : {{ summary_url }}

Nous sommes désolés pour la gêne occasionnée et vous remercions de votre patience.`,
      short:
        "Notre analyse post-incident sur le problème avec {{ affected }} : ce qui s'est " +
        "passé, comment nous l'avons résolu et comment l'éviter. {{ summary_url }}",
    },
    cadence_change: {
      subject: '{{ page_name }} : des nouvelles sur {{ affected }} toutes les {{ cadence }}',
      body:
        `À propos du problème avec {{ affected }}{% if who_known %} qui touche ` +
        `{{ who }}{% endif %} : nous publierons désormais une mise à jour toutes les ` +
        `{{ cadence }}{% if next_update_at %}, la prochaine d'ici {{ next_update_at }}{% endif %}.

{{ message }}

Nous sommes désolés pour la gêne ; la résolution reste notre priorité. Pour suivre : {{ status_url }}`,
      short:
        'Problème avec {{ affected }} : nous publierons désormais ' +
        'une mise à jour toutes les {{ cadence }}. {{ status_url }}',
    },
    stand_down: {
      subject:
        "{% if false_alarm %}Fin d'alerte : {{ incident_title }} était une fausse " +
        "alerte{% else %}Fin d'alerte : {{ incident_title }} est résolu{% endif %}",
      body:
        `{% if false_alarm %}Fin d'alerte : {{ incident_title }} ne remplit pas les ` +
        `critères de crise. Aucun message ne part vers les clients, et vous n'avez rien ` +
        `à faire.{% else %}Fin d'alerte : {{ incident_title }} est résolu et les clients ` +
        `ont reçu le message de fin d'incident. Merci à tous pour votre travail.{% endif %}

{{ message }}

{% unless false_alarm %}L'analyse post-incident sera ici : {{ summary_url }}{% endunless %}`,
      short:
        "{% if false_alarm %}Fin d'alerte : {{ incident_title }} était une fausse " +
        "alerte ; aucun message client.{% else %}Fin d'alerte : {{ incident_title }} " +
        'est résolu ; les clients sont informés.{% endif %} {{ incident_url }}',
    },
  },
}

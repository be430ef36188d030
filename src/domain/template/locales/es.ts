import type { LocaleCatalog } from '../catalog.js'

export const es: LocaleCatalog = {
  locale: 'es',
  strings: {
    someServices: 'algunos de nuestros servicios',
    unknownYet: 'aún no lo sabemos; te avisaremos en cuanto sepamos más',
    thirdPartyProvider: 'uno de nuestros proveedores externos',
    technicalDetails: 'Detalles técnicos',
    viewStatusPage: 'Ver la página de estado',
    unsubscribe: 'Cancelar la suscripción',
    whyReceiving: 'Recibes este mensaje porque te suscribiste a las actualizaciones de estado de {page_name}.',
    drillNotice: 'Esto es un simulacro. No hay ningún incidente real.',
    drillSubjectPrefix: '[SIMULACRO] ',
    internalNotice: 'Interno: solo para el equipo, no reenviar.',
  },
  stages: {
    acknowledge: {
      subject: '{{ page_name }}: estamos investigando un problema con {{ affected }}',
      body:
        `Sabemos que hay un problema con {{ affected }}{% if who_known %} que afecta ` +
        `a {{ who }}{% endif %}. Lo estamos investigando y evaluando los próximos pasos.

Lamentamos las molestias. Resolverlo es responsabilidad nuestra.

{{ message }}

Publicaremos la próxima actualización{% if next_update_at %} antes de ` +
        `{{ next_update_at }}{% endif %} en nuestra página de estado: {{ status_url }}`,
      short:
        'Sabemos que hay un problema con {{ affected }}{% if who_known %} que afecta ' +
        'a {{ who }}{% endif %} y lo estamos investigando. Novedades: {{ status_url }}',
    },
    scope: {
      subject: '{{ page_name }}: a quién afecta el problema con {{ affected }}',
      body:
        `{% if who_known %}El problema con {{ affected }} afecta a {{ who }}.{% else %}Todavía estamos ` +
        `evaluando a quién afecta el problema con {{ affected }}; te avisaremos en cuanto sepamos más.{% endif %}

- Inicio: {{ started_at }}
- Duración prevista: {{ expected_duration }}
- Solución provisional: {{ workaround }}

{% if has_third_party %}La causa está en {{ provider }}; darte una solución sigue siendo cosa ` +
        `nuestra. {% endif %}Lo sentimos. Resolverlo es responsabilidad nuestra y te mantendremos informado.

{{ message }}

Próxima actualización{% if next_update_at %} antes de {{ next_update_at }}` +
        `{% endif %} en nuestra página de estado: {{ status_url }}`,
      short:
        '{% if who_known %}El problema con {{ affected }} afecta a {{ who }}.{% else %}' +
        'Estamos evaluando a quién afecta el problema con {{ affected }}.{% endif %} ' +
        'Lo sentimos; resolverlo es cosa nuestra. Detalles: {{ status_url }}',
    },
    update: {
      subject: '{{ page_name }}: novedades sobre el problema con {{ affected }}',
      body:
        `Novedades sobre el problema con {{ affected }}{% if who_known %} que afecta a {{ who }}{% endif %}.

{% if message %}{{ message }}{% else %}Seguimos trabajando en ello.{% endif %}

{% if has_third_party %}La causa está en {{ provider }}; trabajamos ` +
        `con ellos y la solución para ti es responsabilidad nuestra.{% endif %}

{% if contact %}Aún no está todo restablecido; estamos reduciendo el impacto. Si necesitas ayuda ahora, escríbenos ` +
        `a {{ contact }}{% if response_time %}; respondemos en menos de {{ response_time }}{% endif %}.{% endif %}

Lamentamos las molestias. Próxima actualización{% if next_update_at %} ` +
        `antes de {{ next_update_at }}{% endif %}: {{ status_url }}`,
      short:
        'Novedades sobre el problema con {{ affected }}: {% if message_short %}' +
        '{{ message_short }}{% else %}seguimos trabajando en ello.{% endif %} {{ status_url }}',
    },
    all_clear: {
      subject: '{{ page_name }}: el problema con {{ affected }} está resuelto',
      body:
        `El problema con {{ affected }}{% if who_known %} que afectaba a {{ who }}{% endif %} está ` +
        `resuelto{% if resolved_at %} desde {{ resolved_at }}{% endif %} y todo funciona con normalidad.

{{ message }}

Lamentamos las molestias y te agradecemos tu paciencia mientras lo resolvíamos.

Publicaremos aquí un resumen de lo ocurrido y de cómo evitaremos que se repita: {{ summary_url }}`,
      short:
        'Resuelto: el problema con {{ affected }}. Gracias por tu ' +
        'paciencia y perdona las molestias. Resumen: {{ summary_url }}',
    },
    postmortem: {
      subject: '{{ page_name }}: qué pasó con {{ affected }} y qué vamos a cambiar',
      body:
        `Hemos publicado nuestro análisis del problema con {{ affected }}{% if started_at_known %} que ` +
        `empezó el {{ started_at }}{% endif %}: qué pasó, cómo lo solucionamos y cómo evitaremos que se repita.

{{ message }}

Léelo aquí: {{ summary_url }}

Lamentamos las molestias y te agradecemos tu paciencia.`,
      short:
        'Nuestro análisis del problema con {{ affected }}: qué pasó, ' +
        'cómo lo solucionamos y cómo lo evitaremos. {{ summary_url }}',
    },
    cadence_change: {
      subject: '{{ page_name }}: novedades sobre {{ affected }} cada {{ cadence }}',
      body:
        `Sobre el problema con {{ affected }}{% if who_known %} que afecta a ` +
        `{{ who }}{% endif %}: a partir de ahora publicaremos novedades cada {{ cadence }}` +
        `{% if next_update_at %}, la próxima antes de {{ next_update_at }}{% endif %}.

{{ message }}

Lamentamos las molestias; resolverlo sigue siendo nuestra prioridad. Síguelo aquí: {{ status_url }}`,
      short:
        'Problema con {{ affected }}: a partir de ahora publicaremos novedades cada {{ cadence }}. {{ status_url }}',
    },
    stand_down: {
      subject:
        '{% if false_alarm %}Fin de la alerta: {{ incident_title }} fue una falsa ' +
        'alarma{% else %}Fin de la alerta: {{ incident_title }} está resuelto{% endif %}',
      body:
        `{% if false_alarm %}Fin de la alerta: {{ incident_title }} no cumple los ` +
        `criterios de crisis. No se enviará ningún mensaje a los clientes y no tienes que ` +
        `hacer nada.{% else %}Fin de la alerta: {{ incident_title }} está resuelto y los clientes ` +
        `han recibido el aviso de normalidad. Gracias a todos por vuestro trabajo.{% endif %}

{{ message }}

{% unless false_alarm %}El análisis estará aquí: {{ summary_url }}{% endunless %}`,
      short:
        '{% if false_alarm %}Fin de la alerta: {{ incident_title }} fue una falsa ' +
        'alarma; sin mensaje a clientes.{% else %}Fin de la alerta: {{ incident_title }} ' +
        'está resuelto; los clientes están avisados.{% endif %} {{ incident_url }}',
    },
  },
}

import type { LocaleCatalog } from '../catalog.js'

/**
 * The default voice, after the seeds (../shared/seeds/MESSAGES.md): scope first, say
 * sorry and own it, never blame, link to the status page, thank customers at the end.
 */
export const en: LocaleCatalog = {
  locale: 'en',
  strings: {
    someServices: 'some of our services',
    unknownYet: "unknown yet; we'll follow up when we know more",
    thirdPartyProvider: 'one of our third-party providers',
    technicalDetails: 'Technical details',
    viewStatusPage: 'View status page',
    unsubscribe: 'Unsubscribe',
    whyReceiving: 'You receive this because you subscribed to status updates from {page_name}.',
    drillNotice: 'This is a drill. No real incident is happening.',
    drillSubjectPrefix: '[DRILL] ',
    internalNotice: 'Internal: for the team only, do not forward.',
  },
  stages: {
    acknowledge: {
      subject: "{{ page_name }}: we're investigating a problem with {{ affected }}",
      body:
        `We're aware of a problem with {{ affected }}{% if who_known %} affecting ` +
        `{{ who }}{% endif %}. We're investigating the issue and assessing next steps.

We're sorry for the disruption. Fixing it is on us.

{{ message }}

We'll post the next update{% if next_update_at %} by ` +
        `{{ next_update_at }}{% endif %} on our status page: {{ status_url }}`,
      short:
        "We're aware of a problem with {{ affected }}{% if who_known %} affecting " +
        '{{ who }}{% endif %} and are investigating. Updates: {{ status_url }}',
    },
    scope: {
      subject: '{{ page_name }}: who is affected by the problem with {{ affected }}',
      body:
        `{% if who_known %}The problem with {{ affected }} affects {{ who }}.{% else %}We're still ` +
        `assessing who is affected by the problem with {{ affected }}; we'll follow up when we know more.{% endif %}

- Started: {{ started_at }}
- Expected to last: {{ expected_duration }}
- Workaround: {{ workaround }}

{% if has_third_party %}The cause lies with {{ provider }}; getting it fixed for you ` +
        `is still on us. {% endif %}We're sorry. Fixing this is on us, and we'll keep you posted.

{{ message }}

Next update{% if next_update_at %} by {{ next_update_at }}{% endif %} on our status page: {{ status_url }}`,
      short:
        '{% if who_known %}The problem with {{ affected }} affects {{ who }}' +
        ".{% else %}We're assessing who is affected by the problem with {{ affected }}" +
        ".{% endif %} We're sorry; fixing it is on us. Details: {{ status_url }}",
    },
    update: {
      subject: '{{ page_name }}: update on the problem with {{ affected }}',
      body:
        `An update on the problem with {{ affected }}{% if who_known %} affecting {{ who }}{% endif %}.

{% if message %}{{ message }}{% else %}We're still working on this.{% endif %}

{% if has_third_party %}The cause lies with {{ provider }}; ` +
        `we're working with them and the fix for you is on us.{% endif %}

{% if contact %}We're not fully back yet and are reducing the impact. If you need help now, reach ` +
        `us at {{ contact }}{% if response_time %}; we reply within {{ response_time }}{% endif %}.{% endif %}

We're sorry for the trouble this causes. Next update{% if next_update_at %} ` +
        `by {{ next_update_at }}{% endif %}: {{ status_url }}`,
      short:
        'Update on the problem with {{ affected }}: {% if message_short %}{{ message_short }}' +
        "{% else %}we're still working on this.{% endif %} {{ status_url }}",
    },
    all_clear: {
      subject: '{{ page_name }}: the problem with {{ affected }} is resolved',
      body:
        `The problem with {{ affected }}{% if who_known %} affecting {{ who }}{% endif %} is ` +
        `resolved{% if resolved_at %} as of {{ resolved_at }}{% endif %}, and everything is working normally again.

{{ message }}

We're sorry for the disruption, and thank you for your patience while we fixed it.

We'll publish a summary of what happened and how we'll prevent it here: {{ summary_url }}`,
      short:
        'Resolved: the problem with {{ affected }}. Thank you for your ' +
        'patience, and sorry for the trouble. Summary: {{ summary_url }}',
    },
    postmortem: {
      subject: "{{ page_name }}: what happened with {{ affected }}, and what we're changing",
      body:
        `We've published our postmortem on the problem with {{ affected }}` +
        `{% if started_at_known %} that started {{ started_at }}{% endif %}: what ` +
        `happened, how we fixed it, and how we'll keep it from happening again.

{{ message }}

Read it here: {{ summary_url }}

We're sorry for the disruption, and thank you for your patience.`,
      short:
        'Our postmortem on the problem with {{ affected }}: what happened, ' +
        "how we fixed it and how we'll prevent it. {{ summary_url }}",
    },
    cadence_change: {
      subject: '{{ page_name }}: updates on {{ affected }} every {{ cadence }}',
      body:
        `About the problem with {{ affected }}{% if who_known %} affecting {{ who }}{% endif %}: we'll ` +
        `now post updates every {{ cadence }}{% if next_update_at %}, the next by {{ next_update_at }}{% endif %}.

{{ message }}

We're sorry for the trouble; fixing this remains our priority. Follow along: {{ status_url }}`,
      short: "Problem with {{ affected }}: we'll now post updates every {{ cadence }}. {{ status_url }}",
    },
    stand_down: {
      subject:
        '{% if false_alarm %}Stand down: {{ incident_title }} was a false ' +
        'alarm{% else %}Stand down: {{ incident_title }} is resolved{% endif %}',
      body:
        `{% if false_alarm %}Stand down: {{ incident_title }} did not meet the crisis criteria. No ` +
        `message goes to customers, and no action is needed from you.{% else %}Stand down: {{ incident_title }} ` +
        `is resolved and customers have received the all-clear. Thank you all for your work.{% endif %}

{{ message }}

{% unless false_alarm %}The postmortem will be at {{ summary_url }}{% endunless %}`,
      short:
        '{% if false_alarm %}Stand down: {{ incident_title }} was a false alarm; ' +
        'no customer message goes out.{% else %}Stand down: {{ incident_title }} ' +
        'is resolved; customers have the all-clear.{% endif %} {{ incident_url }}',
    },
  },
}

import type { LocaleCatalog } from '../catalog.js'

/** 简体中文：措辞取自种子文章（crisis-management-zh-hans.txt）。 */
export const zhHans: LocaleCatalog = {
  locale: 'zh-Hans',
  strings: {
    someServices: '我们的部分服务',
    unknownYet: '尚不清楚，了解更多后我们会立即跟进',
    thirdPartyProvider: '我们的第三方服务提供商之一',
    technicalDetails: '技术细节',
    viewStatusPage: '查看状态页面',
    unsubscribe: '退订',
    whyReceiving: '您收到这封邮件，是因为您订阅了 {page_name} 的状态更新。',
    drillNotice: '这是一次演练，并没有真实的事件发生。',
    drillSubjectPrefix: '[演练] ',
    internalNotice: '内部消息：仅限团队内部，请勿转发。',
  },
  stages: {
    acknowledge: {
      subject: '{{ page_name }}：我们正在调查{{ affected }}的问题',
      body: `我们已发现{{ affected }}出现问题{% if who_known %}，影响{{ who }}{% endif %}。我们正在调查这个问题并评估接下来的步骤。

对于造成的不便，我们深表歉意。解决这个问题是我们的责任。

{{ message }}

我们将{% if next_update_at %}在 {{ next_update_at }} 之前{% endif %}在状态页面发布下一次更新：{{ status_url }}`,
      short:
        '我们已发现{{ affected }}出现问题{% if who_known %}，影响{{ who }}{% endif %}，正在调查。最新进展：{{ status_url }}',
    },
    scope: {
      subject: '{{ page_name }}：{{ affected }}问题的影响范围',
      body:
        `{% if who_known %}{{ affected }}的问题影响{{ who }}。` +
        `{% else %}{{ affected }}出现问题，我们还在评估受影响的范围，了解更多后会立即跟进。{% endif %}

- 开始时间：{{ started_at }}
- 预计持续：{{ expected_duration }}
- 临时解决办法：{{ workaround }}

{% if has_third_party %}问题源于{{ provider }}，但为您解决问题仍是我们的责任。{% endif %}非常抱歉。解决这个问题是我们的责任，我们会持续向您通报进展。

{{ message }}

下一次更新{% if next_update_at %}将在 {{ next_update_at }} 之前{% endif %}发布在状态页面：{{ status_url }}`,
      short:
        '{% if who_known %}{{ affected }}的问题影响{{ who }}。{% else %}' +
        '我们正在评估{{ affected }}问题的影响范围。{% endif %}非常抱歉，解决问题是我们的责任。详情：{{ status_url }}',
    },
    update: {
      subject: '{{ page_name }}：{{ affected }}问题的最新进展',
      body:
        `关于{{ affected }}问题{% if who_known %}（影响{{ who }}）{% endif %}的最新进展。

{% if message %}{{ message }}{% else %}我们仍在解决这个问题。{% endif %}

{% if has_third_party %}问题源于{{ provider }}，我们正在与其合作，为您解决问题是我们的责任。{% endif %}

{% if contact %}服务尚未完全恢复，我们正在努力降低影响。如需帮助，请通过 {{ contact }} ` +
        `联系我们{% if response_time %}，我们会在 {{ response_time }} 内回复{% endif %}。{% endif %}

对于带来的困扰，我们深表歉意。下一次更新{% if next_update_at %}（{{ next_update_at }} 之前）{% endif %}：{{ status_url }}`,
      short:
        '{{ affected }}问题的最新进展：{% if message_short %}{{ message_short }}' +
        '{% else %}我们仍在解决这个问题。{% endif %} {{ status_url }}',
    },
    all_clear: {
      subject: '{{ page_name }}：{{ affected }}的问题已解决',
      body:
        `{{ affected }}的问题{% if who_known %}（影响{{ who }}）{% endif %}` +
        `已解决{% if resolved_at %}（{{ resolved_at }}）{% endif %}，一切已恢复正常。

{{ message }}

对于造成的不便，我们深表歉意，感谢您在此期间的耐心。

我们将在这里发布事件经过及预防措施的总结：{{ summary_url }}`,
      short: '{{ affected }}的问题已解决。感谢您的耐心，给您带来不便非常抱歉。总结：{{ summary_url }}',
    },
    postmortem: {
      subject: '{{ page_name }}：{{ affected }}问题的经过及改进措施',
      body:
        `我们已发布{{ affected }}问题{% if started_at_known %}（始于 ` +
        `{{ started_at }}）{% endif %}的事后分析：发生了什么、我们如何修复，以及如何防止再次发生。

{{ message }}

阅读全文：{{ summary_url }}

对于造成的不便，我们深表歉意，感谢您的耐心。`,
      short: '{{ affected }}问题的事后分析：发生了什么、如何修复、如何防止再次发生。{{ summary_url }}',
    },
    cadence_change: {
      subject: '{{ page_name }}：{{ affected }}问题改为每{{ cadence }}更新一次',
      body:
        `关于{{ affected }}的问题{% if who_known %}（影响{{ who }}）{% endif %}：我们现在将每{{ cadence }}` +
        `发布一次更新{% if next_update_at %}，下一次在 {{ next_update_at }} 之前{% endif %}。

{{ message }}

对于带来的困扰，我们深表歉意，解决这个问题仍是我们的首要任务。请关注：{{ status_url }}`,
      short: '{{ affected }}的问题：我们现在将每{{ cadence }}发布一次更新。{{ status_url }}',
    },
    stand_down: {
      subject:
        '{% if false_alarm %}解除警报：{{ incident_title }} 为误报{% else %}解除待命：{{ incident_title }} 已解决{% endif %}',
      body:
        `{% if false_alarm %}解除警报：{{ incident_title }} 未达到危机标准。不会向客户发送消息，` +
        `您无需采取任何行动。{% else %}解除待命：{{ incident_title }} 已解决，客户已收到恢复通知。感谢大家的付出。{% endif %}

{{ message }}

{% unless false_alarm %}事后分析将发布在：{{ summary_url }}{% endunless %}`,
      short:
        '{% if false_alarm %}解除警报：{{ incident_title }} 为误报，不会向客户发送消息。{% else %}' +
        '解除待命：{{ incident_title }} 已解决，客户已收到恢复通知。{% endif %} {{ incident_url }}',
    },
  },
}

import type { LocaleCatalog } from '../catalog.js'

/** 繁體中文：措辭取自種子文章（outage-communication-zh-hant.txt）。 */
export const zhHant: LocaleCatalog = {
  locale: 'zh-Hant',
  strings: {
    someServices: '我們的部分服務',
    unknownYet: '尚不清楚，掌握更多資訊後我們會立即跟進',
    thirdPartyProvider: '我們的第三方服務提供商之一',
    technicalDetails: '技術細節',
    viewStatusPage: '查看狀態頁面',
    unsubscribe: '取消訂閱',
    whyReceiving: '您收到這封郵件，是因為您訂閱了 {page_name} 的狀態更新。',
    drillNotice: '這是一次演練，並沒有真實的事件發生。',
    drillSubjectPrefix: '[演練] ',
    internalNotice: '內部訊息：僅限團隊內部，請勿轉寄。',
  },
  stages: {
    acknowledge: {
      subject: '{{ page_name }}：我們正在調查{{ affected }}的問題',
      body: `我們已發現{{ affected }}出現問題{% if who_known %}，影響{{ who }}{% endif %}。我們正在調查這個問題並評估接下來的步驟。

對於造成的不便，我們深表歉意。解決這個問題是我們的責任。

{{ message }}

我們將{% if next_update_at %}在 {{ next_update_at }} 之前{% endif %}於狀態頁面發布下一次更新：{{ status_url }}`,
      short:
        '我們已發現{{ affected }}出現問題{% if who_known %}，影響{{ who }}{% endif %}，正在調查。最新進展：{{ status_url }}',
    },
    scope: {
      subject: '{{ page_name }}：{{ affected }}問題的影響範圍',
      body:
        `{% if who_known %}{{ affected }}的問題影響{{ who }}。{% else %}` +
        `{{ affected }}出現問題，我們仍在評估受影響的範圍，掌握更多資訊後會立即跟進。{% endif %}

- 開始時間：{{ started_at }}
- 預計持續：{{ expected_duration }}
- 臨時解決辦法：{{ workaround }}

{% if has_third_party %}問題源於{{ provider }}，但為您解決問題仍是我們的責任。{% endif %}非常抱歉。解決這個問題是我們的責任，我們會持續向您通報進展。

{{ message }}

下一次更新{% if next_update_at %}將在 {{ next_update_at }} 之前{% endif %}發布於狀態頁面：{{ status_url }}`,
      short:
        '{% if who_known %}{{ affected }}的問題影響{{ who }}。{% else %}' +
        '我們正在評估{{ affected }}問題的影響範圍。{% endif %}非常抱歉，解決問題是我們的責任。詳情：{{ status_url }}',
    },
    update: {
      subject: '{{ page_name }}：{{ affected }}問題的最新進展',
      body:
        `關於{{ affected }}問題{% if who_known %}（影響{{ who }}）{% endif %}的最新進展。

{% if message %}{{ message }}{% else %}我們仍在解決這個問題。{% endif %}

{% if has_third_party %}問題源於{{ provider }}，我們正與其合作，為您解決問題是我們的責任。{% endif %}

{% if contact %}服務尚未完全恢復，我們正在努力降低影響。如需協助，請透過 {{ contact }} ` +
        `與我們聯繫{% if response_time %}，我們會在 {{ response_time }} 內回覆{% endif %}。{% endif %}

對於帶來的困擾，我們深表歉意。下一次更新{% if next_update_at %}（{{ next_update_at }} 之前）{% endif %}：{{ status_url }}`,
      short:
        '{{ affected }}問題的最新進展：{% if message_short %}{{ message_short }}' +
        '{% else %}我們仍在解決這個問題。{% endif %} {{ status_url }}',
    },
    all_clear: {
      subject: '{{ page_name }}：{{ affected }}的問題已解決',
      body:
        `{{ affected }}的問題{% if who_known %}（影響{{ who }}）{% endif %}` +
        `已解決{% if resolved_at %}（{{ resolved_at }}）{% endif %}，一切已恢復正常。

{{ message }}

對於造成的不便，我們深表歉意，感謝您在這段期間的耐心。

我們將在這裡發布事件經過及預防措施的摘要：{{ summary_url }}`,
      short: '{{ affected }}的問題已解決。感謝您的耐心，造成不便非常抱歉。摘要：{{ summary_url }}',
    },
    postmortem: {
      subject: '{{ page_name }}：{{ affected }}問題的經過及改進措施',
      body:
        `我們已發布{{ affected }}問題{% if started_at_known %}（始於 ` +
        `{{ started_at }}）{% endif %}的事後檢討：發生了什麼、我們如何修復，以及如何防止再次發生。

{{ message }}

閱讀全文：{{ summary_url }}

對於造成的不便，我們深表歉意，感謝您的耐心。`,
      short: '{{ affected }}問題的事後檢討：發生了什麼、如何修復、如何防止再次發生。{{ summary_url }}',
    },
    cadence_change: {
      subject: '{{ page_name }}：{{ affected }}問題改為每{{ cadence }}更新一次',
      body:
        `關於{{ affected }}的問題{% if who_known %}（影響{{ who }}）{% endif %}：我們現在將每{{ cadence }}` +
        `發布一次更新{% if next_update_at %}，下一次在 {{ next_update_at }} 之前{% endif %}。

{{ message }}

對於帶來的困擾，我們深表歉意，解決這個問題仍是我們的首要任務。請持續關注：{{ status_url }}`,
      short: '{{ affected }}的問題：我們現在將每{{ cadence }}發布一次更新。{{ status_url }}',
    },
    stand_down: {
      subject:
        '{% if false_alarm %}解除警報：{{ incident_title }} 為誤報{% else %}解除待命：{{ incident_title }} 已解決{% endif %}',
      body:
        `{% if false_alarm %}解除警報：{{ incident_title }} 未達到危機標準。不會向客戶發送訊息，` +
        `您無需採取任何行動。{% else %}解除待命：{{ incident_title }} 已解決，客戶已收到恢復通知。感謝大家的付出。{% endif %}

{{ message }}

{% unless false_alarm %}事後檢討將發布於：{{ summary_url }}{% endunless %}`,
      short:
        '{% if false_alarm %}解除警報：{{ incident_title }} 為誤報，不會向客戶發送訊息。{% else %}' +
        '解除待命：{{ incident_title }} 已解決，客戶已收到恢復通知。{% endif %} {{ incident_url }}',
    },
  },
}

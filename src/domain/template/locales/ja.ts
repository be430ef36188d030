import type { LocaleCatalog } from '../catalog.js'

export const ja: LocaleCatalog = {
  locale: 'ja',
  strings: {
    someServices: '当社の一部のサービス',
    unknownYet: '現時点では不明です。詳細が分かり次第お知らせします',
    thirdPartyProvider: '当社が利用している外部サービス提供事業者の一つ',
    technicalDetails: '技術的な詳細',
    viewStatusPage: 'ステータスページを見る',
    unsubscribe: '配信停止',
    whyReceiving: '{page_name} のステータス更新を購読されているため、このメールをお送りしています。',
    drillNotice: 'これは訓練です。実際の障害は発生していません。',
    drillSubjectPrefix: '[訓練] ',
    internalNotice: '社内向け：チーム内限定のため転送しないでください。',
  },
  stages: {
    acknowledge: {
      subject: '{{ page_name }}：{{ affected }}の問題を調査しています',
      body: `{{ affected }}で問題が発生していることを確認しました{% if who_known %}（影響範囲：{{ who }}）{% endif %}。現在調査を進め、今後の対応を検討しています。

ご迷惑をおかけして申し訳ございません。解決は当社の責任です。

{{ message }}

次回の更新は{% if next_update_at %} {{ next_update_at }} までに{% endif %}ステータスページでお知らせします：{{ status_url }}`,
      short:
        '{{ affected }}で問題が発生しており{% if who_known %}（影響範囲：{{ who }}）{% endif %}、調査しています。最新情報：{{ status_url }}',
    },
    scope: {
      subject: '{{ page_name }}：{{ affected }}の問題の影響範囲',
      body:
        `{% if who_known %}{{ affected }}の問題は{{ who }}に影響しています。{% else %}` +
        `{{ affected }}の問題の影響範囲を引き続き確認しています。詳細が分かり次第お知らせします。{% endif %}

- 発生時刻：{{ started_at }}
- 想定される継続時間：{{ expected_duration }}
- 回避策：{{ workaround }}

{% if has_third_party %}原因は{{ provider }}にありますが、解決は引き続き当社の責任です。{% endif %}申し訳ございません。解決は当社の責任であり、進捗を随時お知らせします。

{{ message }}

次回の更新は{% if next_update_at %} {{ next_update_at }} までに{% endif %}ステータスページでお知らせします：{{ status_url }}`,
      short:
        '{% if who_known %}{{ affected }}の問題は{{ who }}に影響しています。{% else %}' +
        '{{ affected }}の問題の影響範囲を確認しています。{% endif %}申し訳ございません。詳細：{{ status_url }}',
    },
    update: {
      subject: '{{ page_name }}：{{ affected }}の問題に関する最新情報',
      body:
        `{{ affected }}の問題{% if who_known %}（影響範囲：{{ who }}）{% endif %}に関する最新情報です。

{% if message %}{{ message }}{% else %}引き続き対応を進めています。{% endif %}

{% if has_third_party %}原因は{{ provider }}にあり、連携して対応しています。解決は当社の責任です。{% endif %}

{% if contact %}まだ完全には復旧しておらず、影響の軽減に努めています。お急ぎの場合は {{ contact }} ` +
        `までご連絡ください{% if response_time %}。{{ response_time }}以内にお返事します{% endif %}。{% endif %}

ご迷惑をおかけして申し訳ございません。次回の更新{% if next_update_at %}（{{ next_update_at }} まで）{% endif %}：{{ status_url }}`,
      short:
        '{{ affected }}の問題の最新情報：{% if message_short %}{{ message_short }}' +
        '{% else %}引き続き対応を進めています。{% endif %} {{ status_url }}',
    },
    all_clear: {
      subject: '{{ page_name }}：{{ affected }}の問題は解決しました',
      body:
        `{{ affected }}の問題{% if who_known %}（影響範囲：{{ who }}）{% endif %}` +
        `は{% if resolved_at %} {{ resolved_at }} に{% endif %}解決し、すべて通常どおり動作しています。

{{ message }}

ご迷惑をおかけして申し訳ございませんでした。復旧までお待ちいただき、ありがとうございました。

発生した内容と再発防止策のまとめはこちらで公開します：{{ summary_url }}`,
      short:
        '{{ affected }}の問題は解決しました。お待ちいただきありがとうございました。ご迷惑をおかけし申し訳ございません。まとめ：{{ summary_url }}',
    },
    postmortem: {
      subject: '{{ page_name }}：{{ affected }}で起きたことと今後の改善',
      body:
        `{{ affected }}の問題{% if started_at_known %}（{{ started_at }} ` +
        `発生）{% endif %}についての事後報告を公開しました：何が起きたか、どのように解決したか、再発をどう防ぐか。

{{ message }}

全文はこちら：{{ summary_url }}

ご迷惑をおかけして申し訳ございませんでした。ご理解いただきありがとうございます。`,
      short: '{{ affected }}の問題に関する事後報告：何が起きたか、どう解決したか、どう防ぐか。{{ summary_url }}',
    },
    cadence_change: {
      subject: '{{ page_name }}：{{ affected }}の更新を{{ cadence }}ごとに行います',
      body:
        `{{ affected }}の問題{% if who_known %}（影響範囲：{{ who }}）{% endif %}について、今後は{{ cadence }}` +
        `ごとに更新をお知らせします{% if next_update_at %}。次回は {{ next_update_at }} までです{% endif %}。

{{ message }}

ご迷惑をおかけして申し訳ございません。引き続き解決を最優先で進めます。最新情報：{{ status_url }}`,
      short: '{{ affected }}の問題：今後は{{ cadence }}ごとに更新します。{{ status_url }}',
    },
    stand_down: {
      subject:
        '{% if false_alarm %}警戒解除：{{ incident_title }} は誤報でした{% else %}警戒解除：{{ incident_title }} は解決しました{% endif %}',
      body:
        `{% if false_alarm %}警戒解除：{{ incident_title }} は危機の基準を満たしませんでした。お客様への連絡は行わず、対応は不要です。` +
        `{% else %}警戒解除：{{ incident_title }} は解決し、お客様には復旧のお知らせが届いています。皆さん、ありがとうございました。{% endif %}

{{ message }}

{% unless false_alarm %}事後報告はこちらに公開されます：{{ summary_url }}{% endunless %}`,
      short:
        '{% if false_alarm %}警戒解除：{{ incident_title }} は誤報でした。お客様への連絡はありません。{% else %}' +
        '警戒解除：{{ incident_title }} は解決し、お客様に通知済みです。{% endif %} {{ incident_url }}',
    },
  },
}

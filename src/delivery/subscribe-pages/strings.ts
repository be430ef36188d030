/**
 * UI strings of the public subscribe, confirm and unsubscribe pages. Values interpolated by i18next are HTML-escaped.
 */
export const en = {
  subscribeTitle: 'Subscribe to {{name}} status updates',
  subscribeIntro:
    'Get an email when we post about an incident: when we start investigating, as we update, and when it is resolved.',
  emailLabel: 'Email address',
  localeLabel: 'Language',
  localeDefault: 'Same as the status page',
  componentsLegend: 'Only about these components (optional: tick none to hear about everything)',
  submit: 'Subscribe',
  invalidEmail: 'Please enter a valid email address.',
  checkInboxTitle: 'Check your inbox',
  checkInboxBody:
    'We have sent a confirmation link to {{email}} (unless it ' +
    'is already subscribed). The link works for {{hours}} hours.',
  confirmedTitle: 'Subscription confirmed',
  confirmedBody: 'You will now receive status updates from {{name}}.',
  alreadyTitle: 'Already confirmed',
  alreadyBody: 'This address already receives status updates from {{name}}.',
  expiredTitle: 'This link has expired',
  expiredBody: 'Please subscribe again to get a new confirmation link.',
  notPendingTitle: 'Nothing to confirm',
  notPendingBody: 'This subscription is not waiting for confirmation. Subscribe again if you want updates.',
  unsubscribeTitle: 'Unsubscribe',
  unsubscribeQuestion: 'Stop sending status updates from {{name}} to {{address}}?',
  unsubscribeButton: 'Unsubscribe',
  unsubscribedTitle: 'You are unsubscribed',
  unsubscribedBody: '{{address}} will get no more status updates from {{name}}. You can subscribe again at any time.',
  invalidLinkTitle: 'This link is not valid',
  invalidLinkBody: 'The link may be incomplete. Copy the whole link from the email, or subscribe again.',
  backToStatus: 'Back to the status page',
}
export type SubscribeStrings = typeof en

export const zhHans: SubscribeStrings = {
  subscribeTitle: '订阅 {{name}} 的状态更新',
  subscribeIntro: '当我们发布事件相关消息时（开始调查、进展更新、问题解决），您将收到邮件。',
  emailLabel: '邮箱地址',
  localeLabel: '语言',
  localeDefault: '与状态页面相同',
  componentsLegend: '仅订阅这些组件（可选：不勾选即接收全部更新）',
  submit: '订阅',
  invalidEmail: '请输入有效的邮箱地址。',
  checkInboxTitle: '请查收邮件',
  checkInboxBody: '我们已向 {{email}} 发送确认链接（如果该地址尚未订阅）。链接在 {{hours}} 小时内有效。',
  confirmedTitle: '订阅已确认',
  confirmedBody: '您将收到 {{name}} 的状态更新。',
  alreadyTitle: '已经确认',
  alreadyBody: '该地址已在接收 {{name}} 的状态更新。',
  expiredTitle: '链接已过期',
  expiredBody: '请重新订阅以获取新的确认链接。',
  notPendingTitle: '无需确认',
  notPendingBody: '该订阅当前不需要确认。如需接收更新，请重新订阅。',
  unsubscribeTitle: '退订',
  unsubscribeQuestion: '不再向 {{address}} 发送 {{name}} 的状态更新？',
  unsubscribeButton: '退订',
  unsubscribedTitle: '您已退订',
  unsubscribedBody: '{{address}} 将不再收到 {{name}} 的状态更新。您可以随时重新订阅。',
  invalidLinkTitle: '链接无效',
  invalidLinkBody: '链接可能不完整。请从邮件中复制完整链接，或重新订阅。',
  backToStatus: '返回状态页面',
}

export const zhHant: SubscribeStrings = {
  subscribeTitle: '訂閱 {{name}} 的狀態更新',
  subscribeIntro: '當我們發布事件相關訊息時（開始調查、進展更新、問題解決），您將收到郵件。',
  emailLabel: '電子郵件地址',
  localeLabel: '語言',
  localeDefault: '與狀態頁面相同',
  componentsLegend: '僅訂閱這些元件（選填：不勾選即接收全部更新）',
  submit: '訂閱',
  invalidEmail: '請輸入有效的電子郵件地址。',
  checkInboxTitle: '請查收郵件',
  checkInboxBody: '我們已向 {{email}} 發送確認連結（如果該地址尚未訂閱）。連結在 {{hours}} 小時內有效。',
  confirmedTitle: '訂閱已確認',
  confirmedBody: '您將收到 {{name}} 的狀態更新。',
  alreadyTitle: '已經確認',
  alreadyBody: '此地址已在接收 {{name}} 的狀態更新。',
  expiredTitle: '連結已過期',
  expiredBody: '請重新訂閱以取得新的確認連結。',
  notPendingTitle: '無需確認',
  notPendingBody: '此訂閱目前不需要確認。如需接收更新，請重新訂閱。',
  unsubscribeTitle: '取消訂閱',
  unsubscribeQuestion: '不再向 {{address}} 發送 {{name}} 的狀態更新？',
  unsubscribeButton: '取消訂閱',
  unsubscribedTitle: '您已取消訂閱',
  unsubscribedBody: '{{address}} 將不再收到 {{name}} 的狀態更新。您可以隨時重新訂閱。',
  invalidLinkTitle: '連結無效',
  invalidLinkBody: '連結可能不完整。請從郵件中複製完整連結，或重新訂閱。',
  backToStatus: '返回狀態頁面',
}

export const de: SubscribeStrings = {
  subscribeTitle: 'Statusmeldungen von {{name}} abonnieren',
  subscribeIntro:
    'Erhalten Sie eine E-Mail, wenn wir über einen Vorfall berichten: ' +
    'wenn wir ihn untersuchen, bei jedem Update und wenn er behoben ist.',
  emailLabel: 'E-Mail-Adresse',
  localeLabel: 'Sprache',
  localeDefault: 'Wie die Statusseite',
  componentsLegend: 'Nur zu diesen Komponenten (optional: nichts ankreuzen für alles)',
  submit: 'Abonnieren',
  invalidEmail: 'Bitte geben Sie eine gültige E-Mail-Adresse ein.',
  checkInboxTitle: 'Bitte prüfen Sie Ihr Postfach',
  checkInboxBody:
    'Wir haben einen Bestätigungslink an {{email}} gesendet (falls die ' +
    'Adresse noch nicht abonniert ist). Der Link gilt {{hours}} Stunden.',
  confirmedTitle: 'Abonnement bestätigt',
  confirmedBody: 'Sie erhalten ab jetzt Statusmeldungen von {{name}}.',
  alreadyTitle: 'Bereits bestätigt',
  alreadyBody: 'Diese Adresse erhält bereits Statusmeldungen von {{name}}.',
  expiredTitle: 'Dieser Link ist abgelaufen',
  expiredBody: 'Bitte abonnieren Sie erneut, um einen neuen Bestätigungslink zu erhalten.',
  notPendingTitle: 'Nichts zu bestätigen',
  notPendingBody:
    'Dieses Abonnement wartet nicht auf eine Bestätigung. Abonnieren Sie erneut, wenn Sie Meldungen möchten.',
  unsubscribeTitle: 'Abmelden',
  unsubscribeQuestion: 'Keine Statusmeldungen von {{name}} mehr an {{address}} senden?',
  unsubscribeButton: 'Abmelden',
  unsubscribedTitle: 'Sie sind abgemeldet',
  unsubscribedBody:
    '{{address}} erhält keine Statusmeldungen von {{name}} mehr. Sie können jederzeit wieder abonnieren.',
  invalidLinkTitle: 'Dieser Link ist ungültig',
  invalidLinkBody:
    'Der Link ist vielleicht unvollständig. Kopieren Sie den ganzen Link aus der E-Mail oder abonnieren Sie erneut.',
  backToStatus: 'Zurück zur Statusseite',
}

export const fr: SubscribeStrings = {
  subscribeTitle: 'Recevoir les mises à jour de statut de {{name}}',
  subscribeIntro:
    'Recevez un e-mail quand nous publions sur un incident : au ' +
    "début de l'enquête, à chaque mise à jour et à sa résolution.",
  emailLabel: 'Adresse e-mail',
  localeLabel: 'Langue',
  localeDefault: 'Celle de la page de statut',
  componentsLegend: 'Seulement pour ces composants (facultatif : ne cochez rien pour tout recevoir)',
  submit: "S'abonner",
  invalidEmail: 'Veuillez saisir une adresse e-mail valide.',
  checkInboxTitle: 'Consultez votre boîte de réception',
  checkInboxBody:
    'Nous avons envoyé un lien de confirmation à {{email}} (sauf si ' +
    'elle est déjà abonnée). Le lien est valable {{hours}} heures.',
  confirmedTitle: 'Abonnement confirmé',
  confirmedBody: 'Vous recevrez désormais les mises à jour de statut de {{name}}.',
  alreadyTitle: 'Déjà confirmé',
  alreadyBody: 'Cette adresse reçoit déjà les mises à jour de statut de {{name}}.',
  expiredTitle: 'Ce lien a expiré',
  expiredBody: 'Abonnez-vous à nouveau pour recevoir un nouveau lien de confirmation.',
  notPendingTitle: 'Rien à confirmer',
  notPendingBody:
    "Cet abonnement n'attend pas de confirmation. Abonnez-vous à nouveau si vous voulez des mises à jour.",
  unsubscribeTitle: 'Se désabonner',
  unsubscribeQuestion: 'Ne plus envoyer les mises à jour de statut de {{name}} à {{address}} ?',
  unsubscribeButton: 'Se désabonner',
  unsubscribedTitle: 'Vous êtes désabonné',
  unsubscribedBody:
    '{{address}} ne recevra plus les mises à jour de statut de {{name}}. Vous pouvez vous réabonner à tout moment.',
  invalidLinkTitle: "Ce lien n'est pas valide",
  invalidLinkBody: "Le lien est peut-être incomplet. Copiez le lien entier depuis l'e-mail, ou abonnez-vous à nouveau.",
  backToStatus: 'Retour à la page de statut',
}

export const es: SubscribeStrings = {
  subscribeTitle: 'Suscríbete a las actualizaciones de estado de {{name}}',
  subscribeIntro:
    'Recibe un correo cuando publiquemos sobre un incidente: al ' +
    'empezar a investigar, en cada actualización y cuando se resuelva.',
  emailLabel: 'Correo electrónico',
  localeLabel: 'Idioma',
  localeDefault: 'El de la página de estado',
  componentsLegend: 'Solo sobre estos componentes (opcional: no marques ninguno para recibirlo todo)',
  submit: 'Suscribirse',
  invalidEmail: 'Introduce un correo electrónico válido.',
  checkInboxTitle: 'Revisa tu bandeja de entrada',
  checkInboxBody:
    'Hemos enviado un enlace de confirmación a {{email}} (salvo que ' +
    'ya esté suscrito). El enlace es válido durante {{hours}} horas.',
  confirmedTitle: 'Suscripción confirmada',
  confirmedBody: 'A partir de ahora recibirás las actualizaciones de estado de {{name}}.',
  alreadyTitle: 'Ya confirmada',
  alreadyBody: 'Esta dirección ya recibe las actualizaciones de estado de {{name}}.',
  expiredTitle: 'Este enlace ha caducado',
  expiredBody: 'Vuelve a suscribirte para recibir un nuevo enlace de confirmación.',
  notPendingTitle: 'Nada que confirmar',
  notPendingBody:
    'Esta suscripción no está pendiente de confirmación. Vuelve a suscribirte si quieres recibir actualizaciones.',
  unsubscribeTitle: 'Cancelar la suscripción',
  unsubscribeQuestion: '¿Dejar de enviar las actualizaciones de estado de {{name}} a {{address}}?',
  unsubscribeButton: 'Cancelar la suscripción',
  unsubscribedTitle: 'Has cancelado la suscripción',
  unsubscribedBody:
    '{{address}} no recibirá más actualizaciones de estado de {{name}}. Puedes volver a suscribirte cuando quieras.',
  invalidLinkTitle: 'Este enlace no es válido',
  invalidLinkBody: 'Puede que el enlace esté incompleto. Copia el enlace completo del correo o vuelve a suscribirte.',
  backToStatus: 'Volver a la página de estado',
}

export const ja: SubscribeStrings = {
  subscribeTitle: '{{name}} のステータス更新を購読',
  subscribeIntro: '障害に関するお知らせ（調査開始、進捗の更新、解決）をメールでお届けします。',
  emailLabel: 'メールアドレス',
  localeLabel: '言語',
  localeDefault: 'ステータスページと同じ',
  componentsLegend: '特定のコンポーネントのみ（任意：何も選ばなければすべて）',
  submit: '購読する',
  invalidEmail: '有効なメールアドレスを入力してください。',
  checkInboxTitle: '受信トレイをご確認ください',
  checkInboxBody:
    '{{email}} に確認用リンクを送信しました（すでに購読済みの場合を除く）。リンクの有効期限は {{hours}} 時間です。',
  confirmedTitle: '購読を確認しました',
  confirmedBody: '今後 {{name}} のステータス更新をお届けします。',
  alreadyTitle: '確認済みです',
  alreadyBody: 'このアドレスはすでに {{name}} のステータス更新を受け取っています。',
  expiredTitle: 'このリンクは期限切れです',
  expiredBody: 'もう一度購読して、新しい確認リンクを受け取ってください。',
  notPendingTitle: '確認は不要です',
  notPendingBody: 'この購読は確認待ちではありません。更新を受け取りたい場合は、もう一度購読してください。',
  unsubscribeTitle: '配信停止',
  unsubscribeQuestion: '{{address}} への {{name}} のステータス更新の配信を停止しますか？',
  unsubscribeButton: '配信を停止する',
  unsubscribedTitle: '配信を停止しました',
  unsubscribedBody: '{{address}} には今後 {{name}} のステータス更新は届きません。いつでも再度購読できます。',
  invalidLinkTitle: 'このリンクは無効です',
  invalidLinkBody:
    'リンクが途中で切れている可能性があります。メールからリンク全体をコピーするか、もう一度購読してください。',
  backToStatus: 'ステータスページに戻る',
}

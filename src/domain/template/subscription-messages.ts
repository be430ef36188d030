import { renderMarkdown } from '../../text/render-markdown.js'
import { emailHtmlLayout, safeBrandColor, safeLogoUrl } from './email-layout.js'
import { renderLiquid } from './liquid-engine.js'
import type { Brand, RenderedMessage } from './render-message.js'
import { resolveLocale } from './resolve-locale.js'

/** The double opt-in mail, in every locale the incident templates have. */
interface ConfirmationText {
  subject: string
  body: string
  button: string
}

const texts: Record<string, ConfirmationText> = {
  en: {
    subject: 'Confirm your subscription to {{ page_name }} status updates',
    body:
      'Please confirm that you want status updates from {{ page_name }} at ' +
      'this address:\n\n{{ confirm_url }}\n\nThe link works for {{ hours }} hours. ' +
      'If you did not ask for this, ignore this email: nothing will be sent.',
    button: 'Confirm subscription',
  },
  'zh-Hans': {
    subject: '请确认订阅 {{ page_name }} 的状态更新',
    body:
      '请确认您希望通过此邮箱接收 {{ page_name }} 的状态更新：\n\n{{ confirm_url }}' +
      '\n\n链接在 {{ hours }} 小时内有效。如果这不是您本人的操作，请忽略此邮件，我们不会向您发送任何消息。',
    button: '确认订阅',
  },
  'zh-Hant': {
    subject: '請確認訂閱 {{ page_name }} 的狀態更新',
    body:
      '請確認您希望透過此信箱接收 {{ page_name }} 的狀態更新：\n\n{{ confirm_url }}' +
      '\n\n連結在 {{ hours }} 小時內有效。如果這不是您本人的操作，請忽略此郵件，我們不會向您發送任何訊息。',
    button: '確認訂閱',
  },
  de: {
    subject: 'Bestätigen Sie Ihr Abonnement der Statusmeldungen von {{ page_name }}',
    body:
      'Bitte bestätigen Sie, dass Sie Statusmeldungen von {{ page_name }} an diese ' +
      'Adresse erhalten möchten:\n\n{{ confirm_url }}\n\nDer Link gilt {{ hours }} Stunden. ' +
      'Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: Sie erhalten nichts.',
    button: 'Abonnement bestätigen',
  },
  fr: {
    subject: 'Confirmez votre abonnement aux mises à jour de statut de {{ page_name }}',
    body:
      'Merci de confirmer que vous souhaitez recevoir les mises à jour de statut de ' +
      '{{ page_name }} à cette adresse :\n\n{{ confirm_url }}\n\nLe lien est valable {{ hours }} ' +
      "heures. Si vous n'avez rien demandé, ignorez ce message : vous ne recevrez rien.",
    button: "Confirmer l'abonnement",
  },
  es: {
    subject: 'Confirma tu suscripción a las actualizaciones de estado de {{ page_name }}',
    body:
      'Confirma que quieres recibir las actualizaciones de estado de {{ page_name }} ' +
      'en esta dirección:\n\n{{ confirm_url }}\n\nEl enlace es válido durante {{ hours }} ' +
      'horas. Si no lo has pedido tú, ignora este correo: no te enviaremos nada.',
    button: 'Confirmar suscripción',
  },
  ja: {
    subject: '{{ page_name }} のステータス更新の購読を確認してください',
    body:
      'このアドレスで {{ page_name }} のステータス更新を受け取るには、購読を確認してください：\n\n{{ confirm_url }}' +
      '\n\nリンクの有効期限は {{ hours }} 時間です。お心当たりがない場合は、このメールを無視してください。何も送信されません。',
    button: '購読を確認する',
  },
}

export interface ConfirmationFacts {
  locale: string
  pageName: string
  statusUrl: string
  confirmUrl: string
  validHours: number
  brand?: Brand
}

export function renderConfirmation(facts: ConfirmationFacts): RenderedMessage {
  const locale = resolveLocale(facts.locale, Object.keys(texts))
  const t = texts[locale] ?? (texts.en as ConfirmationText)
  const context = {
    page_name: facts.pageName,
    confirm_url: facts.confirmUrl,
    hours: String(Math.round(facts.validHours)),
  }
  const subject = renderLiquid('text', t.subject, context)
  const text = renderLiquid('text', t.body, context)
  const html = renderLiquid('html', emailHtmlLayout, {
    lang: locale,
    subject,
    page_name: facts.pageName,
    status_url: facts.confirmUrl,
    brand_color: safeBrandColor(facts.brand?.color),
    logo_url: safeLogoUrl(facts.brand?.logoUrl),
    notices: [],
    body_html: renderMarkdown(text),
    technical_html: '',
    view_status_page: t.button,
    why_receiving: '',
    unsubscribe: '',
    unsubscribe_url: '',
  })
  return { locale, subject, text, short: subject, html }
}

export const confirmationLocales = Object.keys(texts)

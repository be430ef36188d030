import { createHash } from 'node:crypto'
import i18next from 'i18next'
import { supportedLocales, type SupportedLocale } from '../../domain/locales.js'
import { escapeHtml } from '../../text/escape-html.js'
import { de, en, es, fr, ja, zhHans, zhHant, type SubscribeStrings } from './strings.js'

/**
 * The public subscribe form and the pages its links lead to: plain HTML forms that work
 * without JavaScript. Every value from outside is escaped (i18next escapes interpolations).
 */
const resources = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant, de, fr, es, ja } satisfies Record<
  SupportedLocale,
  SubscribeStrings
>
const instance = i18next.createInstance()
void instance.init({
  fallbackLng: 'en',
  resources: Object.fromEntries(Object.entries(resources).map(([lng, messages]) => [lng, { translation: messages }])),
  initAsync: false,
  interpolation: { escapeValue: true },
})

export type Key = keyof SubscribeStrings
export const t = (locale: string, key: Key, vars?: Record<string, string | number>) =>
  instance.t(key, { lng: locale, ...vars }) as string

export interface PageLook {
  name: string
  locale: string
  statusUrl: string
  brandColor?: string
}

const languageNames = (locale: string) => new Intl.DisplayNames([locale], { type: 'language' })

function pageStyle(page: PageLook): string {
  const color = page.brandColor && /^#[0-9a-f]{6}$/i.test(page.brandColor) ? page.brandColor : '#1f6feb'
  return (
    `
:root{color-scheme:light dark;--brand:${color}}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;background:Canvas;color:CanvasText}
main{max-width:34rem;margin:3rem auto;padding:0 1.25rem}
h1{font-size:1.5rem;line-height:1.25}
label,legend{display:block;font-weight:600;margin:1rem 0 .25rem}
input[type=email],select{width:100%;box-sizing:border-box;padding:.6rem;font:inherit;` +
    `border:1px solid GrayText;border-radius:6px;background:Field;color:FieldText}
fieldset{border:1px solid GrayText;border-radius:6px;margin:1rem 0;padding:.5rem 1rem}
fieldset label{font-weight:400;margin:.25rem 0}
button{margin-top:1.25rem;padding:.65rem 1.2rem;font:inherit;font-weight:600;` +
    `color:#fff;background:var(--brand);border:0;border-radius:6px;cursor:pointer}
.error{color:#b42318;font-weight:600}
a{color:var(--brand)}
`
  )
}

/**
 * The CSP source that admits these pages' one inline <style> (its colour is the page's, so it
 * cannot be a shared file) and nothing else: the server's CSP allows only 'self' styles.
 */
export function styleHashSource(page: PageLook): string {
  return `'sha256-${createHash('sha256').update(pageStyle(page)).digest('base64')}'`
}

function document(page: PageLook, title: string, main: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(page.locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${pageStyle(page)}</style></head>
<body><main>
${main}
<p><a href="${escapeHtml(page.statusUrl)}">${t(page.locale, 'backToStatus')}</a></p>
</main></body></html>`
}

export interface SubscribeForm {
  page: PageLook
  action: string
  components: { id: string; name: string }[]
  error?: 'invalidEmail'
  values?: { email?: string; locale?: string; componentIds?: string[] }
}

export function subscribeFormPage(form: SubscribeForm): string {
  const { page } = form
  const lng = page.locale
  const names = languageNames(lng)
  const chosen = new Set(form.values?.componentIds ?? [])
  const options = supportedLocales
    .map(
      (l) =>
        `<option value="${l}"${form.values?.locale === l ? ' selected' : ''}>${escapeHtml(names.of(l) ?? l)}</option>`,
    )
    .join('')
  const components = form.components.length
    ? `<fieldset><legend>${t(lng, 'componentsLegend')}</legend>${form.components
        .map(
          (c) =>
            `<label><input type="checkbox" name="component_ids" value="${escapeHtml(c.id)}` +
            `"${chosen.has(c.id) ? ' checked' : ''}> ${escapeHtml(c.name)}</label>`,
        )
        .join('\n')}</fieldset>`
    : ''
  const title = t(lng, 'subscribeTitle', { name: page.name })
  return document(
    page,
    title,
    `<h1>${title}</h1>
<p>${t(lng, 'subscribeIntro')}</p>
${form.error ? `<p class="error" role="alert">${t(lng, form.error)}</p>` : ''}
<form method="post" action="${escapeHtml(form.action)}">
<label for="email">${t(lng, 'emailLabel')}</label>
<input id="email" name="email" type="email" required ` +
      `autocomplete="email" value="${escapeHtml(form.values?.email ?? '')}">
<label for="locale">${t(lng, 'localeLabel')}</label>
<select id="locale" name="locale"><option value="">${t(lng, 'localeDefault')}</option>${options}</select>
${components}
<button type="submit">${t(lng, 'submit')}</button>
</form>`,
  )
}

/** A page that says one thing: check your inbox, confirmed, expired, unsubscribed… */
export function messagePage(page: PageLook, title: Key, body: Key, vars: Record<string, string | number> = {}): string {
  const heading = t(page.locale, title, { name: page.name, ...vars })
  return document(page, heading, `<h1>${heading}</h1>\n<p>${t(page.locale, body, { name: page.name, ...vars })}</p>`)
}

/** GET on an unsubscribe link only asks (link scanners follow links); the button POSTs. */
/** Confirming takes a click on the page the link opens: mail scanners fetch links, people press buttons. */
export function confirmQuestionPage(page: PageLook, address: string, action: string): string {
  const heading = t(page.locale, 'confirmTitle')
  return document(
    page,
    heading,
    `<h1>${heading}</h1>
<p>${t(page.locale, 'confirmQuestion', { name: page.name, address })}</p>
<form method="post" action="${escapeHtml(action)}"><button type="submit">` +
      `${t(page.locale, 'confirmButton')}</button></form>`,
  )
}

export function unsubscribeQuestionPage(page: PageLook, address: string, action: string): string {
  const heading = t(page.locale, 'unsubscribeTitle')
  return document(
    page,
    heading,
    `<h1>${heading}</h1>
<p>${t(page.locale, 'unsubscribeQuestion', { name: page.name, address })}</p>
<form method="post" action="${escapeHtml(action)}"><button type="submit">` +
      `${t(page.locale, 'unsubscribeButton')}</button></form>`,
  )
}

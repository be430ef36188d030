import { escapeHtml } from '../../text/escape-html.js'
import { linkPageReferrerPolicy } from './csrf-guard.js'

/**
 * The few HTML pages accounts need before the console: confirming a sign-in link and
 * accepting an invitation. Plain forms (they work without JavaScript), every value escaped,
 * no inline script or style (the CSP allows none).
 */
function page(title: string, body: string): string {
  const head =
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="referrer" content="${linkPageReferrerPolicy}"><title>${escapeHtml(title)} · Candor</title></head>`
  return `<!doctype html>
<html lang="en">
${head}
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`
}

export function signInLinkPage(token: string, error?: string): string {
  return page(
    'Sign in to Candor',
    `${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/auth/link">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<button type="submit">Sign in</button>
</form>
<p>The link works once. Opening this page does not use it; the button does.</p>`,
  )
}

export function invitationPage(input: {
  token: string
  orgName: string
  role: string
  email: string
  needsPassword: boolean
  error?: string
}): string {
  const fields = input.needsPassword
    ? `<p><label>Your name <input name="name" autocomplete="name" maxlength="200"></label></p>
<p><label>Choose a password (at least 12 characters) ` +
      `<input type="password" name="password" autocomplete="new-password" ` +
      `minlength="12" maxlength="1024" required></label></p>`
    : '<p>You already have a Candor account; joining adds this organisation to it.</p>'
  return page(
    `Join ${input.orgName}`,
    `${input.error ? `<p role="alert">${escapeHtml(input.error)}</p>` : ''}
<p>You were invited as <strong>${escapeHtml(input.role)}</strong> (${escapeHtml(input.email)}).</p>
<form method="post" action="/invitations/accept">
<input type="hidden" name="token" value="${escapeHtml(input.token)}">
${fields}
<button type="submit">Join</button>
</form>`,
  )
}

export function messagePage(title: string, message: string): string {
  return page(title, `<p>${escapeHtml(message)}</p>`)
}

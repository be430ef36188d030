import { escapeHtml } from '../../text/escape-html.js'

/** The plain pages behind signed links: readable on a phone, no script, no external resources. */

export function htmlPage(title: string, body: string) {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">` +
    `<title>${escapeHtml(title)}</title></head>` +
    `<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem">` +
    `<h1 style="font-size:1.4rem">${escapeHtml(title)}</h1>${body}</body></html>`
  )
}

export const confirmForm = (label: string) =>
  `<form method="post"><button type="submit" style="font-size:1.1rem;padding:.6rem 1.2rem">` +
  `${escapeHtml(label)}</button></form>`

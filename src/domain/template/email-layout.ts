/**
 * The branded HTML email around a rendered body. Rendered by the escaping engine: only
 * `body_html` and `technical_html` (already safe HTML from markdown-it with raw HTML off)
 * pass through raw; the brand colour is checked before it reaches a style attribute.
 */
export const emailHtmlLayout =
  `<!doctype html>
<html lang="{{ lang }}">
<head><meta charset="utf-8"><meta name="viewport" ` +
  `content="width=device-width, initial-scale=1"><title>{{ subject }}</title></head>
<body style="margin:0;padding:0;background:#f4f5f7;` +
  `font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;color:#1f2328">
<table role="presentation" width="100%" cellpadding="0" ` +
  `cellspacing="0"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;` +
  `background:#ffffff;border-radius:6px;border-top:4px solid {{ brand_color }}">
<tr><td style="padding:20px 28px 0">{% if logo_url != "" %}<img src="{{ logo_url }}" ` +
  `alt="{{ page_name }}" height="32" style="height:32px;border:0">{% else %}` +
  `<strong style="font-size:18px">{{ page_name }}</strong>{% endif %}</td></tr>
{% for notice in notices %}<tr><td style="padding:12px 28px 0"><p style="margin:0;` +
  `padding:8px 12px;background:#fff4d6;border-radius:4px">{{ notice }}</p></td></tr>
{% endfor %}<tr><td style="padding:8px 28px;font-size:15px;line-height:1.55">` +
  `{{ body_html | raw }}{% if technical_html != "" %}
<h3 style="font-size:14px;margin:20px 0 4px">{{ technical_heading }}</h3>{{ technical_html | raw }}{% endif %}</td></tr>
<tr><td style="padding:8px 28px 24px"><a href="{{ status_url }}" ` +
  `style="display:inline-block;background:{{ brand_color }};color:#ffffff;text-decoration:none;` +
  `padding:10px 16px;border-radius:4px">{{ view_status_page }}</a></td></tr>
</table>
{% if why_receiving != "" %}<p style="max-width:600px;margin:16px auto 0;font-size:12px;` +
  `color:#6e7781">{{ why_receiving }}{% if unsubscribe_url != "" %} <a href="{{ unsubscribe_url }}` +
  `" style="color:#6e7781">{{ unsubscribe }}</a>{% endif %}</p>{% endif %}
</td></tr></table>
</body>
</html>
`

export const defaultBrandColor = '#1f6feb'

export function safeBrandColor(color: string | undefined): string {
  return color && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(color) ? color : defaultBrandColor
}

export function safeLogoUrl(url: string | undefined): string {
  if (!url) return ''
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : ''
  } catch {
    return ''
  }
}

import { safeColor } from '../html/safe-html.js'

/**
 * One small stylesheet per page (the brand colour is baked in, so no inline styles are
 * needed and a strict CSP holds). Status colours meet WCAG AA on both schemes.
 */
export function statusPageCss(brandColor: string | null): string {
  const brand = safeColor(brandColor) ?? '#0969da'
  return (
    `:root{--brand:${brand};--bg:#fff;--surface:#f6f8fa;` +
    `--text:#1f2328;--muted:#59636e;--border:#d1d9e0;--link:#0550ae;
--ok:#1a7f37;--minor:#9a6700;--partial:#bc4c00;--major:#d1242f;--maint:#0969da;--nodata:#c8d1da;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--surface:#151b23;` +
    `--text:#f0f6fc;--muted:#9198a1;--border:#3d444d;--link:#4493f8;
--ok:#3fb950;--minor:#d29922;--partial:#db6d28;--major:#f85149;--maint:#4493f8;--nodata:#3d444d}}
*,*::before,*::after{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--text);font:16px/1.5 ` +
    `system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","PingFang SC","Hiragino Sans","Microsoft YaHei",sans-serif}
a{color:var(--link)}a:focus-visible,summary:focus-visible{outline:3px solid var(--link);outline-offset:2px}
.wrap{max-width:56rem;margin:0 auto;padding:0 1rem}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem;z-index:9}
.site-header{border-top:4px solid var(--brand);border-bottom:1px solid var(--border)}
.site-header .wrap{display:flex;flex-wrap:wrap;gap:.75rem;` +
    `align-items:center;justify-content:space-between;padding-block:1rem}
.brand{display:flex;gap:.6rem;align-items:center;font-weight:650;` +
    `font-size:1.25rem;color:var(--text);text-decoration:none}
.brand img{max-height:32px;width:auto}
nav a{margin-left:1rem}.button{display:inline-block;padding:.35rem .9rem;border:1px ` +
    `solid var(--border);border-radius:6px;text-decoration:none;background:var(--surface)}
main{padding-block:1.5rem}
h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.15rem;margin:0 0 .75rem}h3{font-size:1rem;margin:0 0 .25rem}
.banner{display:flex;gap:.75rem;align-items:center;padding:1rem 1.25rem;` +
    `border-radius:8px;color:#fff;font-weight:600;font-size:1.15rem;margin-bottom:1.5rem}
.banner p{margin:0}.banner .icon{width:1.5rem;height:1.5rem;color:rgba(255,255,255,.3)}
.sprite{position:absolute;width:0;height:0;overflow:hidden}
.banner.ind-none{background:#1a7f37}.banner.ind-minor{background:#9a6700}.banner.ind-major{background:#bc4c00}` +
    `.banner.ind-critical{background:#cf222e}.banner.ind-maintenance{background:#0969da}
.block{margin-bottom:1.75rem}
.incident{border:1px solid var(--border);border-left:4px solid var(--muted);` +
    `border-radius:8px;padding:1rem 1.25rem;margin-bottom:1rem;background:var(--surface)}
.impact-minor{border-left-color:var(--minor)}.impact-major{border-left-color:var(--partial)}` +
    `.impact-critical{border-left-color:var(--major)}.impact-maintenance{border-left-color:var(--maint)}
.incident-title a{color:inherit}
.pill{display:inline-block;font-size:.8rem;font-weight:600;padding:0 ` +
    `.5rem;border-radius:999px;border:1px solid currentColor;color:var(--muted)}
.pill.impact-minor{color:var(--minor)}.pill.impact-major{color:var(--partial)}` +
    `.pill.impact-critical{color:var(--major)}.pill.impact-maintenance{color:var(--maint)}
.incident-meta,.affected,.window,.when{margin:.25rem 0;color:var(--muted);font-size:.9rem}
.incident-facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .75rem;margin:.5rem 0;` +
    `font-size:.9rem}.incident-facts dt{color:var(--muted)}.incident-facts dd{margin:0}
.updates{list-style:none;margin:.75rem 0 0;padding:0}
.update{padding:.6rem 0;border-top:1px solid var(--border)}.update:first-child{border-top:0}
.update-head{margin:0;font-size:.9rem;color:var(--muted)}.update-status{color:var(--text);margin-right:.5rem}
.update-body p{margin:.35rem 0}
.postmortem{margin:1rem 0 1.5rem}.postmortem h3{font-size:1rem;margin:1rem 0 .25rem}
.postmortem-body p{margin:.35rem 0}
.tech{margin-top:.35rem;font-size:.92rem}.tech summary{cursor:pointer;color:var(--link)}
.tech-body{border-left:3px solid var(--border);padding-left:.75rem}
.tech-body pre,.update-body pre,
.postmortem-body pre{overflow-x:auto;background:var(--bg);padding:.5rem;border-radius:4px}
.component-list{list-style:none;margin:0;padding:0;border:1px solid var(--border);border-radius:8px}
.component-list .component-list{border:0;border-top:1px solid var(--border);border-radius:0;margin-left:1rem}
.component,.group{padding:.75rem 1rem;border-top:1px solid var(--border)}.component-list>li:first-child{border-top:0}
.group{padding:0}.group summary{display:flex;gap:.5rem;` +
    `align-items:center;padding:.75rem 1rem;cursor:pointer;list-style:none}
.group summary::-webkit-details-marker{display:none}
.group summary::before{content:'';flex:none;width:.5rem;height:.5rem;border:solid ` +
    `var(--muted);border-width:0 2px 2px 0;transform:rotate(-45deg);transition:transform .15s}
.group details[open]>summary::before{transform:rotate(45deg)}
.group summary .row{flex:1}
.row{display:flex;flex-wrap:wrap;gap:.5rem;justify-content:space-between;align-items:center}
.name{font-weight:600}.count{font-weight:400;color:var(--muted);font-size:.85rem;margin-left:.35rem}
.description{margin:.15rem 0 0;color:var(--muted);font-size:.9rem}
.status{display:inline-flex;gap:.35rem;align-items:center;font-size:.9rem;font-weight:600}
.icon{width:1rem;height:1rem;flex:none}
.st-operational{color:var(--ok)}.st-degraded_performance{color:var(--minor)}.st-partial_outage{color:var(--partial)}` +
    `.st-major_outage{color:var(--major)}.st-under_maintenance{color:var(--maint)}
.uptime{margin-top:.6rem}
.bars{display:flex;gap:2px;list-style:none;margin:0;padding:0;height:2rem}
.bar{flex:1;border-radius:2px;background:var(--ok)}
.bar.d-none{background:var(--nodata)}.bar.d-under_maintenance{background:var(--maint)}` +
    `.bar.d-degraded_performance{background:var(--minor)}
.bar.d-partial_outage{background:var(--partial) ` +
    `repeating-linear-gradient(45deg,transparent 0 3px,rgba(255,255,255,.35) 3px 5px)}
.bar.d-major_outage{background:var(--major) ` +
    `repeating-linear-gradient(-45deg,transparent 0 2px,rgba(255,255,255,.45) 2px 4px)}
.uptime-legend{display:flex;justify-content:space-between;` +
    `gap:.5rem;margin:.25rem 0 0;font-size:.8rem;color:var(--muted)}
@media (max-width:40rem){.bars{gap:1px;height:1.75rem}.bar{border-radius:1px}nav a{margin-left:.5rem}}
.last-updated,.more{color:var(--muted);font-size:.9rem}
.back{margin-top:0}.notice{padding:.5rem .75rem;border-radius:6px;background:var(--bg);border:1px solid var(--border)}
.month{margin-bottom:1.5rem}.month h2{border-bottom:1px solid var(--border);padding-bottom:.35rem}
.history-list{list-style:none;margin:0;padding:0}.history-item{padding:.5rem 0 .75rem}
.history-title a{color:inherit}.history-latest{color:var(--text);` +
    `font-size:.95rem}.history-when{margin:.2rem 0;color:var(--muted);font-size:.85rem}
.empty{color:var(--muted)}
.pager{display:flex;gap:1rem;justify-content:center;align-items:center;margin-top:1rem}
.site-footer{border-top:1px solid var(--border);margin-top:2rem;` +
    `padding-block:1.25rem;font-size:.9rem;color:var(--muted)}
.feeds{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;list-style:none;margin:0;padding:0}.powered{margin:.75rem 0 0}
@media (prefers-reduced-motion:no-preference){.bar{transition:opacity .15s}.bar:hover{opacity:.75}}
`
  )
}

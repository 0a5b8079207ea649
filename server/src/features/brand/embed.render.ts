import { createHash } from 'node:crypto'
import { measureStatuses, statusLabels, type CommitmentProgress, type PlanProgress } from '@eccar/shared'

export type EmbedLocale = 'de' | 'en'

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const words = {
  de: {
    settled: (p: number) => `${p} % der Maßnahmen umgesetzt oder fortlaufend`,
    measures: (n: number) => (n === 1 ? '1 Maßnahme' : `${n} Maßnahmen`),
    byStatus: 'Maßnahmen nach Stand',
    status: 'Stand', count: 'Anzahl',
    more: 'Alle Einzelheiten auf der Seite des Aktionsplans',
    commitment: (n: number) => `Verpflichtung ${n}`,
    newWindow: '(öffnet in neuem Fenster)',
  },
  en: {
    settled: (p: number) => `${p} % of measures completed or ongoing`,
    measures: (n: number) => (n === 1 ? '1 measure' : `${n} measures`),
    byStatus: 'Measures by status',
    status: 'Status', count: 'Number',
    more: 'All details on the action plan\'s page',
    commitment: (n: number) => `Commitment ${n}`,
    newWindow: '(opens in a new window)',
  },
}

export interface EmbedContent {
  locale: EmbedLocale
  cityName: string
  planTitle: string
  /** The figures shown: the whole plan's or one commitment's. */
  figures: PlanProgress['total'] | CommitmentProgress
  commitment: { number: number, title: string } | null
  accent: string
  pageUrl: string
  oembedUrl: string
  logoUrl: string | null
}

/**
 * The widget: a small page without JavaScript that a city frames on its own website. Its only style is
 * inline, allowed by its hash in the page's own policy (embed.routes.ts), so nothing else can be injected.
 */
export function renderEmbed (content: EmbedContent): { html: string, styleHash: string } {
  const w = words[content.locale]
  const percent = Math.round(content.figures.settledShare * 100)
  const style = [
    'body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1f2328;background:#fff}',
    'main{padding:12px 14px;border-top:4px solid var(--a)}',
    `:root{--a:${content.accent}}`,
    'h1{font-size:1.05rem;margin:0 0 4px}p{margin:4px 0}.city{color:#4b5160;font-size:.9rem;display:flex;gap:8px;align-items:center}',
    '.city img{height:24px;width:auto}',
    '.big{font-size:1.25rem;font-weight:700;color:var(--a)}',
    '.bar{height:10px;background:#e9ecf1;border:1px solid #6b7280;border-radius:5px;overflow:hidden;margin:6px 0}',
    '.bar span{display:block;height:100%;background:var(--a)}',
    'table{border-collapse:collapse;font-size:.9rem;width:100%;margin:6px 0}caption{text-align:left;font-weight:600}',
    'th,td{text-align:left;padding:2px 4px;border-bottom:1px solid #c9cfd8}td,.n{text-align:right}',
    'a{color:var(--a)}a:focus{outline:3px solid #0b5cad;outline-offset:2px}',
    ...percentWidths(percent),
  ].join('')
  const rows = measureStatuses.filter((s) => content.figures.byStatus[s]! > 0)
    .map((s) => `<tr><th scope="row">${escape(statusLabels[s][content.locale])}</th><td>${content.figures.byStatus[s]}</td></tr>`).join('')
  const heading = content.commitment
    ? `${escape(w.commitment(content.commitment.number))}: ${escape(content.commitment.title)}`
    : escape(content.planTitle)
  const html = `<!doctype html>
<html lang="${content.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${heading} – ${escape(content.cityName)}</title>
<link rel="alternate" type="application/json+oembed" href="${escape(content.oembedUrl)}">
<style>${style}</style>
</head>
<body>
<main>
<p class="city">${content.logoUrl ? `<img src="${escape(content.logoUrl)}" alt="">` : ''}<span>${escape(content.cityName)}${content.commitment ? ` · ${escape(content.planTitle)}` : ''}</span></p>
<h1>${heading}</h1>
<p class="big">${escape(w.settled(percent))}</p>
<div class="bar" aria-hidden="true"><span class="w${percent}"></span></div>
<p>${escape(w.measures(content.figures.measureCount))}</p>
${rows ? `<table><caption>${escape(w.byStatus)}</caption><thead><tr><th scope="col">${w.status}</th><th scope="col" class="n">${w.count}</th></tr></thead><tbody>${rows}</tbody></table>` : ''}
<p><a href="${escape(content.pageUrl)}" target="_blank" rel="noopener">${escape(w.more)} <span>${escape(w.newWindow)}</span></a></p>
</main>
</body>
</html>
`
  return { html, styleHash: `'sha256-${createHash('sha256').update(style).digest('base64')}'` }
}

/** A class per width: inline style attributes would need 'unsafe-inline'. */
function percentWidths (percent: number) {
  return [`.w${percent}{width:${percent}%}`]
}

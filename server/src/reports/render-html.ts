import { commitmentIconPaths, commitmentIdentities, commitmentIdentity } from '@eccar/shared'
import { languageTags } from './report-text.ts'
import type { Block, Field, Inline, ReportLogo, ReportModel, Section, Table, TableCell } from './report-model.ts'

/**
 * A complete, self-contained HTML document: the language on <html> and on every foreign-language
 * run, one <h1>, sections with <h2>/<h3>, tables with <caption> and <th scope>, and an inline style
 * sheet with print rules. It is a downloaded file, not a page served under the app's CSP, so the
 * inline <style> is fine; nothing is loaded from elsewhere.
 */

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' }
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c]!)

const inline = (content: Inline): string => content.map((s) => {
  let html = escapeHtml(s.text)
  if (s.strong) html = `<strong>${html}</strong>`
  // Evidence links are https addresses (the contract says so); anything else stays plain text.
  if (s.href && /^https:\/\//.test(s.href)) html = `<a href="${escapeHtml(s.href)}">${html}</a>`
  return s.lang ? `<span lang="${languageTags[s.lang]}">${html}</span>` : html
}).join('')

const fields = (items: Field[]) =>
  `<dl class="fields">\n${items.map((f) => `<div><dt>${escapeHtml(f.label)}</dt><dd>${inline(f.value)}</dd></div>`).join('\n')}\n</dl>`

function headerCell (cell: TableCell, scope: 'col' | 'row', align: string): string {
  const text = cell.expansion
    ? `<span class="visually-hidden">${escapeHtml(cell.expansion)}</span><span aria-hidden="true">${inline(cell.content)}</span>`
    : inline(cell.content)
  return `<th scope="${scope}" class="${align}">${text}</th>`
}

interface Context { tables: number }

function table (t: Table, ctx: Context): string {
  const head = t.columns.map((c) => headerCell(c.header, 'col', c.align)).join('')
  const body = t.rows.map((row, i) => {
    const cls = t.totalRow && i === t.rows.length - 1 ? ' class="total"' : ''
    const cells = row.map((cell, j) => (j === 0
      ? headerCell(cell, 'row', 'left')
      : `<td class="${t.columns[j]?.align ?? 'left'}">${inline(cell.content)}</td>`))
    return `<tr${cls}>${cells.join('')}</tr>`
  }).join('\n')
  // The wrapper scrolls on narrow screens, so it is a focusable, named region (keyboard scrolling).
  const id = `table-caption-${++ctx.tables}`
  return `<div class="table-wrap" role="region" tabindex="0" aria-labelledby="${id}"><table>\n<caption id="${id}">${escapeHtml(t.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`
}

function block (b: Block, ctx: Context): string {
  switch (b.type) {
    case 'paragraph': return `<p${b.variant ? ` class="${b.variant}"` : ''}>${inline(b.content)}</p>`
    case 'fields': return fields(b.items)
    case 'list': return `${b.label ? `<p class="list-label">${escapeHtml(b.label)}</p>\n` : ''}<ul>\n${b.items.map((i) => `<li>${inline(i)}</li>`).join('\n')}\n</ul>`
    case 'table': return table(b, ctx)
  }
}

/** A commitment's icon in its colour (shared/commitment-identity.ts): decorative, the heading names the commitment. */
function commitmentIcon (number: number): string {
  const { colour, icon } = commitmentIdentity(number)
  return `<svg class="commitment-icon" viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="${colour}" stroke-width="2" `
    + `stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false"><path d="${commitmentIconPaths[icon]}"/></svg>`
}

function section (s: Section, ctx: Context): string {
  const h = `h${s.level}`
  const classes = [s.newPage ? 'new-page' : '', s.commitment === undefined ? '' : `commitment commitment-${s.commitment}`].filter(Boolean)
  const cls = classes.length ? ` class="${classes.join(' ')}"` : ''
  const icon = s.commitment === undefined ? '' : commitmentIcon(s.commitment)
  return [
    `<section${cls} aria-labelledby="${s.id}">`,
    `<${h} id="${s.id}">${icon}${inline(s.heading)}</${h}>`,
    ...s.blocks.map((b) => block(b, ctx)),
    ...s.sections.map((sub) => section(sub, ctx)),
    '</section>',
  ].join('\n')
}

// The accent is the city's (already checked to read on white and on the table band) or the report's own blue.
const styles = (accent: string) => `
:root { color-scheme: light; --ink: #1b1f24; --muted: #4a5560; --accent: ${accent}; --rule: #c9d1da; --band: #eef2f6; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; font-size: 100%; line-height: 1.5; color: var(--ink); background: #fff; }
body { margin: 0 auto; max-width: 52rem; padding: 2rem 1.25rem 4rem; }
h1, h2, h3 { color: var(--accent); line-height: 1.25; }
h1 { font-size: 1.9rem; margin: 0.25rem 0 0.75rem; }
h2 { font-size: 1.45rem; margin: 2.5rem 0 0.75rem; padding-top: 0.75rem; border-top: 3px solid var(--accent); }
h3 { font-size: 1.1rem; margin: 1.75rem 0 0.5rem; }
.kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.85rem; color: var(--muted); margin: 0; font-weight: 700; }
.subtitle { font-size: 1.15rem; color: var(--muted); margin: 0 0 1.5rem; }
.fields { margin: 0.5rem 0 1rem; }
.fields > div { display: grid; grid-template-columns: 13rem 1fr; gap: 0.75rem; padding: 0.15rem 0; }
.fields dt { font-weight: 700; color: var(--muted); }
.fields dd { margin: 0; }
.note { color: var(--muted); font-style: italic; }
.list-label { font-weight: 700; margin: 0.75rem 0 0.25rem; }
ul { margin: 0.25rem 0 1rem; padding-left: 1.25rem; }
li { margin: 0.2rem 0; }
nav ol { columns: 2; column-gap: 2.5rem; padding-left: 1.75rem; }
nav li { break-inside: avoid; }
a { color: var(--accent); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: 0.75rem 0 1.25rem; font-size: 0.92rem; }
caption { text-align: left; font-weight: 700; padding-bottom: 0.4rem; color: var(--ink); }
th, td { border: 1px solid var(--rule); padding: 0.3rem 0.45rem; vertical-align: top; hyphens: manual; overflow-wrap: normal; word-break: normal; }
thead th { background: var(--band); }
th { font-weight: 700; }
.right { text-align: right; }
.left { text-align: left; }
tr.total th, tr.total td { font-weight: 700; border-top: 2px solid var(--accent); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
section.commitment > h2 { border-left: 6px solid var(--rule); padding-left: 0.5rem; }
${Object.entries(commitmentIdentities).map(([n, { colour }]) => `section.commitment-${n} > h2 { border-left-color: ${colour}; }`).join('\n')}
.commitment-icon { width: 1.2em; height: 1.2em; vertical-align: -0.2em; margin-right: 0.4em; }
footer { margin-top: 3rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.85rem; }
@media print {
  @page { size: A4; margin: 20mm 18mm; }
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  nav { display: none; }
  section.new-page { break-before: page; }
  h2, h3 { break-after: avoid; }
  h2 { border-top: none; padding-top: 0; }
  thead { display: table-header-group; }
  tr, li, .fields > div { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
`

// Only with a logo, so a city without one gets the report exactly as before.
const logoStyles = '.logo { display: block; width: auto; height: auto; max-width: 14rem; max-height: 5rem; margin: 0 0 1.25rem; }\n'

/** The logo travels inside the file (a data: address), like the styles: a downloaded report loads nothing. */
const logoImage = (logo: ReportLogo) =>
  `<img class="logo" src="data:image/png;base64,${logo.png.toString('base64')}" alt="${escapeHtml(logo.alt)}" width="${logo.width}" height="${logo.height}">\n`

export function renderHtml (model: ReportModel): string {
  const ctx: Context = { tables: 0 }
  const tag = languageTags[model.lang]
  const toc = model.sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`).join('\n')
  return `<!DOCTYPE html>
<html lang="${tag}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(model.title)}</title>
<meta name="author" content="${escapeHtml(model.author)}">
<meta name="description" content="${escapeHtml(model.subject)}">
<meta name="keywords" content="${escapeHtml(model.keywords.join(', '))}">
<style>${styles(model.accent)}${model.logo ? logoStyles : ''}</style>
</head>
<body>
<header>
${model.logo ? logoImage(model.logo) : ''}<p class="kicker">${escapeHtml(model.kicker)}</p>
<h1>${escapeHtml(model.title)}</h1>
${model.subtitle.length > 0 ? `<p class="subtitle">${inline(model.subtitle)}</p>` : ''}
${fields(model.fields)}
<p>${escapeHtml(model.intro)}</p>
</header>
<nav aria-labelledby="contents"><h2 id="contents">${escapeHtml(model.contentsLabel)}</h2>
<ol>
${toc}
</ol>
</nav>
<main>
${model.sections.map((s) => section(s, ctx)).join('\n')}
</main>
<footer><p>${escapeHtml(model.runningTitle)}</p></footer>
</body>
</html>
`
}

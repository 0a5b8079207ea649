import { beforeAll, describe, expect, it } from 'vitest'
import { statusLabels, type ReportSnapshot } from '@eccar/shared'
import { ensurePoppler, pdfOutline, readPdf, type PdfFacts } from './fixtures/document-readers.ts'
import { generateSnapshot } from './fixtures/generate-snapshot.ts'
import { jenaSnapshot } from './fixtures/jena-snapshot.ts'
import { renderReport } from './index.ts'

const measures = jenaSnapshot.commitments.flatMap((c) => c.measures)
// Lines broken after a hyphen are joined without a space, all other whitespace becomes one space.
const squash = (text: string) => text.replace(/-\n/g, '-').replace(/\s+/g, ' ').trim()

interface Rendered extends PdfFacts { body: Buffer, raw: string }
async function render (snapshot: ReportSnapshot, kind: 'eccar' | 'council', lang: 'en' | 'de', structureText = true): Promise<Rendered> {
  const body = (await renderReport(snapshot, { kind, format: 'pdf', lang })).body as Buffer
  return { body, raw: body.toString('latin1'), ...readPdf(body, { structureText }) }
}

interface StructNode { type: string, text: string, children: StructNode[] }

/** Parses `pdfinfo -struct-text`: two spaces of indent per level, quoted lines are text. */
function structureTree (output: string): StructNode {
  const root: StructNode = { type: 'root', text: '', children: [] }
  const stack: { node: StructNode, depth: number }[] = [{ node: root, depth: -1 }]
  for (const line of output.split('\n')) {
    if (line.trim() === '') continue
    const depth = (line.length - line.trimStart().length) / 2
    const content = line.trim()
    while (stack.length > 1 && stack.at(-1)!.depth >= depth) stack.pop()
    const parent = stack.at(-1)!.node
    if (content.startsWith('"')) {
      parent.text += content.slice(1, -1)
    } else if (/^[A-Za-z]/.test(content) && !content.startsWith('/')) {
      const node: StructNode = { type: content.split(/[\s:]/)[0]!, text: '', children: [] }
      parent.children.push(node)
      stack.push({ node, depth })
    }
  }
  return root
}
const allText = (node: StructNode): string => node.text + node.children.map(allText).join('')
const find = (node: StructNode, type: string): StructNode[] =>
  [...(node.type === type ? [node] : []), ...node.children.flatMap((child) => find(child, type))]

describe('PDF report', () => {
  let en: Rendered
  let council: Rendered
  let tree: StructNode
  beforeAll(async () => {
    ensurePoppler()
    en = await render(jenaSnapshot, 'eccar', 'en')
    council = await render(jenaSnapshot, 'council', 'de')
    tree = structureTree(en.structure)
  }, 120_000)

  it('declares title, language and tagging', () => {
    expect(en.info).toMatch(/^Title:\s+Jena: implementation of the 10-Point Plan of Action against Racism, 2022–2023$/m)
    expect(en.info).toMatch(/^Tagged:\s+yes$/m)
    expect(en.info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m)
    expect(en.raw).toMatch(/\/StructTreeRoot \d+ 0 R/)
    expect(en.raw).toMatch(/\/MarkInfo \d+ 0 R/)
    expect(en.raw).toMatch(/\/Marked true/)
    expect(en.raw).toMatch(/\/Lang \(en-GB\)/)
    expect(en.raw).toMatch(/\/DisplayDocTitle true/)
    expect(en.raw).toMatch(/\/Tabs \/S/) // tab order follows the structure
    expect(council.raw).toMatch(/\/Lang \(de-DE\)/)
    expect(council.info).toMatch(/^Title:\s+Jena: Sachstandsbericht zum 10-Punkte-Aktionsplan gegen Rassismus, 2022–2023$/m)
  })

  it('embeds every font, and the fonts cover German and Turkish letters', () => {
    const rows = en.fonts.split('\n').slice(2).filter((line) => line.trim() !== '')
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect(row).toMatch(/\bCID TrueType\s+Identity-H\s+yes yes yes\b/)
    expect(en.text).toContain('Şimşek')
    expect(en.text).toContain('Enver-Şimşek-Platz')
    expect(en.text).toContain('Öffentlichkeitsarbeit')
    expect(council.text).toContain('Maßnahmen')
  })

  it('contains every commitment title and every measure with its status', () => {
    const text = squash(en.text)
    for (const c of jenaSnapshot.commitments) {
      expect(text).toContain(squash(`Commitment ${c.number}: ${c.titleEn}`))
      expect(text).toContain(c.localTitleEn!)
    }
    for (const m of measures) {
      expect(text).toContain(squash(`${m.code} ${m.titleEn ?? m.titleDe}`))
      expect(text).toContain(statusLabels[m.status].en)
    }
  })

  it('is tagged as headings, sections, paragraphs, lists and tables', () => {
    const document = tree.children[0]!
    expect(document.type).toBe('Document')
    expect(find(tree, 'H1')).toHaveLength(1)
    const h2 = find(tree, 'H2').map(allText)
    expect(h2).toEqual(['Contents', 'Overview: measures by status', ...jenaSnapshot.commitments.map((c) => `Commitment ${c.number}: ${c.titleEn}`), 'Good practices', 'Indicators'])
    expect(find(tree, 'H3').map(allText)).toEqual(measures.map((m) => `${m.code} ${m.titleEn ?? m.titleDe}`))
    expect(find(tree, 'P').length).toBeGreaterThan(20)
    // Every measure's status, read from its tagged label/value list.
    for (const sect of find(tree, 'Sect').filter((s) => s.children[0]?.type === 'H3')) {
      const code = allText(sect.children[0]!).split(' ')[0]
      const m = measures.find((x) => x.code === code)!
      const status = find(sect, 'LI').find((li) => allText(li.children[0]!) === 'Status')
      expect(allText(status!.children[1]!).startsWith(statusLabels[m.status].en), code).toBe(true)
    }
    // German text in the English report is a Span with its own language.
    expect(find(tree, 'Span').map(allText)).toContain('Antirassismus- und Argumentationstrainings für Auszubildende und Mitarbeiter_innen')
    expect(en.raw).toMatch(/\/S \/Span\s*\/Lang \(de-DE\)|\/Lang \(de-DE\)\s*\/S \/Span/)
  })

  it('tags tables with a caption, a header row of TH (scope column) and row headers', () => {
    const tables = find(tree, 'Table')
    expect(tables).toHaveLength(2)
    for (const table of tables) {
      expect(table.children[0]!.type).toBe('Caption')
      const rows = table.children.filter((c) => c.type === 'TR')
      expect(rows[0]!.children.every((cell) => cell.type === 'TH')).toBe(true)
      expect(rows.slice(1).every((row) => row.children[0]!.type === 'TH' && row.children.slice(1).every((c) => c.type === 'TD'))).toBe(true)
    }
    expect(en.structure).toMatch(/TH:\s*\n\s*\/Scope \/Column/)
    expect(en.structure).toMatch(/TH:\s*\n\s*\/Scope \/Row/)
    expect(en.raw).toMatch(/\/E \(Commitment 10\)/)
  })

  it('keeps page furniture out of the structure tree', () => {
    expect(en.text).toMatch(/Page 2 of \d+/)
    expect(en.structure).not.toMatch(/Page \d+ of/)
    expect(en.structure).not.toContain('Jena · Report to ECCAR')
  })

  it('has one bookmark per commitment, with its measures nested', () => {
    const outline = pdfOutline(en.body)
    expect(outline.map((o) => o.title)).toEqual([
      'Contents',
      'Overview: measures by status',
      ...jenaSnapshot.commitments.map((c) => `Commitment ${c.number}: ${c.titleEn}`),
      'Good practices',
      'Indicators',
    ])
    for (const c of jenaSnapshot.commitments) {
      const entry = outline.find((o) => o.title.startsWith(`Commitment ${c.number}:`))!
      expect(entry.children.map((m) => m.title.split(' ')[0])).toEqual(c.measures.map((m) => m.code))
    }
    expect(en.raw).toMatch(/\/PageMode \/UseOutlines/)
  })

  it('gives the council the city\'s own headings and German labels', () => {
    const councilTree = structureTree(council.structure)
    expect(find(councilTree, 'H2').map(allText).slice(2, 12)).toEqual(jenaSnapshot.commitments.map((c) => `Verpflichtung ${c.number}: ${c.localTitleDe}`))
    expect(pdfOutline(council.body).map((o) => o.title)).toContain('Verpflichtung 6: Die Stadt als Arbeitgeberin und Dienstleisterin, die gleiche Chancen nachhaltig fördert')
    const text = squash(council.text)
    for (const m of measures) {
      expect(text).toContain(squash(`${m.code} ${m.titleDe}`))
      expect(text).toContain(statusLabels[m.status].de)
    }
    expect(text).toContain('Seite 2 von')
  })

  it('repeats a long table\'s header on the next page without tagging it twice', async () => {
    const big = await render(generateSnapshot({ measures: 30, indicators: 50 }), 'eccar', 'en', false)
    const indicatorTable = find(structureTree(big.structure), 'Table')[1]!
    const rows = indicatorTable.children.filter((c) => c.type === 'TR')
    expect(rows).toHaveLength(51)
    // The header row is drawn again on the continuation page (as an artifact).
    expect(big.text.split('Baseline').length - 1).toBeGreaterThan(1)
  }, 120_000)
})

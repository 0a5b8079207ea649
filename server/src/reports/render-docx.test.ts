import { beforeAll, describe, expect, it } from 'vitest'
import { statusLabels } from '@eccar/shared'
import { docxParagraphs, docxTables, docxTextViaLibreOffice, ensurePoppler, hasLibreOffice, unzip, type DocxParagraph } from './fixtures/document-readers.ts'
import { jenaSnapshot } from './fixtures/jena-snapshot.ts'
import { renderReport } from './index.ts'

const measures = jenaSnapshot.commitments.flatMap((c) => c.measures)

async function open (kind: 'eccar' | 'council', lang: 'en' | 'de') {
  const report = await renderReport(jenaSnapshot, { kind, format: 'docx', lang })
  const body = report.body as Buffer
  const files = unzip(body)
  const text = (name: string) => files.get(name)?.toString('utf8') ?? ''
  const document = text('word/document.xml')
  return { body, files, styles: text('word/styles.xml'), core: text('docProps/core.xml'), document, paragraphs: docxParagraphs(document) }
}

/** The "Label: value" paragraphs that follow a heading, up to the next heading. */
function fieldsAfter (paragraphs: DocxParagraph[], heading: DocxParagraph): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const p of paragraphs.slice(paragraphs.indexOf(heading) + 1)) {
    if (p.style?.startsWith('Heading')) break
    if (p.style === 'Field') {
      const [label, ...value] = p.text.split(': ')
      fields[label!] = value.join(': ')
    }
  }
  return fields
}

describe('DOCX report', () => {
  let en: Awaited<ReturnType<typeof open>>
  let council: Awaited<ReturnType<typeof open>>
  beforeAll(async () => {
    en = await open('eccar', 'en')
    council = await open('council', 'de')
  })

  it('is a WordprocessingML package with title and creator in its properties', () => {
    expect(en.body.subarray(0, 2).toString()).toBe('PK')
    for (const name of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'docProps/core.xml']) expect(en.files.has(name)).toBe(true)
    expect(en.core).toContain('<dc:title>Jena: implementation of the 10-Point Plan of Action against Racism, 2022–2023</dc:title>')
    expect(en.core).toContain('<dc:creator>Jena</dc:creator>')
    expect(council.core).toContain('<dc:title>Jena: Sachstandsbericht zum 10-Punkte-Aktionsplan gegen Rassismus, 2022–2023</dc:title>')
  })

  it('sets the document language on the default run properties', () => {
    expect(en.styles).toMatch(/<w:rPrDefault><w:rPr>.*<w:lang w:val="en-GB"\/>.*<\/w:rPr><\/w:rPrDefault>/)
    expect(council.styles).toMatch(/<w:rPrDefault><w:rPr>.*<w:lang w:val="de-DE"\/>.*<\/w:rPr><\/w:rPrDefault>/)
  })

  it('uses the built-in heading styles with outline levels', () => {
    for (const level of [1, 2, 3]) {
      const style = new RegExp(`<w:style w:type="paragraph" w:styleId="Heading${level}"><w:name w:val="Heading ${level}"/>.*?<w:outlineLvl w:val="${level - 1}"/>.*?</w:style>`)
      expect(en.styles).toMatch(style)
    }
    const count = (style: string) => en.paragraphs.filter((p) => p.style === style).length
    expect(count('Heading1')).toBe(1)
    expect(count('Heading2')).toBe(14) // contents, overview, ten commitments, good practices, indicators
    expect(count('Heading3')).toBe(measures.length)
  })

  it('has every commitment under a Heading 2 with its official and local titles', () => {
    const headings = en.paragraphs.filter((p) => p.style === 'Heading2')
    for (const c of jenaSnapshot.commitments) {
      const heading = headings.find((h) => h.text === `Commitment ${c.number}: ${c.titleEn}`)
      expect(heading, `commitment ${c.number}`).toBeDefined()
      expect(heading!.xml).not.toContain('<w:pageBreakBefore/>') // no forced page break per commitment
      expect(fieldsAfter(en.paragraphs, heading!)['City\'s title']).toBe(`${c.localTitleEn} (German: ${c.localTitleDe})`)
    }
  })

  it('has every measure under a Heading 3 with its code and its status as in the snapshot', () => {
    const headings = en.paragraphs.filter((p) => p.style === 'Heading3')
    for (const m of measures) {
      const heading = headings.find((h) => h.text === `${m.code} ${m.titleEn ?? m.titleDe}`)
      expect(heading, `measure ${m.code}`).toBeDefined()
      const fields = fieldsAfter(en.paragraphs, heading!)
      expect(fields.Status!.startsWith(statusLabels[m.status].en)).toBe(true)
      expect(fields.Progress).toBe(`${m.progress}%`)
      if (m.statusReason) expect(fields.Reason).toBe(m.statusReason)
    }
    const untranslated = headings.find((h) => h.text.startsWith('6.4 '))!
    expect(untranslated.xml).toMatch(/<w:lang w:val="de-DE"\/><\/w:rPr><w:t xml:space="preserve">Antirassismus-/)
    const dated = en.paragraphs.filter((p) => p.xml.includes('<w:numPr>')).map((p) => p.text)
    expect(dated).toContain('11 September 2022: planned → in progress, 60% – KoKont (German). Commemoration at Enver-Şimşek-Platz with the mayor.')
  })

  it('has tables whose first row is a repeating header row', () => {
    const tables = docxTables(en.document)
    expect(tables).toHaveLength(2)
    for (const table of tables) {
      expect(table.rows[0]!.header).toBe(true)
      expect(table.rows.slice(1).every((row) => !row.header)).toBe(true)
    }
    const [summary, indicators] = tables
    expect(summary!.rows[0]!.cells).toEqual(['Status', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'Total'])
    expect(summary!.rows.at(-1)!.cells.at(-1)).toBe(String(measures.length))
    expect(indicators!.rows.map((r) => r.cells[0])).toEqual(['Indicator', ...jenaSnapshot.indicators.map((i) => i.nameEn)])
  })

  it('gives the council German labels and the city\'s own headings', () => {
    const headings = council.paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text)
    for (const c of jenaSnapshot.commitments) expect(headings).toContain(`Verpflichtung ${c.number}: ${c.localTitleDe}`)
    const measureHeadings = council.paragraphs.filter((p) => p.style === 'Heading3')
    for (const m of measures) {
      const heading = measureHeadings.find((h) => h.text === `${m.code} ${m.titleDe}`)!
      expect(fieldsAfter(council.paragraphs, heading).Status!.startsWith(statusLabels[m.status].de)).toBe(true)
    }
    expect(council.document).not.toContain('w:val="en-GB"')
  })

  it.skipIf(!hasLibreOffice())('opens in LibreOffice with all its content', async () => {
    ensurePoppler()
    const text = docxTextViaLibreOffice(en.body).replace(/\s+/g, ' ')
    for (const c of jenaSnapshot.commitments) expect(text).toContain(c.titleEn)
    for (const m of measures) expect(text).toContain(`${m.code} `)
    expect(text).toContain('Enver-Şimşek-Platz')
  }, 120_000)
})

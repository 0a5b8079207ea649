import { Window } from 'happy-dom'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commitmentIdentity, contrastRatio, type ReportSnapshot } from '@eccar/shared'
import { docxParagraphs, ensurePoppler, pdfImages, pdfStreams, readPdf, unzip } from './fixtures/document-readers.ts'
import { jenaSnapshot } from './fixtures/jena-snapshot.ts'
import { renderReport } from './index.ts'
import { checkPng, encodePng } from './png.ts'

/**
 * The city's look in the three formats, opened as files: the logo on the title page with its text
 * alternative, the accent in headings where it reads, and each commitment's icon and colour beside its
 * heading. A city without a logo or accent (and every report made before the look existed) stays neutral.
 */

const window = new Window()
afterAll(() => window.close())

// A 120 × 40 logo: a dark red bar over white, so it is an image a reader would see.
const logo = encodePng(120, 40, (_x, y) => (y < 20 ? [138, 21, 56, 255] : [255, 255, 255, 255]))
const accent = '#8a1538'
const neutral = '#1d3f66'
const branded: ReportSnapshot = {
  ...jenaSnapshot,
  brand: { accentColour: accent, logo: { mediaType: 'image/png', data: logo.toString('base64'), width: 120, height: 40 } },
}
const unbranded: ReportSnapshot = { ...jenaSnapshot, brand: { accentColour: null, logo: null } }

const render = async (snapshot: ReportSnapshot, format: 'html' | 'docx' | 'pdf', lang: 'en' | 'de' = 'en') =>
  (await renderReport(snapshot, { kind: lang === 'en' ? 'eccar' : 'council', format, lang })).body
const parseHtml = (html: string) => new window.DOMParser().parseFromString(html, 'text/html')
const cssAccent = (html: string) => /--accent: (#[0-9a-f]{6});/.exec(html)?.[1]

describe('HTML report with the city\'s look', () => {
  it('shows the logo first on the title page, with a text alternative, embedded in the file', async () => {
    const html = await render(branded, 'html') as string
    const document = parseHtml(html)
    const img = document.querySelector('header img')!
    expect(img.getAttribute('alt')).toBe('Logo: Jena')
    expect(document.querySelector('header')!.firstElementChild).toBe(img)
    const src = img.getAttribute('src')!
    expect(src.startsWith('data:image/png;base64,')).toBe(true)
    expect(Buffer.from(src.slice('data:image/png;base64,'.length), 'base64').equals(logo)).toBe(true)
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['120', '40'])
    expect(parseHtml(await render(branded, 'html', 'de') as string).querySelector('header img')!.getAttribute('alt')).toBe('Logo: Jena')
  })

  it('colours headings and rules in the accent, which keeps 4.5:1 on the page and the table band', async () => {
    const html = await render(branded, 'html') as string
    expect(cssAccent(html)).toBe(accent)
    expect(html).toContain('h1, h2, h3 { color: var(--accent);')
    for (const ground of ['#ffffff', '#eef2f6']) expect(contrastRatio(cssAccent(html)!, ground)).toBeGreaterThanOrEqual(4.5)
  })

  it('falls back to its own blue for an accent that would not read (one stored before the rule, say)', async () => {
    const pale: ReportSnapshot = { ...branded, brand: { ...branded.brand!, accentColour: '#f0c000' } }
    const html = await render(pale, 'html') as string
    expect(cssAccent(html)).toBe(neutral)
    expect(parseHtml(html).querySelector('header img')).not.toBeNull()
  })

  it('keeps each commitment\'s icon and colour beside its heading, with number and title as text', async () => {
    const document = parseHtml(await render(branded, 'html') as string)
    for (const c of jenaSnapshot.commitments) {
      const h2 = document.getElementById(`commitment-${c.number}`)!
      expect(h2.querySelector('svg')!.getAttribute('stroke')).toBe(commitmentIdentity(c.number).colour)
      expect(h2.textContent!.trim()).toBe(`Commitment ${c.number}: ${c.titleEn}`)
    }
  })

  it('is the neutral report, byte for byte, for a city without logo or accent and for a report made before the look existed', async () => {
    const before = await render(jenaSnapshot, 'html') as string
    expect(await render(unbranded, 'html')).toBe(before)
    expect(parseHtml(before).querySelector('img')).toBeNull()
    expect(cssAccent(before)).toBe(neutral)
  })
})

describe('DOCX report with the city\'s look', () => {
  const open = async (snapshot: ReportSnapshot) => {
    const files = unzip(await render(snapshot, 'docx') as Buffer)
    const text = (name: string) => files.get(name)?.toString('utf8') ?? ''
    return { files, document: text('word/document.xml'), styles: text('word/styles.xml'), rels: text('word/_rels/document.xml.rels') }
  }
  let docx: Awaited<ReturnType<typeof open>>
  let plain: Awaited<ReturnType<typeof open>>
  beforeAll(async () => {
    docx = await open(branded)
    plain = await open(jenaSnapshot)
  })

  it('carries the logo as a picture part above the title, described as the city\'s logo', () => {
    const pictures = [...docx.files].filter(([name]) => name.startsWith('word/media/'))
    expect(pictures.some(([, bytes]) => bytes.equals(logo))).toBe(true)
    const paragraphs = docxParagraphs(docx.document)
    expect(paragraphs[0]!.xml).toMatch(/<wp:docPr [^>]*descr="Logo: Jena"/)
    expect(paragraphs[1]!.style).toBe('Kicker')
    // 120 × 40 px shown at its own size (9525 EMU per pixel).
    expect(paragraphs[0]!.xml).toContain('<wp:extent cx="1143000" cy="381000"/>')
  })

  it('sets the title and headings in the accent', () => {
    const hex = accent.slice(1).toUpperCase()
    for (const level of [1, 2, 3]) {
      expect(docx.styles).toMatch(new RegExp(`<w:style w:type="paragraph" w:styleId="Heading${level}">.*?<w:color w:val="${hex}"/>.*?</w:style>`))
      expect(plain.styles).toMatch(new RegExp(`<w:style w:type="paragraph" w:styleId="Heading${level}">.*?<w:color w:val="1D3F66"/>.*?</w:style>`))
    }
  })

  it('puts each commitment\'s icon (SVG with a PNG stand-in) and a bar in its colour beside its heading', () => {
    const headings = docxParagraphs(docx.document).filter((p) => p.style === 'Heading2' && p.text.startsWith('Commitment '))
    expect(headings).toHaveLength(10)
    for (const c of jenaSnapshot.commitments) {
      const heading = headings.find((h) => h.text === `Commitment ${c.number}: ${c.titleEn}`)!
      const colour = commitmentIdentity(c.number).colour
      expect(heading.xml).toContain(`<w:left w:val="single" w:color="${colour.slice(1).toUpperCase()}" w:sz="36" w:space="6"/>`)
      expect(heading.xml).toMatch(new RegExp(`descr="Symbol of commitment ${c.number}"`))
      const svg = /<asvg:svgBlip [^>]*r:embed="([^"]+)"/.exec(heading.xml)?.[1]
      const target = new RegExp(`Id="${svg}"[^>]*Target="([^"]+)"`).exec(docx.rels)?.[1]
      const picture = docx.files.get(`word/${target}`)?.toString('utf8')
      expect(picture).toContain(`stroke="${colour}"`)
    }
  })

  it('has no logo picture for a city without one', () => {
    const pictures = [...plain.files].filter(([name]) => name.startsWith('word/media/')).map(([, bytes]) => bytes)
    expect(pictures.some((bytes) => bytes.equals(logo))).toBe(false)
    expect(plain.document).not.toContain('descr="Logo')
  })
})

describe('PDF report with the city\'s look', () => {
  const colourOp = (hex: string, op: 'scn' | 'SCN') =>
    `${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).join(' ')} ${op}`
  let pdf: Buffer
  let plain: Buffer
  beforeAll(async () => {
    ensurePoppler()
    pdf = await render(branded, 'pdf') as Buffer
    plain = await render(jenaSnapshot, 'pdf') as Buffer
  }, 120_000)

  it('embeds the logo on the title page as a figure with its text alternative', () => {
    expect(pdfImages(pdf)).toContainEqual({ page: 1, type: 'image', width: 120, height: 40 })
    expect(pdf.toString('latin1')).toMatch(/\/S \/Figure[^]*?\/Alt \(Logo: Jena\)|\/Alt \(Logo: Jena\)[^]*?\/S \/Figure/)
    expect(readPdf(pdf, { structureText: false }).structure).toMatch(/^\s+Figure/m)
  })

  it('draws headings in the accent and each commitment\'s icon in its colour, the titles staying text', () => {
    const content = pdfStreams(pdf).join('\n')
    expect(content).toContain(colourOp(accent, 'scn'))
    expect(content).not.toContain(colourOp(neutral, 'scn'))
    for (const c of jenaSnapshot.commitments) expect(content).toContain(colourOp(commitmentIdentity(c.number).colour, 'SCN'))
    const text = readPdf(pdf, { structureText: false }).text.replace(/\s+/g, ' ')
    expect(text).toContain('Commitment 3: ')
  })

  it('has no image and the report\'s own blue for a city without logo or accent', () => {
    expect(pdfImages(plain)).toEqual([])
    const content = pdfStreams(plain).join('\n')
    expect(content).toContain(colourOp(neutral, 'scn'))
    expect(content).not.toContain(colourOp(accent, 'scn'))
  })
})

describe('checkPng', () => {
  it('accepts a whole PNG and refuses one that only starts like a PNG', () => {
    expect(checkPng(logo)).toEqual({ width: 120, height: 40 })
    expect(checkPng(Buffer.concat([logo.subarray(0, 8), Buffer.from('not the rest of a png at all, just text')]))).toBeNull()
    expect(checkPng(logo.subarray(0, logo.length - 20))).toBeNull()
  })
})

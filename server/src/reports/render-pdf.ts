import { commitmentIconPaths, commitmentIdentity } from '@eccar/shared'
import PDFDocument from 'pdfkit'
import { loadPdfFonts, pdfFontFiles, type PdfFont } from './pdf-fonts.ts'
import { languageTags } from './report-text.ts'
import type { Block, Field, Inline, ReportModel, Section, Table, TableCell } from './report-model.ts'
import { fitColumns } from './table-layout.ts'

/**
 * A tagged PDF (pdfkit): a structure tree of Document › Sect › H1/H2/H3, P, L › LI › Lbl/LBody
 * and Table › Caption/TR › TH (with Scope)/TD; runs in another language are Spans with /Lang;
 * page furniture (footers, rules, cell backgrounds, repeated table headers) is marked as
 * artifacts. The catalog carries /Lang, the info dictionary the title (shown instead of the file
 * name), and the outline has one bookmark per section and per measure. DejaVu Sans is embedded.
 */

type Doc = PDFKit.PDFDocument
type StructElement = PDFKit.PDFStructureElement

// The accent (headings, rules, bullets) is the model's: the city's colour or the report's own blue.
const colours = { ink: '#1b1f24', muted: '#4a5560', rule: '#c9d1da', band: '#eef2f6' }
const margins = { top: 64, bottom: 72, left: 64, right: 64 }
const body = { size: 9.5, lineGap: 2.2 }

interface TextStyle { font: PdfFont, bold: PdfFont, size: number, color: string, lineGap?: number, align?: 'left' | 'right' }
const bodyStyle: TextStyle = { font: 'regular', bold: 'bold', size: body.size, color: colours.ink, lineGap: body.lineGap }

const plain = (content: Inline) => content.map((s) => s.text).join('')

// pdfkit 0.20 computes an outline destination's left edge as `page width - options.left`;
// passing the page width puts it at 0. `top` is the distance from the top of the page.
type OutlineOptions = { expanded?: boolean, top?: number, left?: number }
type OutlineItem = { addItem: (title: string, options?: OutlineOptions) => OutlineItem }
// @types/pdfkit does not list the table-scope and expansion options pdfkit accepts.
type StructOptions = { lang?: string, scope?: 'Column' | 'Row', expanded?: string, actual?: string, alt?: string }

/** Room for a commitment's icon before its heading text. */
const iconSpace = 21

class PdfWriter {
  private readonly left: number
  private readonly width: number
  private outlineTop: OutlineItem | null = null

  private readonly accent: string

  constructor (private readonly doc: Doc, private readonly model: ReportModel) {
    this.left = doc.page.margins.left
    this.width = doc.page.width - margins.left - margins.right
    this.accent = model.accent
  }

  private get bottom () { return this.doc.page.height - this.doc.page.margins.bottom }
  private get atPageTop () { return this.doc.y <= this.doc.page.margins.top + 0.5 }

  private ensureSpace (height: number) {
    if (this.doc.y + height > this.bottom && !this.atPageTop) this.doc.addPage()
  }

  private struct (type: string, options: StructOptions = {}): StructElement {
    return this.doc.struct(type, options as PDFKit.Mixins.StructureElementOptions)
  }

  private style (s: TextStyle, strong = false) {
    this.doc.font(strong ? s.bold : s.font).fontSize(s.size).fillColor(s.color)
  }

  // Heights are asked for more than once (keeping an entry together, then laying it out), and
  // measuring wraps the whole text, so they are remembered.
  private readonly heights = new Map<string, number>()

  private height (text: string, s: TextStyle, width: number, strong = false) {
    const font = strong ? s.bold : s.font
    const key = `${font}|${s.size}|${s.lineGap ?? 0}|${width}|${text}`
    let height = this.heights.get(key)
    if (height === undefined) {
      this.doc.font(font).fontSize(s.size) // not the colour: that would write to the page
      height = this.doc.heightOfString(text, { width, lineGap: s.lineGap ?? 0 })
      this.heights.set(key, height)
    }
    return height
  }

  /** Draws artwork that is not content (rules, backgrounds) as an artifact. */
  private artifact (draw: () => void, type = 'Layout') {
    this.doc.markContent('Artifact', { type } as PDFKit.Mixins.MarkingOptions)
    this.doc.save()
    draw()
    this.doc.restore()
    this.doc.endMarkedContent()
  }

  /**
   * Writes runs as one flow of text into `parent`; a run in another language becomes a Span
   * element with its own /Lang.
   */
  private inline (parent: StructElement, content: Inline, s: TextStyle, at: { x: number, y: number, width: number }) {
    const parts = content.filter((p) => p.text !== '')
    parts.forEach((part, i) => {
      const draw = () => {
        this.style(s, part.strong === true)
        const options = {
          width: at.width,
          lineGap: s.lineGap ?? 0,
          continued: i < parts.length - 1,
          ...(s.align ? { align: s.align } : {}),
          // An evidence link is clickable; its address is also in the text, for print.
          ...(part.href ? { link: part.href, underline: true } : { link: null, underline: false }),
        }
        if (i === 0) this.doc.text(part.text, at.x, at.y, options)
        else this.doc.text(part.text, options)
      }
      if (part.lang) parent.add(this.doc.struct('Span', { lang: languageTags[part.lang] } as PDFKit.Mixins.StructureElementOptions, draw))
      else parent.add(draw)
    })
    this.doc.x = this.left
  }

  private textElement (parent: StructElement, type: string, content: Inline, s: TextStyle, x = this.left, width = this.width) {
    const el = this.struct(type)
    parent.add(el)
    this.inline(el, content, s, { x, y: this.doc.y, width })
    el.end()
  }

  private headingStyle (level: 1 | 2 | 3): TextStyle {
    return { font: 'bold', bold: 'bold', size: level === 1 ? 23 : level === 2 ? 15.5 : 11.5, color: this.accent, lineGap: 1.5 }
  }

  /**
   * @param keepWith height of what must follow the heading on the same page (at least 48 pt;
   *   a measure keeps its whole entry together when it fits on one page)
   */
  private heading (parent: StructElement, level: 1 | 2 | 3, content: Inline,
    options: { newPage?: boolean, bookmark?: Section['bookmark'], keepWith?: number, commitment?: number } = {}) {
    const s = this.headingStyle(level)
    const before = level === 2 ? 22 : 12
    const indent = options.commitment === undefined ? 0 : iconSpace
    const height = this.height(plain(content), s, this.width - indent)
    if (options.newPage && !this.atPageTop) this.doc.addPage()
    else this.ensureSpace(before + height + 4 + Math.max(48, options.keepWith ?? 0))
    if (!this.atPageTop) this.doc.y += before

    const title = plain(content)
    const position = { top: Math.max(0, this.doc.y - 8), left: this.doc.page.width }
    if (options.bookmark === 'top') this.outlineTop = (this.doc.outline as unknown as OutlineItem).addItem(title, position)
    else if (options.bookmark === 'child') {
      (this.outlineTop ?? (this.doc.outline as unknown as OutlineItem)).addItem(title, position)
    }

    const top = this.doc.y
    if (options.commitment !== undefined) this.commitmentIcon(options.commitment, top, s.size)
    this.textElement(parent, `H${level}`, content, s, this.left + indent, this.width - indent)
    if (level === 2) {
      const y = this.doc.y + 3
      // A commitment's rule is in its own colour, so its part of the report is recognised by colour as well as by name.
      const rule = options.commitment === undefined ? this.accent : commitmentIdentity(options.commitment).colour
      this.artifact(() => this.doc.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(1.2).strokeColor(rule).stroke())
      this.doc.y = y + 9
    } else {
      this.doc.y += 4
    }
  }

  /** A commitment's icon in its colour beside its heading: decoration (an artifact), the heading names the commitment. */
  private commitmentIcon (number: number, top: number, size: number) {
    const { colour, icon } = commitmentIdentity(number)
    const scale = (size + 1) / 24
    this.artifact(() => {
      this.doc.translate(this.left, top + 0.5).scale(scale)
      this.doc.path(commitmentIconPaths[icon]).lineWidth(2).lineCap('round').lineJoin('round').strokeColor(colour).stroke()
    })
  }

  private paragraph (parent: StructElement, content: Inline, variant?: 'note') {
    const s: TextStyle = variant === 'note' ? { ...bodyStyle, font: 'italic', color: colours.muted } : bodyStyle
    this.style(s)
    this.ensureSpace(this.doc.currentLineHeight(true) * 2)
    this.textElement(parent, 'P', content, s)
    this.doc.y += 6
  }

  /** Label/value pairs as a list: LI › Lbl (the label) + LBody (the value), in two columns. */
  private fields (parent: StructElement, items: Field[], labelWidth = 128, size = body.size - 0.5) {
    const list = this.struct('L')
    parent.add(list)
    const labelStyle: TextStyle = { font: 'bold', bold: 'bold', size: size - 0.5, color: colours.muted, lineGap: body.lineGap }
    const valueStyle: TextStyle = { ...bodyStyle, size }
    const valueX = this.left + labelWidth + 8
    const valueWidth = this.width - labelWidth - 8
    for (const item of items) {
      const height = Math.max(this.height(item.label, labelStyle, labelWidth), this.height(plain(item.value), valueStyle, valueWidth))
      this.ensureSpace(height)
      const y = this.doc.y
      const page = this.doc.page
      const li = this.struct('LI')
      list.add(li)
      const label = this.struct('Lbl')
      li.add(label)
      this.inline(label, [{ text: item.label }], labelStyle, { x: this.left, y, width: labelWidth })
      label.end()
      const labelEnd = this.doc.y
      const value = this.struct('LBody')
      li.add(value)
      this.inline(value, item.value, valueStyle, { x: valueX, y, width: valueWidth })
      value.end()
      li.end()
      this.doc.y = (this.doc.page === page ? Math.max(this.doc.y, labelEnd) : this.doc.y) + 2.5
    }
    list.end()
    this.doc.x = this.left
    this.doc.y += 4
  }

  private list (parent: StructElement, label: string | undefined, items: Inline[]) {
    if (label) {
      this.ensureSpace(56)
      this.textElement(parent, 'P', [{ text: label }], { ...bodyStyle, font: 'bold' })
      this.doc.y += 2
    }
    const list = this.struct('L')
    parent.add(list)
    const indent = 13
    for (const item of items) {
      this.ensureSpace(this.height(plain(item), bodyStyle, this.width - indent) + 2)
      const y = this.doc.y
      const li = this.struct('LI')
      list.add(li)
      const bullet = this.struct('Lbl')
      li.add(bullet)
      this.inline(bullet, [{ text: '•' }], { ...bodyStyle, color: this.accent }, { x: this.left + 2, y, width: indent })
      bullet.end()
      const content = this.struct('LBody')
      li.add(content)
      this.inline(content, item, bodyStyle, { x: this.left + indent, y, width: this.width - indent })
      content.end()
      li.end()
      this.doc.y += 3
    }
    list.end()
    this.doc.y += 4
  }

  private table (parent: StructElement, t: Table) {
    const cellStyle: TextStyle = { font: 'condensed', bold: 'condensedBold', size: 8.5, color: colours.ink, lineGap: 1 }
    const pad = 4
    // Sized to the content, so no word breaks inside a cell; the half point covers rounding in pdfkit's line breaking.
    const widths = fitColumns(t, this.width, pad, (text, strong) => {
      this.doc.font(strong ? cellStyle.bold : cellStyle.font).fontSize(cellStyle.size)
      return this.doc.widthOfString(text) + 0.5
    })
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((a, b) => a + b, 0))
    const rowHeight = (cells: TableCell[], strong: (i: number) => boolean) => Math.max(...cells.map((c, i) =>
      this.height(plain(c.content), cellStyle, (widths[i] ?? 0) - 2 * pad, strong(i)) + 2 * pad))
    const headerCells = t.columns.map((c) => c.header)
    const headerHeight = rowHeight(headerCells, () => true)

    const tableElement = this.struct('Table')
    parent.add(tableElement)
    const captionStyle: TextStyle = { ...bodyStyle, font: 'bold', size: 9 }
    const firstRow = t.rows[0] ? rowHeight(t.rows[0], (i) => i === 0) : 0
    this.ensureSpace(this.height(t.caption, captionStyle, this.width) + headerHeight + firstRow + 8)
    this.textElement(tableElement, 'Caption', [{ text: t.caption }], captionStyle)
    this.doc.y += 4

    const cellText = (parent: StructElement, cell: TableCell, i: number, y: number, strong: boolean) => {
      const align = t.columns[i]?.align ?? 'left'
      const content = strong ? cell.content.map((s) => ({ ...s, strong: true })) : cell.content
      this.inline(parent, content, { ...cellStyle, align }, { x: (xs[i] ?? 0) + pad, y: y + pad, width: (widths[i] ?? 0) - 2 * pad })
    }
    const header = (repeat: boolean) => {
      const y = this.doc.y
      this.artifact(() => {
        this.doc.rect(this.left, y, this.width, headerHeight).fill(colours.band)
        this.doc.moveTo(this.left, y + headerHeight).lineTo(this.left + this.width, y + headerHeight).lineWidth(1).strokeColor(this.accent).stroke()
      })
      if (repeat) {
        // A header repeated on a continuation page is decoration: the tagged header is the first one.
        this.doc.markContent('Artifact', { type: 'Pagination' } as PDFKit.Mixins.MarkingOptions)
        headerCells.forEach((cell, i) => {
          this.style(cellStyle, true)
          this.doc.text(plain(cell.content), (xs[i] ?? 0) + pad, y + pad, { width: (widths[i] ?? 0) - 2 * pad, align: t.columns[i]?.align ?? 'left', lineGap: 1 })
        })
        this.doc.endMarkedContent()
      } else {
        const tr = this.struct('TR')
        tableElement.add(tr)
        headerCells.forEach((cell, i) => {
          const th = this.struct('TH', { scope: 'Column', ...(cell.expansion ? { expanded: cell.expansion } : {}) })
          tr.add(th)
          cellText(th, cell, i, y, true)
          th.end()
        })
        tr.end()
      }
      this.doc.y = y + headerHeight
    }
    header(false)

    t.rows.forEach((row, r) => {
      const isTotal = t.totalRow === true && r === t.rows.length - 1
      const strong = (i: number) => i === 0 || isTotal
      const height = rowHeight(row, strong)
      if (this.doc.y + height > this.bottom) {
        this.doc.addPage()
        header(true)
      }
      const y = this.doc.y
      this.artifact(() => {
        const lineY = isTotal ? y : y + height
        this.doc.moveTo(this.left, lineY).lineTo(this.left + this.width, lineY)
          .lineWidth(isTotal ? 1 : 0.5).strokeColor(isTotal ? this.accent : colours.rule).stroke()
      })
      const tr = this.struct('TR')
      tableElement.add(tr)
      row.forEach((cell, i) => {
        const el = this.struct(i === 0 ? 'TH' : 'TD', i === 0 ? { scope: 'Row' } : {})
        tr.add(el)
        cellText(el, cell, i, y, strong(i))
        el.end()
      })
      tr.end()
      this.doc.y = y + height
    })
    tableElement.end()
    this.doc.x = this.left
    this.doc.y += 12
  }

  private block (parent: StructElement, b: Block) {
    switch (b.type) {
      case 'paragraph': return this.paragraph(parent, b.content, b.variant)
      case 'fields': return this.fields(parent, b.items)
      case 'list': return this.list(parent, b.label, b.items)
      case 'table': return this.table(parent, b)
    }
  }

  /** Approximate height of a block, for keeping short entries on one page. */
  private estimate (b: Block): number {
    switch (b.type) {
      case 'paragraph': return this.height(plain(b.content), bodyStyle, this.width) + 6
      case 'fields': {
        const valueStyle: TextStyle = { ...bodyStyle, size: body.size - 0.5 }
        return b.items.reduce((sum, f) => sum + this.height(plain(f.value), valueStyle, this.width - 136) + 2.5, 4)
      }
      case 'list': return (b.label ? 20 : 0) + b.items.reduce((sum, i) => sum + this.height(plain(i), bodyStyle, this.width - 13) + 3, 4)
      case 'table': return 60
    }
  }

  private get pageIndex () {
    const range = this.doc.bufferedPageRange()
    return range.start + range.count - 1
  }

  /** Top-level sections and the page each starts on, for the table of contents. */
  private readonly contents: { id: string, title: string, page: number }[] = []

  private section (parent: StructElement, s: Section) {
    const sect = this.struct('Sect')
    parent.add(sect)
    let keepWith: number
    if (s.level === 3) {
      const whole = s.blocks.reduce((sum, b) => sum + this.estimate(b), 0)
      const fresh = this.doc.page.height - margins.top - margins.bottom - 40
      keepWith = whole <= fresh ? whole : (s.blocks[0] ? this.estimate(s.blocks[0]) : 0)
    } else {
      keepWith = s.blocks[0] ? Math.min(160, this.estimate(s.blocks[0])) : 0
    }
    this.heading(sect, s.level, s.heading, { newPage: s.newPage, bookmark: s.bookmark, keepWith, ...(s.commitment === undefined ? {} : { commitment: s.commitment }) })
    if (s.level === 2) {
      this.contents.push({ id: s.id, title: s.title, page: this.pageIndex })
      this.doc.addNamedDestination(s.id, 'XYZ', null, this.doc.page.height - this.doc.y + 40, null)
    }
    for (const b of s.blocks) this.block(sect, b)
    for (const sub of s.sections) this.section(sect, sub)
    sect.end()
  }

  private titlePage (root: StructElement) {
    const m = this.model
    this.artifact(() => this.doc.rect(0, 0, this.doc.page.width, 10).fill(this.accent))
    if (m.logo) {
      // Above the kicker, at most 170 × 70 pt, in its own proportions; a Figure with the logo's text alternative.
      const logo = m.logo
      const figure = this.struct('Figure', { alt: logo.alt })
      root.add(figure)
      figure.add(() => { this.doc.image(logo.png, this.left, 56, { fit: [170, 70] }) })
      figure.end()
    }
    this.doc.y = 150
    // Capitals for the eye; the text as written for search, copy and screen readers.
    const kicker = this.struct('P', { actual: m.kicker })
    root.add(kicker)
    this.inline(kicker, [{ text: m.kicker.toUpperCase() }], { font: 'bold', bold: 'bold', size: 9.5, color: colours.muted }, { x: this.left, y: this.doc.y, width: this.width })
    kicker.end()
    this.doc.y += 8
    this.heading(root, 1, [{ text: m.title }])
    if (m.subtitle.length > 0) {
      this.textElement(root, 'P', m.subtitle, { ...bodyStyle, size: 12.5, color: colours.muted })
      this.doc.y += 4
    }
    const y = this.doc.y + 10
    this.artifact(() => this.doc.moveTo(this.left, y).lineTo(this.left + 90, y).lineWidth(3).strokeColor(this.accent).stroke())
    this.doc.y = y + 20
    this.fields(root, m.fields, 150, body.size)
    this.doc.y += 14
    this.paragraph(root, [{ text: m.intro }])
  }

  render () {
    const root = this.doc.struct('Document')
    this.doc.addStructure(root)
    this.titlePage(root)
    // The contents page comes second; its entries are written once the sections' pages are known.
    this.doc.addPage()
    const contentsPage = this.pageIndex
    this.heading(root, 2, [{ text: this.model.contentsLabel }], { bookmark: 'top' })
    const toc = this.struct('TOC')
    root.add(toc)
    const contentsTop = this.doc.y
    for (const s of this.model.sections) this.section(root, s)
    this.writeContents(toc, contentsPage, contentsTop)
    toc.end()
    root.end()
    this.footers()
  }

  /** One TOCI per top-level section: its title (a link to it) and its page number. */
  private writeContents (toc: StructElement, page: number, top: number) {
    this.doc.switchToPage(page)
    this.doc.y = top
    const numberWidth = 40
    for (const entry of this.contents) {
      const y = this.doc.y
      const item = this.struct('TOCI')
      toc.add(item)
      item.add(() => {
        this.style(bodyStyle)
        this.doc.text(entry.title, this.left, y, { width: this.width - numberWidth, goTo: entry.id, lineGap: body.lineGap })
      })
      const after = this.doc.y
      item.add(() => {
        this.style(bodyStyle)
        this.doc.text(String(entry.page + 1), this.left + this.width - numberWidth, y, { width: numberWidth, align: 'right', lineGap: body.lineGap })
      })
      item.end()
      this.doc.y = Math.max(after, this.doc.y) + 4
    }
    this.doc.x = this.left
  }

  /** Running title and page numbers on every page but the title page, as pagination artifacts. */
  private footers () {
    const range = this.doc.bufferedPageRange()
    const style: TextStyle = { font: 'regular', bold: 'bold', size: 7.5, color: colours.muted }
    for (let i = 1; i < range.count; i++) {
      this.doc.switchToPage(range.start + i)
      const page = this.doc.page
      const savedBottom = page.margins.bottom
      page.margins.bottom = 0 // writing into the bottom margin must not start a new page
      const y = page.height - 46
      this.artifact(() => {
        this.doc.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(0.5).strokeColor(colours.rule).stroke()
        this.style(style)
        this.doc.text(this.model.runningTitle, this.left, y + 6, { width: this.width * 0.75, lineBreak: false })
        this.doc.text(this.model.pageLabel(i + 1, range.count), this.left + this.width * 0.75, y + 6, { width: this.width * 0.25, align: 'right', lineBreak: false })
      }, 'Pagination')
      page.margins.bottom = savedBottom
    }
  }
}

export async function renderPdf (model: ReportModel): Promise<Buffer> {
  const fonts = loadPdfFonts()
  const doc = new PDFDocument({
    size: 'A4',
    margins,
    bufferPages: true,
    autoFirstPage: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: languageTags[model.lang],
    displayTitle: true,
    info: {
      Title: model.title,
      Author: model.author,
      Subject: model.subject,
      Keywords: model.keywords.join(', '),
      Creator: 'ECCAR action plan tracker',
    },
  })
  const chunks: Buffer[] = []
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  // pdfkit 0.20 accepts parsed fontkit faces; its typings (for 0.17) only list file sources.
  for (const name of Object.keys(pdfFontFiles) as PdfFont[]) doc.registerFont(name, fonts[name] as unknown as Buffer)
  new PdfWriter(doc, model).render()
  doc.end()
  return finished
}

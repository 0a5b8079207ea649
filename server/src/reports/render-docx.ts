import { commitmentIconPaths, commitmentIdentity } from '@eccar/shared'
import {
  AlignmentType, Bookmark, BorderStyle, Document, ExternalHyperlink, Footer, ImageRun, InternalHyperlink, HeadingLevel, LineRuleType, Packer, PageNumber, Paragraph,
  ShadingType, Tab, Table as DocxTable, TableCell as DocxTableCell, TableLayoutType, TableRow, TabStopType, TextRun, WidthType,
  type IRunOptions, type ParagraphChild,
} from 'docx'
import { discPng } from './png.ts'
import { languageTags } from './report-text.ts'
import type { Block, Field, Inline, ReportLogo, ReportModel, Section, Table } from './report-model.ts'
import { fitColumns } from './table-layout.ts'

/**
 * An editable Word document built with `docx`: the built-in Heading 1–3 styles (with outline
 * levels, so Word's navigation pane and PDF export see them), tables whose first row is a
 * repeating header row, the document language on the default run properties and on every
 * foreign-language run, and title/creator/subject in the document properties.
 */

// The accent (headings) is the model's: the city's colour or the report's own blue.
const colours = { muted: '4A5560', rule: 'C9D1DA', band: 'EEF2F6' }
const font = 'Calibri'
// A4 with 2 cm margins, in twentieths of a point.
const page = { width: 11906, height: 16838, margin: 1134 }
const contentWidth = page.width - 2 * page.margin

function runs (content: Inline, base: IRunOptions = {}): ParagraphChild[] {
  return content.map((s) => {
    const run = new TextRun({
      ...base,
      text: s.text,
      ...(s.strong ? { bold: true } : {}),
      ...(s.lang ? { language: { value: languageTags[s.lang] } } : {}),
      ...(s.href ? { style: 'Hyperlink' } : {}),
    })
    return s.href ? new ExternalHyperlink({ link: s.href, children: [run] }) : run
  })
}

// Calibri's advance widths in em, roughly by kind of character: Word cannot be asked, so table
// columns are sized from this estimate, with a tenth to spare.
const narrow = new Set('iljft.,;:!|\'()[] -/')
const wide = new Set('mwMW%@')
function calibriWidth (text: string, sizeHalfPoints: number, strong: boolean): number {
  let em = 0
  for (const ch of text) {
    if (narrow.has(ch)) em += 0.3
    else if (wide.has(ch)) em += 0.8
    else if (ch >= 'A' && ch <= 'Z') em += 0.6
    else em += 0.5
  }
  // twips: half-points × 10 per em
  return em * sizeHalfPoints * 10 * (strong ? 1.06 : 1) * 1.1
}
const tableTextSize = 19

const fieldParagraph = (f: Field) => new Paragraph({
  style: 'Field',
  children: [new TextRun({ text: `${f.label}: `, bold: true, color: colours.muted }), ...runs(f.value)],
})

function table (t: Table): (Paragraph | DocxTable)[] {
  const widths = fitColumns(t, contentWidth, 80, (text, strong) => calibriWidth(text, tableTextSize, strong)).map(Math.floor)
  const border = { style: BorderStyle.SINGLE, size: 4, color: colours.rule }
  const borders = { top: border, bottom: border, left: border, right: border }
  const cell = (content: Inline, i: number, header: boolean, bold: boolean) => new DocxTableCell({
    width: { size: widths[i] ?? 0, type: WidthType.DXA },
    borders,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: colours.band } } : {}),
    children: [new Paragraph({
      style: 'TableText',
      alignment: t.columns[i]?.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      children: runs(content, bold ? { bold: true } : {}),
    })],
  })
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.columns.map((c, i) => cell(c.header.content, i, true, true)),
  })
  const bodyRows = t.rows.map((row, r) => {
    const total = t.totalRow === true && r === t.rows.length - 1
    return new TableRow({ cantSplit: true, children: row.map((c, i) => cell(c.content, i, false, i === 0 || total)) })
  })
  return [
    new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun(t.caption)] }),
    new DocxTable({
      rows: [headerRow, ...bodyRows],
      width: { size: contentWidth, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      tableLook: { firstRow: true, firstColumn: true, lastRow: t.totalRow === true, noHBand: true, noVBand: true },
    }),
  ]
}

function block (b: Block): (Paragraph | DocxTable)[] {
  switch (b.type) {
    case 'paragraph':
      return [new Paragraph({ style: b.variant === 'note' ? 'Note' : undefined, children: runs(b.content) })]
    case 'fields':
      return b.items.map(fieldParagraph)
    case 'list':
      return [
        ...(b.label ? [new Paragraph({ style: 'ListLabel', keepNext: true, children: [new TextRun(b.label)] })] : []),
        ...b.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: runs(item) })),
      ]
    case 'table':
      return table(b)
  }
}

/**
 * A commitment's icon in its colour as an SVG picture, with a filled disc of the colour as the PNG that
 * Word versions without SVG show instead; a tab (not text) keeps the heading's text exactly the title.
 */
function commitmentIcon (number: number, label: string): ParagraphChild[] {
  const { colour, icon } = commitmentIdentity(number)
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="${colour}" stroke-width="2" `
    + `stroke-linecap="round" stroke-linejoin="round"><path d="${commitmentIconPaths[icon]}"/></svg>`
  return [
    new ImageRun({
      type: 'svg',
      data: Buffer.from(svg),
      fallback: { type: 'png', data: discPng(colour) },
      transformation: { width: 22, height: 22 },
      altText: { name: `commitment-${number}`, title: label, description: label },
    }),
    new TextRun({ children: [new Tab()] }),
  ]
}

function section (s: Section, model: ReportModel): (Paragraph | DocxTable)[] {
  const text = runs(s.heading)
  const commitment = s.commitment
  return [
    new Paragraph({
      heading: s.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
      pageBreakBefore: s.newPage,
      // A commitment's colour as a bar beside its heading; the number and title stay text.
      ...(commitment === undefined ? {} : {
        border: { left: { style: BorderStyle.SINGLE, size: 36, space: 6, color: commitmentIdentity(commitment).colour.slice(1).toUpperCase() } },
      }),
      // Top-level sections are bookmarked so the contents list links to them.
      children: [
        ...(commitment === undefined ? [] : commitmentIcon(commitment, model.commitmentIconLabel(commitment))),
        ...(s.level === 2 ? [new Bookmark({ id: bookmarkId(s.id), children: text })] : text),
      ],
    }),
    ...s.blocks.flatMap(block),
    ...s.sections.flatMap((sub) => section(sub, model)),
  ]
}

/** The city's logo above the title, at most 6 cm wide and 2 cm high, keeping its proportions (sizes in pixels at 96 dpi). */
function logoParagraph (logo: ReportLogo): Paragraph {
  const scale = Math.min(1, 227 / logo.width, 76 / logo.height)
  return new Paragraph({
    spacing: { after: 240 },
    children: [new ImageRun({
      type: 'png',
      data: logo.png,
      transformation: { width: Math.max(1, Math.round(logo.width * scale)), height: Math.max(1, Math.round(logo.height * scale)) },
      altText: { name: 'logo', title: logo.alt, description: logo.alt },
    })],
  })
}

/** Word bookmark names: letters, digits and underscores, starting with a letter. */
const bookmarkId = (id: string) => `s_${id.replace(/[^A-Za-z0-9]/g, '_')}`

/**
 * The contents as a list of links to the sections. A Word TOC field would carry page numbers but
 * shows nothing until someone updates the fields, in LibreOffice as well; the footer numbers pages.
 */
function contents (model: ReportModel): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, pageBreakBefore: true, children: [new TextRun(model.contentsLabel)] }),
    ...model.sections.map((s) => new Paragraph({
      style: 'ContentsEntry',
      children: [new InternalHyperlink({ anchor: bookmarkId(s.id), children: [new TextRun({ text: s.title, style: 'Hyperlink' })] })],
    })),
  ]
}

function footer (model: ReportModel): Footer {
  // "Page {n} of {total}" with fields Word fills in.
  const [before, middle, after] = model.pageParts
  const pageRuns: ParagraphChild[] = [
    new TextRun({ text: model.runningTitle }),
    new TextRun({ children: ['\t', before, PageNumber.CURRENT, middle, PageNumber.TOTAL_PAGES, after] }),
  ]
  return new Footer({
    children: [new Paragraph({
      style: 'FooterText',
      tabStops: [{ type: TabStopType.RIGHT, position: contentWidth }],
      children: pageRuns,
    })],
  })
}

export async function renderDocx (model: ReportModel): Promise<Buffer> {
  const lang = { value: languageTags[model.lang] }
  const accent = model.accent.slice(1).toUpperCase()
  const doc = new Document({
    title: model.title,
    subject: model.subject,
    creator: model.author,
    lastModifiedBy: model.author,
    description: model.subject,
    keywords: model.keywords.join(', '),
    styles: {
      default: {
        document: {
          run: { font, size: 21, language: lang, color: '1B1F24' },
          paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
        },
        title: { run: { font, size: 40, bold: true, color: accent, language: lang } },
        heading1: {
          run: { font, size: 40, bold: true, color: accent },
          paragraph: { outlineLevel: 0, keepNext: true, keepLines: true, spacing: { before: 120, after: 240 } },
        },
        heading2: {
          run: { font, size: 30, bold: true, color: accent },
          paragraph: { outlineLevel: 1, keepNext: true, keepLines: true, spacing: { before: 360, after: 160 } },
        },
        heading3: {
          run: { font, size: 24, bold: true, color: accent },
          paragraph: { outlineLevel: 2, keepNext: true, keepLines: true, spacing: { before: 280, after: 100 } },
        },
      },
      paragraphStyles: [
        { id: 'Kicker', name: 'Kicker', basedOn: 'Normal', run: { bold: true, allCaps: true, size: 19, color: colours.muted, characterSpacing: 20 } },
        { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', run: { size: 26, color: colours.muted }, paragraph: { spacing: { after: 360 } } },
        { id: 'Field', name: 'Field', basedOn: 'Normal', paragraph: { spacing: { after: 40 }, indent: { left: 284, hanging: 284 } } },
        { id: 'Note', name: 'Note', basedOn: 'Normal', run: { italics: true, color: colours.muted } },
        { id: 'ListLabel', name: 'List Label', basedOn: 'Normal', run: { bold: true }, paragraph: { spacing: { before: 200, after: 60 } } },
        { id: 'Caption', name: 'caption', basedOn: 'Normal', next: 'Normal', run: { bold: true, size: 20 }, paragraph: { spacing: { before: 160, after: 80 } } },
        { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { size: 19 }, paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } } },
        { id: 'ContentsEntry', name: 'Contents Entry', basedOn: 'Normal', paragraph: { spacing: { after: 60 } } },
        { id: 'FooterText', name: 'Footer Text', basedOn: 'Normal', run: { size: 16, color: colours.muted }, paragraph: { spacing: { after: 0 } } },
      ],
    },
    sections: [{
      properties: {
        page: {
          size: { width: page.width, height: page.height },
          margin: { top: page.margin, bottom: page.margin, left: page.margin, right: page.margin, footer: 567 },
        },
      },
      footers: { default: footer(model) },
      children: [
        ...(model.logo ? [logoParagraph(model.logo)] : []),
        new Paragraph({ style: 'Kicker', children: [new TextRun(model.kicker)] }),
        new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(model.title)] }),
        ...(model.subtitle.length > 0 ? [new Paragraph({ style: 'Subtitle', children: runs(model.subtitle) })] : []),
        ...model.fields.map(fieldParagraph),
        new Paragraph({ spacing: { before: 240 }, children: [new TextRun(model.intro)] }),
        ...contents(model),
        ...model.sections.flatMap((s) => section(s, model)),
      ],
    }],
  })
  return Packer.toBuffer(doc)
}

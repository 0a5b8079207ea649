import { execFileSync } from 'node:child_process'
import { statusLabels, type ReportSnapshot } from '@eccar/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { decodeXml, docxTextViaLibreOffice, ensurePoppler, hasLibreOffice, unzip, withTempFile } from './fixtures/document-readers.ts'
import { jenaOrganisationNamesEn, jenaSnapshot } from './fixtures/jena-snapshot.ts'
import { renderReport } from './index.ts'

// Issue 13, "Done when": the exported files themselves are opened and read.

const squash = (text: string) => text.replace(/\s+/g, ' ')
const pdfLayoutText = (pdf: Buffer) => withTempFile('report.pdf', pdf, (path) =>
  execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }))
const pdfPages = (pdf: Buffer) => withTempFile('report.pdf', pdf, (path) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]))
const docxText = (docx: Buffer) => squash(decodeXml(unzip(docx).get('word/document.xml')!.toString('utf8').replace(/<w:tab\/>/g, ' ').replace(/<[^>]+>/g, '')))

/** Jena with everything issue 13 adds: a secondary commitment, explanations, a later change, the previous report. */
function richSnapshot (): ReportSnapshot {
  const snapshot = structuredClone(jenaSnapshot)
  snapshot.commitments[7]!.narrativeDe = null
  snapshot.commitments[7]!.narrativeEn = null
  snapshot.commitments[7]!.noNarrativeReasonEn = 'No measure of the plan serves this commitment yet.'
  snapshot.previous = {
    title: 'Umsetzungsbericht 2020–2021',
    titleEn: 'Implementation report 2020–2021',
    comparison: {
      from: { id: 1, title: 'Umsetzungsbericht 2020–2021', periodStart: '2020-01-01', periodEnd: '2021-12-31', planId: 1 },
      to: { id: 3, title: snapshot.cycle.title, periodStart: snapshot.cycle.periodStart, periodEnd: snapshot.cycle.periodEnd, planId: 1 },
      statusTransitions: [{ code: '2.1', titleDe: 'Lenkungsgruppe', titleEn: 'Steering group', from: 'in_progress', to: 'done' }],
      newMeasures: [],
      closedMeasures: [],
      indicatorChanges: [],
    },
  }
  return snapshot
}

describe('the ECCAR report of issue 13, as files', () => {
  const snapshot = richSnapshot()
  const m11 = snapshot.commitments[0]!.measures[0]!
  const m12 = snapshot.commitments[0]!.measures[1]!
  let pdf: Buffer
  let docx: Buffer
  let html: string
  beforeAll(async () => {
    ensurePoppler()
    pdf = (await renderReport(snapshot, { kind: 'eccar', format: 'pdf', lang: 'en' })).body as Buffer
    docx = (await renderReport(snapshot, { kind: 'eccar', format: 'docx', lang: 'en' })).body as Buffer
    html = (await renderReport(snapshot, { kind: 'eccar', format: 'html', lang: 'en' })).body as string
  }, 120_000)

  it('states the date statuses are as of, and each status with its date', () => {
    for (const text of [squash(pdfLayoutText(pdf)), docxText(docx), squash(html.replace(/<[^>]+>/g, ''))]) {
      expect(text).toContain('Statuses as of')
      expect(text).toContain('31 December 2023')
      expect(text).toContain(`${statusLabels[m12.status].en} (since 20 November 2023)`)
    }
  })

  it('gives each measure its description, timeframe, funding and evidence links', () => {
    for (const text of [squash(pdfLayoutText(pdf)), docxText(docx), squash(html.replace(/<[^>]+>/g, ''))]) {
      expect(text).toContain(squash(m11.descriptionEn!))
      expect(text).toContain('from 1 January 2021; Permanent task')
      expect(text).toContain('Municipal budget, 1.5 posts')
      expect(text).toContain('https://www.jena.de/antidiskriminierungsstelle')
    }
    expect(html).toContain('<a href="https://www.jena.de/antidiskriminierungsstelle">')
  })

  it('lists a measure under its secondary commitments too, marked, and counts it there', () => {
    const four = squash(html.slice(html.indexOf('id="commitment-4"'), html.indexOf('id="commitment-5"')).replace(/<[^>]+>/g, ''))
    expect(four).toContain('Measures of other commitments that also serve this one')
    expect(four).toContain(`1.2 ${m12.titleEn} (secondary; described under Commitment 1;`)
    expect(snapshot.commitments[3]!.statusCounts.delayed).toBeGreaterThan(0)
    expect(docxText(docx)).toContain('(secondary; described under Commitment 1;')
  })

  it('has challenges, needs, exchange topics, the explanation for a missing narrative, good practices and changes', () => {
    for (const text of [squash(pdfLayoutText(pdf)), docxText(docx)]) {
      expect(text).toContain('Challenges: Many incidents go unreported')
      expect(text).toContain('Needs: Reliable funding')
      expect(text).toContain('Topics for exchange with other cities: Monitoring racist incidents')
      expect(text).toContain('Why there is no narrative: No measure of the plan serves this commitment yet.')
      expect(text).toContain('Good practices')
      expect(text).toContain('A municipal contact point with its own phone number')
      expect(text).toContain('Changes since the previous report')
      expect(text).toContain('Compared with the report "Implementation report 2020–2021"')
      expect(text).not.toContain('No narrative has been recorded for this commitment')
    }
  })

  it('names no body in German in the English report where an English name exists, and marks German ones', () => {
    for (const text of [docxText(docx), squash(html.replace(/<[^>]+>/g, ''))]) {
      for (const [german, english] of Object.entries(jenaOrganisationNamesEn)) {
        if (!JSON.stringify(snapshot).includes(`"${german}"`)) continue
        expect(text, german).not.toMatch(new RegExp(`(^|[^\\p{L}])${german.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\p{L}]|$)`, 'u'))
        expect(text).toContain(english)
      }
      expect(text).toContain('KoKont (German)')
    }
  })

  it('writes "e.V." once: no double full stop after a body\'s name', () => {
    expect(html).toContain('Ausländerbeirat Jena e.V.')
    for (const text of [squash(pdfLayoutText(pdf)), docxText(docx), html]) expect(text).not.toContain('e.V..')
  })

  it('shows English units and the German unit marked, with no word broken in the indicator table', () => {
    const layout = pdfLayoutText(pdf)
    const table = layout.slice(layout.indexOf('Indicators against baseline and target'))
    const lines = table.split('\n').slice(0, 12).join('\n')
    // Header and cells wrap between words only: every word of the table is there in one piece.
    for (const word of ['Indicator', 'Baseline', 'Latest', 'Progress', 'target', 'Cases', 'Enquiries', 'discrimination']) {
      expect(lines).toMatch(new RegExp(`(^|\\s)${word}(\\s|$)`, 'm'))
    }
    expect(lines).not.toMatch(/Progres\s*$|Standor\s*$|Fäll\s*$/m)
    expect(docxText(docx)).toContain('Cases')
    expect(squash(html)).not.toContain('Fälle<')
  })

  it('starts no new page per commitment and has contents with page numbers', () => {
    const pages = pdfPages(pdf)
    expect(pages).toBeLessThan(14)
    const layout = pdfLayoutText(pdf)
    expect(layout).toMatch(/Commitment 1: Greater Vigilance Against Racism\s+\d+/)
    expect(docxText(docx)).toContain('Contents')
  })

  it('does not repeat the ECCAR title under itself in the council report when the city has no title of its own', async () => {
    const plain = structuredClone(jenaSnapshot)
    for (const c of plain.commitments) c.localTitleDe = null
    const council = (await renderReport(plain, { kind: 'council', format: 'html', lang: 'de' })).body as string
    const text = squash(council.replace(/<[^>]+>/g, ' '))
    expect(text).not.toContain('Titel im ECCAR-Aktionsplan')
  })

  it.runIf(hasLibreOffice())('opens in LibreOffice with the same sections', () => {
    const text = squash(docxTextViaLibreOffice(docx))
    expect(text).toContain('Good practices')
    expect(text).toContain('Changes since the previous report')
    expect(text).toContain('(secondary; described under Commitment 1;')
  }, 180_000)
})

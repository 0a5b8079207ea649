import { Window } from 'happy-dom'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { statusLabels, type ReportSnapshot } from '@eccar/shared'
import { jenaSnapshot } from './fixtures/jena-snapshot.ts'
import { renderReport } from './index.ts'
import { formatDate } from './report-text.ts'

const window = new Window()
afterAll(() => window.close())

async function render (snapshot: ReportSnapshot, kind: 'eccar' | 'council', lang: 'en' | 'de') {
  const report = await renderReport(snapshot, { kind, format: 'html', lang })
  const html = report.body as string
  const document = new window.DOMParser().parseFromString(html, 'text/html')
  return { html, document }
}

const normalise = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim()
const measures = jenaSnapshot.commitments.flatMap((c) => c.measures)

describe('HTML report', () => {
  let en: Awaited<ReturnType<typeof render>>
  let council: Awaited<ReturnType<typeof render>>
  beforeAll(async () => {
    en = await render(jenaSnapshot, 'eccar', 'en')
    council = await render(jenaSnapshot, 'council', 'de')
  })

  it('is a complete document with language, title and exactly one h1', () => {
    expect(en.html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(en.document.documentElement.getAttribute('lang')).toBe('en-GB')
    expect(en.document.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8')
    expect(en.document.title).toBe('Jena: implementation of the 10-Point Plan of Action against Racism, 2022–2023')
    expect(en.document.querySelectorAll('h1')).toHaveLength(1)
    expect(normalise(en.document.querySelector('h1')?.textContent)).toBe(en.document.title)
  })

  it('marks each commitment\'s heading with its own icon and colour, hidden from screen readers', () => {
    const icons = jenaSnapshot.commitments.map((c) => {
      const svg = en.document.getElementById(`commitment-${c.number}`)!.querySelector('svg')!
      expect(svg.getAttribute('aria-hidden')).toBe('true')
      expect(svg.closest('section')!.classList.contains(`commitment-${c.number}`)).toBe(true)
      return svg.getAttribute('stroke')
    })
    expect(new Set(icons).size).toBe(jenaSnapshot.commitments.length)
    expect(en.document.querySelector('style')!.textContent).toContain(`section.commitment-7 > h2 { border-left-color: #2f6b1f; }`)
  })

  it('has a section with an h2 per commitment, headed by the official ECCAR title, and shows the local title', () => {
    for (const c of jenaSnapshot.commitments) {
      const h2 = en.document.getElementById(`commitment-${c.number}`)
      expect(h2?.tagName).toBe('H2')
      expect(normalise(h2?.textContent)).toBe(`Commitment ${c.number}: ${c.titleEn}`)
      const section = h2!.closest('section')!
      expect(section.getAttribute('aria-labelledby')).toBe(`commitment-${c.number}`)
      expect(normalise(section.textContent)).toContain(c.localTitleEn!)
      expect(normalise(section.textContent)).toContain(c.localTitleDe!)
    }
    // Overview, ten commitments and indicators; plus the contents list's own heading.
    expect(en.document.querySelectorAll('main h2')).toHaveLength(13) // and good practices
  })

  it('has an h3 per measure with code and title, its status in words, progress and responsible bodies', () => {
    for (const m of measures) {
      const h3 = en.document.getElementById(`measure-${m.id}`)
      expect(h3?.tagName).toBe('H3')
      expect(normalise(h3?.textContent)).toBe(`${m.code} ${m.titleEn ?? m.titleDe}`)
      const section = h3!.closest('section')!
      const fields = Object.fromEntries([...section.querySelectorAll(':scope > dl > div')]
        .map((row) => [normalise(row.querySelector('dt')?.textContent), normalise(row.querySelector('dd')?.textContent)]))
      expect(fields.Status).toBe(`${statusLabels[m.status].en}${m.statusDate ? ` (since ${formatDate(m.statusDate, 'en')})` : ''}`)
      expect(fields.Progress).toBe(`${m.progress}%`)
      if (m.leadOrganisation) expect(fields.Lead).toBe(m.leadOrganisation.nameEn ?? `${m.leadOrganisation.name} (German)`)
      if (m.statusReason) expect(fields.Reason).toBe(m.statusReason)
      const notes = [...section.querySelectorAll(':scope > ul > li')].map((li) => normalise(li.textContent))
      expect(notes).toHaveLength(m.updates.length)
    }
    const campaign = normalise(en.document.getElementById('measure-102')?.closest('section')?.textContent)
    expect(campaign).toContain('20 November 2023: in progress → delayed, 60%')
  })

  it('marks German text in the English report with lang="de-DE"', () => {
    const germanSpans = [...en.document.querySelectorAll('[lang="de-DE"]')].map((el) => normalise(el.textContent))
    // Measure 6.4 has no English title, commitment 5 no English narrative, 2.3 only a German note.
    expect(germanSpans).toContain('6.4 Antirassismus- und Argumentationstrainings für Auszubildende und Mitarbeiter_innen'.slice(4))
    expect(germanSpans.some((t) => t.startsWith('Gleiche Chancen sind nicht nur ein Thema des Arbeitsmarktes'))).toBe(true)
    expect(germanSpans).toContain('Zwei Indikatoren festgelegt (Beratungsanfragen, Personalanteil); Datenquellen geklärt.')
    expect(germanSpans).toContain('Verstärkte Wachsamkeit gegenüber Rassismus')
    expect(normalise(en.document.body.textContent)).toContain('Enver-Şimşek-Platz')
  })

  it('has tables with captions, column headers and row headers', () => {
    const tables = [...en.document.querySelectorAll('table')]
    expect(tables).toHaveLength(2)
    for (const table of tables) {
      expect(normalise(table.querySelector('caption')?.textContent)).not.toBe('')
      expect(table.querySelectorAll('thead th[scope="col"]').length).toBeGreaterThan(1)
      const rows = [...table.querySelectorAll('tbody tr')]
      expect(rows.every((row) => row.firstElementChild?.matches('th[scope="row"]'))).toBe(true)
    }
    const [summary, indicators] = tables
    const totals = [...summary!.querySelectorAll('tbody tr')].at(-1)!
    expect([...totals.querySelectorAll('td')].map((td) => normalise(td.textContent)))
      .toEqual([...jenaSnapshot.commitments.map((c) => String(Object.values(c.statusCounts).reduce((a, b) => a + b, 0))), String(measures.length)])
    const statusRows = [...summary!.querySelectorAll('tbody tr th')].map((th) => normalise(th.textContent))
    expect(statusRows).toEqual([...Object.values(statusLabels).map((l) => l.en), 'Total'])
    // Commitment numbers are read out in full.
    expect(normalise(summary!.querySelector('thead th:nth-child(2)')?.textContent)).toBe('Commitment 11')
    const first = [...indicators!.querySelectorAll('tbody tr')][0]!
    expect([...first.children].map((cell) => normalise(cell.textContent)))
      .toEqual(['Enquiries to the anti-discrimination office', 'Cases', '30 (30 Jun 2022)', '52 (31 Dec 2023)', '60 (31 Dec 2023)', '73%'])
  })

  it('loads nothing from elsewhere', () => {
    expect(en.document.querySelectorAll('script, link, img, iframe, object, embed')).toHaveLength(0)
    // Evidence links are anchors the reader may follow; nothing is fetched when the page opens.
    expect(en.html.replace(/<a href="https:\/\/[^"]+">[^<]*<\/a>/g, '')).not.toMatch(/url\(|@import|https?:\/\//)
  })

  it('escapes text from the records', async () => {
    const hostile: ReportSnapshot = structuredClone(jenaSnapshot)
    hostile.commitments[0]!.measures[0]!.titleEn = '<script>alert(1)</script> & <b>'
    const { html, document } = await render(hostile, 'eccar', 'en')
    expect(html).not.toContain('<script>')
    expect(normalise(document.getElementById('measure-101')?.textContent)).toBe('1.1 <script>alert(1)</script> & <b>')
  })

  it('writes the ECCAR report in German on request, with the English ECCAR titles marked as English', async () => {
    const de = await render(jenaSnapshot, 'eccar', 'de')
    expect(de.document.documentElement.getAttribute('lang')).toBe('de-DE')
    for (const c of jenaSnapshot.commitments) {
      const section = de.document.getElementById(`commitment-${c.number}`)!.closest('section')!
      expect(normalise(section.querySelector('h2')?.textContent)).toBe(`Verpflichtung ${c.number}: ${c.titleDe}`)
      expect(normalise(section.querySelector('[lang="en-GB"]')?.textContent)).toBe(c.titleEn)
    }
    expect(normalise(de.document.getElementById('measure-102')?.closest('section')?.querySelector('dd')?.textContent)).toBe('verzögert (seit 20.11.2023)')
  })

  it('gives the council the city\'s own headings and German labels', () => {
    expect(council.document.documentElement.getAttribute('lang')).toBe('de-DE')
    for (const c of jenaSnapshot.commitments) {
      expect(normalise(council.document.getElementById(`commitment-${c.number}`)?.textContent)).toBe(`Verpflichtung ${c.number}: ${c.localTitleDe}`)
    }
    for (const m of measures) {
      const section = council.document.getElementById(`measure-${m.id}`)!.closest('section')!
      expect(normalise(section.querySelector('h3')?.textContent)).toBe(`${m.code} ${m.titleDe}`)
      expect(normalise(section.querySelector('dl > div dd')?.textContent).startsWith(statusLabels[m.status].de)).toBe(true)
    }
    expect(council.document.querySelectorAll('[lang="en-GB"]')).toHaveLength(0)
    const resolution = [...council.document.querySelectorAll('header dt')].find((dt) => dt.textContent === 'Stadtratsbeschluss')
    expect(resolution?.nextElementSibling?.textContent).toBe('20/0372-BV vom 16.07.2020')
  })
})

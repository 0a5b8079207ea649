import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { create, type Font } from 'fontkit'

/**
 * DejaVu Sans from the `dejavu-fonts-ttf` package (Bitstream Vera licence plus public-domain
 * changes: free to embed and redistribute). It covers German and Turkish letters (ä ö ü ß, Ş ş İ ı ğ),
 * typographic quotes and dashes and the arrow used in status changes. pdfkit embeds a subset of
 * each face, so a report carries only the glyphs it uses.
 */
export const pdfFontFiles = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  condensed: 'DejaVuSansCondensed.ttf',
  condensedBold: 'DejaVuSansCondensed-Bold.ttf',
} as const
export type PdfFont = keyof typeof pdfFontFiles

let cache: Record<PdfFont, Font> | null = null

/**
 * The parsed faces, loaded once per process and shared by every rendering: parsing the font
 * tables took about half the time of a Jena-sized report. pdfkit keeps the subset and the
 * layout cache per document, so sharing the parsed font is safe.
 */
export function loadPdfFonts (): Record<PdfFont, Font> {
  if (cache) return cache
  const require = createRequire(import.meta.url)
  const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf')
  cache = Object.fromEntries(Object.entries(pdfFontFiles).map(([key, file]) => {
    const font = create(readFileSync(join(dir, file)))
    if (!('layout' in font)) throw new Error(`${file} is a font collection, not a single face`)
    return [key, font]
  })) as Record<PdfFont, Font>
  return cache
}

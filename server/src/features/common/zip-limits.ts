import type { Entry } from 'yauzl'
import { SpreadsheetTooLargeError, SpreadsheetUnreadableError } from './spreadsheet-files.errors.ts'

/** What an uploaded workbook may unpack to: a plan's 2,000 rows take a few megabytes, so this is far beyond any real file. */
export const xlsxUnpackedMaxBytes = 100 * 1024 * 1024
const maxEntries = 10_000

/**
 * Guards exceljs (which inflates every entry into memory) against zip bombs: first the sizes the zip's
 * directory declares, then each entry inflated once as a stream and counted, since a declared size can
 * lie (yauzl stops an entry that inflates to more than it declared). Refuses with 400 before any sheet is parsed.
 */
export async function checkXlsxSize (body: Buffer, limit = xlsxUnpackedMaxBytes): Promise<void> {
  // Loaded with the first upload rather than at start-up.
  const { default: yauzl } = await import('yauzl')
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(body, { lazyEntries: true, validateEntrySizes: true }, (openError, zip) => {
      if (openError) return reject(new SpreadsheetUnreadableError('XLSX'))
      if (zip.entryCount > maxEntries) return reject(new SpreadsheetTooLargeError(limit / 1024 / 1024))
      let declared = 0
      let inflated = 0
      const refuse = (error: Error) => {
        zip.close()
        reject(error)
      }
      zip.on('error', () => refuse(new SpreadsheetUnreadableError('XLSX')))
      zip.on('end', () => resolve())
      zip.on('entry', (entry: Entry) => {
        declared += entry.uncompressedSize
        if (declared > limit) return refuse(new SpreadsheetTooLargeError(limit / 1024 / 1024))
        if (entry.fileName.endsWith('/')) return zip.readEntry()
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return refuse(new SpreadsheetUnreadableError('XLSX'))
          stream.on('data', (chunk: Buffer) => {
            inflated += chunk.length
            if (inflated > limit) {
              stream.destroy()
              refuse(new SpreadsheetTooLargeError(limit / 1024 / 1024))
            }
          })
          stream.on('error', () => refuse(new SpreadsheetUnreadableError('XLSX')))
          stream.on('end', () => zip.readEntry())
        })
      })
      zip.readEntry()
    })
  })
}

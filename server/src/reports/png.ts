import { crc32, deflateSync, inflateSync } from 'node:zlib'

/**
 * Just enough PNG for the reports: checking that a city's logo is a whole, decodable PNG before a report
 * embeds it (the upload only checks the first bytes, and pdfkit fails on a broken file halfway through a
 * document), and writing the small fallback pictures the DOCX needs next to its SVG icons.
 */

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
/** Bits per pixel-sample allowed for each colour type (PNG spec, table 11.1). */
const depths: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] }
const channels: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }
/** A logo larger than this many pixels is no logo; it also bounds the memory the check may take. */
const maxPixels = 4_000_000

export interface PngSize { width: number, height: number }

/** Width and height of a complete, non-interlaced PNG whose image data inflates to the expected size; null otherwise. */
export function checkPng (bytes: Uint8Array): PngSize | null {
  const png = Buffer.from(bytes)
  if (png.length < 8 + 25 + 12 || !png.subarray(0, 8).equals(signature)) return null
  let offset = 8
  let header: { width: number, height: number, depth: number, colourType: number, interlace: number } | null = null
  const data: Buffer[] = []
  let ended = false
  while (offset + 12 <= png.length && !ended) {
    const length = png.readUInt32BE(offset)
    const type = png.toString('latin1', offset + 4, offset + 8)
    const end = offset + 8 + length
    if (end + 4 > png.length) return null
    if (crc32(png.subarray(offset + 4, end)) !== png.readUInt32BE(end)) return null
    const chunk = png.subarray(offset + 8, end)
    if (header === null && (type !== 'IHDR' || length !== 13)) return null
    if (type === 'IHDR') {
      header = { width: chunk.readUInt32BE(0), height: chunk.readUInt32BE(4), depth: chunk[8]!, colourType: chunk[9]!, interlace: chunk[12]! }
    } else if (type === 'IDAT') data.push(chunk)
    else if (type === 'IEND') ended = true
    offset = end + 4
  }
  if (!header || !ended || data.length === 0) return null
  const { width, height, depth, colourType, interlace } = header
  if (width < 1 || height < 1 || width * height > maxPixels || interlace !== 0 || !depths[colourType]?.includes(depth)) return null
  const rowBytes = 1 + Math.ceil((width * channels[colourType]! * depth) / 8)
  try {
    const pixels = inflateSync(Buffer.concat(data), { maxOutputLength: rowBytes * height })
    return pixels.length === rowBytes * height ? { width, height } : null
  } catch {
    return null
  }
}

function chunk (type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const out = Buffer.alloc(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  typed.copy(out, 4)
  out.writeUInt32BE(crc32(typed), 8 + data.length)
  return out
}

/** An RGBA PNG of `width` × `height` pixels, each pixel's colour from `paint` (r, g, b, alpha 0–255). */
export function encodePng (width: number, height: number, paint: (x: number, y: number) => [number, number, number, number]): Buffer {
  const rows = Buffer.alloc((1 + width * 4) * height)
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 4)
    for (let x = 0; x < width; x++) rows.set(paint(x, y), row + 1 + x * 4)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 6, 0, 0, 0], 8)
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))])
}

/** A filled disc in `#rrggbb` on a transparent square: the picture shown where an SVG cannot be. */
export function discPng (colour: string, size = 48): Buffer {
  const n = Number.parseInt(colour.slice(1), 16)
  const rgb: [number, number, number] = [(n >> 16) & 255, (n >> 8) & 255, n & 255]
  const r = size / 2
  return encodePng(size, size, (x, y) => ((x + 0.5 - r) ** 2 + (y + 0.5 - r) ** 2 <= (r - 1) ** 2 ? [...rgb, 255] : [0, 0, 0, 0]))
}

// Renders build/icon.svg into every icon the installers need, and writes them into build/:
//   icons/<N>x<N>.png  Linux (AppImage, deb, .desktop), N = 16 … 512
//   icon.png           1024 px, electron-builder's fallback source
//   icon.ico           Windows: PNG entries 16 … 256 (electron-builder requires a 256 px entry)
//   icon.icns          macOS: PNG entries 16 … 1024, including the @2x types
// Rendered by Debian's Chromium (no network, no ImageMagick). The outputs are committed, so packaging
// does not need Chromium; re-run `npm run icons` after changing the SVG.
import { chromium } from '@playwright/test'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const buildDir = join(import.meta.dirname, '../build')
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const
// icns entry types holding PNG data, with their pixel size (ic11…ic14 and ic10 are the @2x variants).
const ICNS_ENTRIES = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024],
] as const
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']

async function renderPngs(svg: string, sizes: readonly number[]): Promise<Map<number, Buffer>> {
  const browser = await chromium.launch({ executablePath: process.env['ORKM_CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
  try {
    const rendered = new Map<number, Buffer>()
    for (const size of sizes) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 })
      const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `)
      await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`)
      rendered.set(size, await page.screenshot({ omitBackground: true, type: 'png' }))
      await page.close()
    }
    return rendered
  } finally {
    await browser.close()
  }
}

/** ICO: a directory of entries, each a whole PNG file (read by Windows Vista and later). */
function buildIco(pngs: ReadonlyMap<number, Buffer>, sizes: readonly number[]): Buffer {
  const header = Buffer.alloc(6 + sizes.length * 16)
  header.writeUInt16LE(0, 0) // reserved
  header.writeUInt16LE(1, 2) // type: icon
  header.writeUInt16LE(sizes.length, 4)
  let offset = header.length
  const images = sizes.map((size, index) => {
    const png = pngs.get(size)!
    const entry = 6 + index * 16
    header.writeUInt8(size >= 256 ? 0 : size, entry) // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1)
    header.writeUInt16LE(1, entry + 4) // colour planes
    header.writeUInt16LE(32, entry + 6) // bits per pixel
    header.writeUInt32LE(png.length, entry + 8)
    header.writeUInt32LE(offset, entry + 12)
    offset += png.length
    return png
  })
  return Buffer.concat([header, ...images])
}

/** ICNS: big-endian (type, length) entries after an 'icns' header; each entry here holds a PNG. */
function buildIcns(pngs: ReadonlyMap<number, Buffer>): Buffer {
  const entries = ICNS_ENTRIES.map(([type, size]) => {
    const png = pngs.get(size)!
    const entryHeader = Buffer.alloc(8)
    entryHeader.write(type, 0, 'ascii')
    entryHeader.writeUInt32BE(png.length + 8, 4)
    return Buffer.concat([entryHeader, png])
  })
  const body = Buffer.concat(entries)
  const header = Buffer.alloc(8)
  header.write('icns', 0, 'ascii')
  header.writeUInt32BE(body.length + 8, 4)
  return Buffer.concat([header, body])
}

const svg = readFileSync(join(buildDir, 'icon.svg'), 'utf8')
const pngs = await renderPngs(svg, [...new Set([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_ENTRIES.map(([, size]) => size), 1024])])
for (const size of LINUX_SIZES) writeFileSync(join(buildDir, 'icons', `${size}x${size}.png`), pngs.get(size)!)
writeFileSync(join(buildDir, 'icon.png'), pngs.get(1024)!)
writeFileSync(join(buildDir, 'icon.ico'), buildIco(pngs, ICO_SIZES))
writeFileSync(join(buildDir, 'icon.icns'), buildIcns(pngs))
console.log(`icons written to ${buildDir}`)

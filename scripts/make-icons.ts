// Renders build/icon.svg into every icon the installers need: PNGs for Linux, icon.png (1024) for
// electron-builder, icon.ico (PNG entries) for Windows and icon.icns (PNG entries) for macOS.
// Rendering uses Debian's Chromium; the outputs are committed, so building installers does not need it.
import { chromium } from '@playwright/test'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CHROMIUM_ARGS, chromiumExecutable } from '../test/harness/browser-backend'

const buildDir = join(import.meta.dirname, '../build')
const svg = readFileSync(join(buildDir, 'icon.svg'), 'utf8')
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512]

const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS })
const rendered = new Map<number, Buffer>()
for (const size of [...LINUX_SIZES, 1024]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } })
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`)
  rendered.set(size, await page.screenshot({ omitBackground: true, type: 'png' }))
  await page.close()
}
await browser.close()

for (const size of LINUX_SIZES) writeFileSync(join(buildDir, 'icons', `${size}x${size}.png`), rendered.get(size)!)
writeFileSync(join(buildDir, 'icon.png'), rendered.get(1024)!)

// ICO: a directory of PNG images (Windows Vista and later read PNG entries).
const icoSizes = [16, 24, 32, 48, 64, 128, 256]
const header = Buffer.alloc(6 + icoSizes.length * 16)
header.writeUInt16LE(0, 0)
header.writeUInt16LE(1, 2)
header.writeUInt16LE(icoSizes.length, 4)
let offset = header.length
icoSizes.forEach((size, index) => {
  const png = rendered.get(size)!
  const entry = 6 + index * 16
  header.writeUInt8(size >= 256 ? 0 : size, entry)
  header.writeUInt8(size >= 256 ? 0 : size, entry + 1)
  header.writeUInt16LE(1, entry + 4)
  header.writeUInt16LE(32, entry + 6)
  header.writeUInt32LE(png.length, entry + 8)
  header.writeUInt32LE(offset, entry + 12)
  offset += png.length
})
writeFileSync(join(buildDir, 'icon.ico'), Buffer.concat([header, ...icoSizes.map((size) => rendered.get(size)!)]))

// ICNS: typed entries holding PNG data (ic07 128, ic08 256, ic09 512, ic10 1024@2x).
const icnsEntries = ([['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024]] as const).map(([type, size]) => {
  const png = rendered.get(size)!
  const entryHeader = Buffer.alloc(8)
  entryHeader.write(type, 0, 'ascii')
  entryHeader.writeUInt32BE(png.length + 8, 4)
  return Buffer.concat([entryHeader, png])
})
const body = Buffer.concat(icnsEntries)
const icnsHeader = Buffer.alloc(8)
icnsHeader.write('icns', 0, 'ascii')
icnsHeader.writeUInt32BE(body.length + 8, 4)
writeFileSync(join(buildDir, 'icon.icns'), Buffer.concat([icnsHeader, body]))
console.log(`icons written to ${buildDir}`)

// RENDERER_CSP and app:// resolution in real Chromium, the engine Electron embeds. The built renderer loads
// through resolveAppProtocolRequest under the policy without a single violation; and React's style={…}
// props apply under style-src 'self' (React DOM sets them through the CSSOM), while style attributes in
// markup, setAttribute('style'), <style> elements and inline scripts are blocked.
import { chromium, type Browser, type Page } from '@playwright/test'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RENDERER_CSP, resolveAppProtocolRequest } from '../../../main/core/app/app-protocol'
import { makeTempDir } from '../../support/temp-dir'

const CHROMIUM = process.env['ORKM_CHROMIUM_PATH'] ?? '/usr/bin/chromium'
const BUILT_RENDERER = join(import.meta.dirname, '../../../out/renderer')
// Any origin works: every request is answered by the route below, as protocol.handle answers app://bundle.
const ORIGIN = 'http://bundle.test'

interface Violation {
  directive: string
  blocked: string
}

/** Answers every request of the page the way main/app-protocol.ts does: resolve, then the file with the CSP. */
async function serveLikeTheAppProtocol(page: Page, rendererDir: string): Promise<void> {
  await page.addInitScript(() => {
    const seen: Array<{ directive: string; blocked: string }> = []
    Object.assign(window, { cspViolations: seen })
    document.addEventListener('securitypolicyviolation', (event) => seen.push({ directive: event.effectiveDirective, blocked: event.blockedURI }))
  })
  await page.route(`${ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url())
    const resolved = resolveAppProtocolRequest(`app://bundle${url.pathname}${url.search}`, rendererDir)
    const headers = { 'Content-Security-Policy': RENDERER_CSP }
    if ('status' in resolved) return route.fulfill({ status: resolved.status, headers })
    return route.fulfill({ status: 200, headers: { ...headers, 'Content-Type': resolved.mimeType }, body: readFileSync(resolved.filePath) })
  })
}

const violationsOf = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: Violation[] }).cspViolations)

/** React 19's production CommonJS files behind a tiny require(), as one same-origin script: no bundler, no eval. */
function reactScript(): string {
  // Package folders from their entry points (the packages' export maps hide the cjs/ files themselves).
  const fromHere = createRequire(import.meta.url)
  const reactDir = dirname(fromHere.resolve('react'))
  const reactDomDir = dirname(fromHere.resolve('react-dom'))
  const schedulerDir = dirname(createRequire(fromHere.resolve('react-dom')).resolve('scheduler'))
  const files: Record<string, string> = {
    react: join(reactDir, 'cjs/react.production.js'),
    scheduler: join(schedulerDir, 'cjs/scheduler.production.js'),
    'react-dom': join(reactDomDir, 'cjs/react-dom.production.js'),
    'react-dom/client': join(reactDomDir, 'cjs/react-dom-client.production.js'),
  }
  const modules = Object.entries(files)
    .map(([name, path]) => `${JSON.stringify(name)}: function (module, exports, require) {\n${readFileSync(path, 'utf8')}\n}`)
    .join(',\n')
  return `(() => {
  const modules = {${modules}}
  const cache = {}
  const require = (name) => {
    if (!cache[name]) { cache[name] = { exports: {} }; modules[name](cache[name], cache[name].exports, require) }
    return cache[name].exports
  }
  window.React = require('react')
  window.ReactDOMClient = require('react-dom/client')
})()`
}

const PROBE_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><style>#by-style-element { color: rgb(255, 0, 0) }</style></head>
<body>
  <div id="root"></div>
  <div id="by-markup-attribute" style="color: rgb(255, 0, 0)">markup</div>
  <div id="by-set-attribute">setAttribute</div>
  <div id="by-style-element">style element</div>
  <script>window.inlineScriptRan = true</script>
  <script src="./react.js"></script>
  <script src="./probe.js"></script>
</body></html>`

const PROBE_JS = `
const styled = React.createElement('div', { id: 'react-styled', style: { display: 'block', transform: 'scaleX(0.5)', color: 'rgb(0, 128, 0)', '--fill': '0.5' } }, 'react')
ReactDOMClient.createRoot(document.getElementById('root')).render(styled)
document.getElementById('by-set-attribute').setAttribute('style', 'color: rgb(255, 0, 0)')
`

describe.skipIf(!existsSync(CHROMIUM))('the renderer CSP in Chromium', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    })
  })
  afterAll(async () => browser?.close())

  it('lets React style={…} props apply, and blocks inline style and script markup', async () => {
    const dir = await makeTempDir('orkm-csp-')
    try {
      writeFileSync(join(dir.path, 'index.html'), PROBE_HTML)
      writeFileSync(join(dir.path, 'react.js'), reactScript())
      writeFileSync(join(dir.path, 'probe.js'), PROBE_JS)
      const page = await browser.newPage()
      await serveLikeTheAppProtocol(page, dir.path)
      await page.goto(`${ORIGIN}/`)
      await page.waitForSelector('#react-styled')
      const seen = await page.evaluate(() => {
        const color = (id: string) => getComputedStyle(document.getElementById(id)!).color
        const styled = document.getElementById('react-styled')!
        return {
          reactTransform: getComputedStyle(styled).transform,
          reactColor: color('react-styled'),
          reactCustomProperty: styled.style.getPropertyValue('--fill'),
          reactWroteAttribute: styled.getAttribute('style') !== null,
          markupAttribute: color('by-markup-attribute'),
          setAttribute: color('by-set-attribute'),
          styleElement: color('by-style-element'),
          inlineScriptRan: (window as unknown as { inlineScriptRan?: boolean }).inlineScriptRan ?? false,
        }
      })
      expect(seen).toEqual({
        reactTransform: 'matrix(0.5, 0, 0, 1, 0, 0)',
        reactColor: 'rgb(0, 128, 0)',
        reactCustomProperty: '0.5',
        reactWroteAttribute: true, // the CSSOM reflects into the attribute; CSP governs only attributes set as text
        markupAttribute: 'rgb(0, 0, 0)',
        setAttribute: 'rgb(0, 0, 0)',
        styleElement: 'rgb(0, 0, 0)',
        inlineScriptRan: false,
      })
      const directives = (await violationsOf(page)).map((violation) => violation.directive).sort()
      expect(directives).toEqual(['script-src-elem', 'style-src-attr', 'style-src-attr', 'style-src-elem'])
      await page.close()
    } finally {
      await dir.remove()
    }
  })

  it.skipIf(!existsSync(join(BUILT_RENDERER, 'index.html')))('serves the built renderer through app:// resolution with no CSP violation', async () => {
    const page = await browser.newPage()
    await serveLikeTheAppProtocol(page, BUILT_RENDERER)
    const failed: string[] = []
    page.on('requestfailed', (request) => failed.push(request.url()))
    page.on('response', (response) => {
      if (response.status() !== 200) failed.push(`${response.status()} ${response.url()}`)
    })
    await page.goto(`${ORIGIN}/`)
    // Without Electron's preload there is no window.orkm: the bundle runs and says so, which proves it loaded.
    await expect.poll(() => page.textContent('#root')).toMatch(/bridge to the main process is missing/)
    const styleRules = await page.evaluate(() => [...document.styleSheets].reduce((count, sheet) => count + sheet.cssRules.length, 0))
    expect(styleRules).toBeGreaterThan(10)
    expect(failed).toEqual([])
    expect(await violationsOf(page)).toEqual([])
    await page.close()
  })
})

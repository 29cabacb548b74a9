// Looks at the built renderer in real Chromium with the fake API: screenshots of each scenario in light and dark,
// at 400 px and 1280 px wide, plus the 500-key timing. Run after `npx electron-vite build`:
//   npx tsx test/renderer/preview.ts [scenario…]      → PNGs under /tmp/orkm-preview/
import AxeBuilder from '@axe-core/playwright'
import { build } from 'esbuild'
import { chromium, type Page } from 'playwright-core'
import { createServer, type Server } from 'node:http'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { extname, join, normalize } from 'node:path'
import { ACCOUNT_SHOTS } from './account/preview-account-shots'

const root = join(import.meta.dirname, '../..')
const rendererDir = join(root, 'out/renderer')
const outDir = process.env['ORKM_PREVIEW_DIR'] ?? '/tmp/orkm-preview'
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' }

function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '')
    const file = join(dir, path === '/' ? 'index.html' : path)
    if (!file.startsWith(dir) || !existsSync(file)) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file))
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address()
    resolve({ server, origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` })
  }))
}

async function fakeScript(): Promise<string> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, 'preview-entry.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
  })
  return result.outputFiles[0]!.text
}

type Step = (page: Page) => Promise<void>

interface Shot {
  name: string
  scenario: string
  step?: Step
  fullPage?: boolean
}

const SHOTS: Shot[] = [
  { name: 'sample', scenario: 'sample', fullPage: true },
  { name: 'empty', scenario: 'empty' },
  { name: 'loading', scenario: 'loading' },
  { name: 'awaiting', scenario: 'awaiting' },
  { name: 'awaiting-empty', scenario: 'awaiting-empty' },
  { name: 'unsaved', scenario: 'unsaved' },
  { name: 'file-unwritten', scenario: 'file-unwritten' },
  {
    name: 'remove-dialog',
    scenario: 'sample',
    step: async (page) => {
      await page.getByRole('listitem', { name: 'CI runner' }).getByRole('button', { name: 'Remove CI runner' }).click()
    },
  },
  {
    name: 'mint-dialog',
    scenario: 'sample',
    step: async (page) => {
      await page.getByRole('button', { name: 'New limited key' }).first().click()
      await page.getByLabel('Label').fill('Hackathon')
      await page.getByLabel('Credit limit (USD)').fill('5')
      await page.getByLabel('Reset period').selectOption('daily')
      await page.getByLabel('Expiry').selectOption('custom')
    },
  },
  {
    name: 'mint-errors',
    scenario: 'sample',
    step: async (page) => {
      await page.getByRole('button', { name: 'New limited key' }).first().click()
      await page.getByLabel('Credit limit (USD)').fill('0')
      await page.getByRole('button', { name: 'Create key' }).click()
    },
  },
  {
    name: 'add-dialog-error',
    scenario: 'sample',
    step: async (page) => {
      await page.getByRole('button', { name: 'Add key' }).first().click()
      await page.getByLabel('API key').fill('sk-or-v1-rejected-0000000000000000')
      await page.getByRole('dialog').getByRole('button', { name: 'Add key' }).click()
      await page.getByRole('alert').waitFor()
    },
  },
  { name: 'huge', scenario: 'huge', fullPage: true },
  {
    name: 'list',
    scenario: 'sample',
    fullPage: true,
    step: async (page) => {
      await page.getByRole('button', { name: 'List' }).click()
    },
  },
  {
    name: 'list-search',
    scenario: 'sample',
    step: async (page) => {
      await page.getByRole('button', { name: 'List' }).click()
      await page.keyboard.press('/')
      await page.keyboard.type('key')
    },
  },
  {
    name: 'no-results',
    scenario: 'sample',
    step: async (page) => {
      await page.getByRole('searchbox').fill('zzz')
    },
  },
  {
    name: 'warnings-open',
    scenario: 'sample',
    step: async (page) => {
      await page.getByRole('button', { name: 'Show details' }).click()
    },
  },
  {
    name: 'connect-form',
    scenario: 'sample',
    step: async (page) => {
      await page.getByRole('button', { name: 'Connect OpenRouter' }).first().click()
    },
  },
  {
    name: 'more-menu',
    scenario: 'sample',
    step: async (page) => {
      const more = page.getByRole('button', { name: 'More' })
      if (await more.isVisible()) await more.click()
    },
  },
  { name: 'connected', scenario: 'connected' },
  {
    name: 'rename-and-toast',
    scenario: 'sample',
    step: async (page) => {
      const card = page.getByRole('listitem', { name: 'Personal laptop' })
      await card.getByRole('button', { name: 'Copy Personal laptop' }).click()
      await card.getByRole('button', { name: 'Rename Personal laptop' }).click()
      await page.keyboard.press('End')
      await page.keyboard.type(' (2024)')
      await page.getByText('Copied.').waitFor()
    },
  },
]

SHOTS.push(...ACCOUNT_SHOTS)

const WIDTHS = (process.env['ORKM_PREVIEW_WIDTHS'] ?? '1100,1400,400').split(',').map(Number)
const SCHEMES = ['light', 'dark'] as const

async function measureMany(page: Page, origin: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto(`${origin}/index.html`)
  // A string, so no bundler helper (tsx's __name) leaks into the page.
  const timing = (await page.evaluate(`new Promise((resolve) => {
    const check = () => {
      const perf = window.__orkmPerf
      if (perf && perf.cards) requestAnimationFrame(() => setTimeout(() => resolve({ ...perf, interactive: performance.now() }), 0))
      else setTimeout(check, 5)
    }
    check()
  })`)) as { mounted: number; first: number; cards: number; interactive: number; longest: number }
  const ms = (value: number) => `${value.toFixed(0)} ms`
  console.log(
    `500 keys (ms after navigation start): app mounted ${ms(timing.mounted)}, first cards ${ms(timing.first)} ` +
      `(${ms(timing.first - timing.mounted)} after mount), all 500 ${ms(timing.cards)} (${ms(timing.cards - timing.mounted)} after mount), ` +
      `idle ${ms(timing.interactive)}; longest main-thread task ${ms(timing.longest)}`,
  )
  // One interaction on the full list: Move down on the first card, until the list shows the new order.
  const before = performance.now()
  await page.getByRole('listitem', { name: 'Key 001' }).getByRole('button', { name: 'Move Key 001 down' }).click()
  await page.waitForFunction(() => document.querySelector('[data-key-id]')?.getAttribute('aria-label') === 'Key 002')
  console.log(`500 keys: Move down re-ordered the list in ${(performance.now() - before).toFixed(0)} ms (including Playwright round trips)`)
}

async function main(): Promise<void> {
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('Build first: npx electron-vite build')
  mkdirSync(outDir, { recursive: true })
  const only = process.argv.slice(2)
  const script = await fakeScript()
  const { server, origin } = await serve(rendererDir)
  const browser = await chromium.launch({
    executablePath: process.env['ORKM_CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  })
  const problems: string[] = []
  const notes = new Set<string>()
  try {
    for (const shot of SHOTS.filter((candidate) => only.length === 0 || only.includes(candidate.name))) {
      for (const scheme of SCHEMES) {
        for (const width of WIDTHS) {
          const context = await browser.newContext({ viewport: { width, height: 860 }, colorScheme: scheme, locale: 'en-US', reducedMotion: 'reduce' })
          const page = await context.newPage()
          page.on('console', (message) => {
            if ((message.type() === 'error' || message.type() === 'warning') && !message.location().url.endsWith('/favicon.ico')) problems.push(`${shot.name}: ${message.text()} ${message.location().url}`)
          })
          page.on('pageerror', (error) => problems.push(`${shot.name}: ${error.message}`))
          await page.addInitScript(`window.__orkmScenario = ${JSON.stringify(shot.scenario)};`)
          await page.addInitScript(script)
          await page.goto(`${origin}/index.html`)
          if (shot.scenario !== 'loading') await page.locator('.skeleton-grid').waitFor({ state: 'detached' })
          if (shot.step) await shot.step(page)
          await page.waitForTimeout(300)
          const file = join(outDir, `${shot.name}-${scheme}-${width}.png`)
          // Narrow windows: the first 1700 px of the page, which is what the eye checks.
          await page.screenshot(
            width < 500 && shot.fullPage ? { path: file, fullPage: true, clip: { x: 0, y: 0, width, height: 1700 } } : { path: file, fullPage: shot.fullPage ?? false },
          )
          console.log(file)
          // Accessibility: no serious or critical axe violations in any state, theme or width.
          const axe = await new AxeBuilder({ page: page as never }).analyze()
          for (const violation of axe.violations.filter((found) => found.impact === 'serious' || found.impact === 'critical')) {
            problems.push(`${shot.name} ${scheme} ${width}: axe ${violation.impact} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`)
          }
          for (const violation of axe.violations.filter((found) => found.impact !== 'serious' && found.impact !== 'critical')) {
            notes.add(`${shot.name}: axe ${violation.impact} ${violation.id}`)
          }
          await context.close()
        }
      }
    }
    if (only.length === 0 || only.includes('many')) {
      const context = await browser.newContext({ colorScheme: 'light', locale: 'en-US' })
      const page = await context.newPage()
      await page.addInitScript(`window.__orkmScenario = 'many';
        window.__orkmPerf = { longest: 0 };
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.__orkmPerf.longest = Math.max(window.__orkmPerf.longest, entry.duration);
        }).observe({ type: 'longtask', buffered: true });
        new MutationObserver((_, observer) => {
          const perf = window.__orkmPerf;
          if (!perf.mounted && document.querySelector('.skeleton-grid, [data-key-id]')) perf.mounted = performance.now();
          if (!perf.first && document.querySelector('[data-key-id]')) perf.first = performance.now();
          if (!perf.cards && document.querySelectorAll('[data-key-id]').length >= 500) { perf.cards = performance.now(); observer.disconnect(); }
        }).observe(document, { childList: true, subtree: true });`)
      await page.addInitScript(script)
      await measureMany(page, origin)
      await page.screenshot({ path: join(outDir, 'many-light-1280.png') })
      await context.close()
    }
  } finally {
    await browser.close()
    server.close()
  }
  for (const note of notes) console.log(`note: ${note}`)
  if (problems.length > 0) {
    console.log('Console problems:')
    for (const problem of problems) console.log(`  ${problem}`)
    process.exitCode = 1
  }
}

await main()

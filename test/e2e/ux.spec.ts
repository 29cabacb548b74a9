// Issue 12 end to end: cards that tell one truth (huge amounts, dead keys), the compact list with search and keyboard,
// Add key's duplicate and error cases, and axe at 1100 and 400 px in light and dark, in both views.
import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import { seedDemoKeys } from '../openrouter-double'
import { keytar } from '../support/keychain'
import { keyIdOf } from '../../main/core/keys/key-identity'
import { expect, test } from './fixtures'
import { storeKeys } from './seed'
import { keyCard } from './steps'
import { CARD_SIZE, ROW_SIZE } from '../../renderer/src/hooks/firstScreenful'

/** Boxes of the given elements that overlap each other (by more than a pixel), as "a × b" pairs. */
async function overlaps(items: Locator[]): Promise<string[]> {
  const boxes = await Promise.all(items.map(async (item) => ({ name: (await item.getAttribute('data-testid')) ?? '?', box: await item.boundingBox() })))
  const found: string[] = []
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      if (!a.box || !b.box) continue
      const x = Math.min(a.box.x + a.box.width, b.box.x + b.box.width) - Math.max(a.box.x, b.box.x)
      const y = Math.min(a.box.y + a.box.height, b.box.y + b.box.height) - Math.max(a.box.y, b.box.y)
      if (x > 1 && y > 1) found.push(`${a.name} × ${b.name}`)
    }
  }
  return found
}

async function seriousAxeViolations(app: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page: app }).analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`)
}

test('a card with huge amounts shows them in full, in boxes that do not overlap, at 1100 and 400 px', async ({ launch, double, appEnv }) => {
  const secret = double.createKey({ limit: 250_000, limitReset: 'monthly', usage: 123_456.79, usageDaily: 4_321.09, usageWeekly: 28_765.43, usageMonthly: 123_456.79 })
  await storeKeys(appEnv, [{ secret, label: 'Production inference fleet for the customer support assistant' }])
  const { app } = await launch()
  const card = keyCard(app, 'Production inference fleet for the customer support assistant')
  await expect(card.getByTestId('key-remaining')).toHaveText('$126,543.21')
  await expect(card.getByTestId('key-limit')).toHaveText('$250,000.00')
  for (const width of [1100, 400]) {
    await app.setViewportSize({ width, height: 800 })
    const figures = ['key-remaining', 'key-limit', 'key-reset'].map((id) => card.getByTestId(id))
    expect(await overlaps(figures), `${width} px`).toEqual([])
    // Each amount fits inside its card.
    const cardBox = (await card.boundingBox())!
    for (const figure of figures) {
      const box = (await figure.boundingBox())!
      expect(box.x + box.width, `${width} px`).toBeLessThanOrEqual(cardBox.x + cardBox.width + 1)
    }
    // The name is whole: no ellipsis, nothing clipped.
    const heading = card.getByRole('heading')
    expect(await heading.evaluate((element) => element.scrollWidth <= element.clientWidth + 1), `${width} px`).toBe(true)
  }
})

test('a long list’s first pass fills the window: no card or row is shorter than the size it counts on', async ({ launch, double, appEnv }) => {
  // The smallest card: a key never checked, with a one-letter name; beside every other state a person can meet.
  const seeds = [...seedDemoKeys(double), { secret: double.createKey(), label: 'Q' }]
  await storeKeys(appEnv, seeds)
  // The start-up refresh stays under way while the cards are measured, so "Q" is measured never checked (if it
  // ends sooner on a slow machine, the cards only grow).
  double.setLatency(4000)
  const { app } = await launch()
  await expect(keyCard(app, 'Q').getByTestId('key-status')).toHaveText('Not checked yet')
  // Each card at its own height, not stretched to its row's tallest (through the CSSOM: the page's CSP refuses a
  // style tag).
  await app.locator('ul.key-grid').evaluate((grid) => grid.style.setProperty('align-items', 'start'))
  const heights = (selector: string) => app.locator(selector).evaluateAll((items) => items.map((item) => Math.floor(item.getBoundingClientRect().height)))
  for (const width of [1400, 1100, 400]) {
    await app.setViewportSize({ width, height: 800 })
    const cards = await heights('[aria-label="Stored keys"] > li')
    expect(cards, `${width} px`).toHaveLength(seeds.length)
    expect(Math.min(...cards), `${width} px: the shortest card`).toBeGreaterThanOrEqual(CARD_SIZE.minHeight)
  }
  await app.getByRole('button', { name: 'List', exact: true }).click()
  for (const width of [1400, 400]) {
    await app.setViewportSize({ width, height: 800 })
    const rows = await heights('[role="grid"][aria-label="Stored keys"] [role="row"][data-row-index]')
    expect(rows, `${width} px`).toHaveLength(seeds.length)
    expect(Math.min(...rows), `${width} px: the shortest row`).toBeGreaterThanOrEqual(ROW_SIZE.minHeight)
  }
  // The refresh's later requests need not wait out the delay while the app closes.
  double.setLatency(0)
})

test('dead keys are visibly inactive and their impossible actions are off, with a reason', async ({ launch, double, appEnv }) => {
  const seeds = seedDemoKeys(double)
  const missing = { secret: double.createKey({ limit: 3 }), label: 'Deleted from keychain' }
  await storeKeys(appEnv, [...seeds, missing])
  await keytar.deletePassword(appEnv.ORKM_KEYCHAIN_SERVICE, keyIdOf(missing.secret))
  const { app } = await launch()
  for (const label of ['Old experiment', 'Shared with a friend']) {
    const card = keyCard(app, label)
    await expect(card.locator('article')).toHaveClass(/card-inactive/)
    await expect(card.getByRole('button', { name: `Set as default: ${label}` })).toHaveCount(0)
  }
  // What an expired key had left is history, not the headline.
  await expect(keyCard(app, 'Old experiment').getByText('Was left')).toBeVisible()
  await expect(keyCard(app, 'Shared with a friend').getByTestId('key-status')).toHaveText('Rejected or disabled on OpenRouter')
  const gone = keyCard(app, 'Deleted from keychain')
  await app.getByRole('button', { name: 'Refresh all' }).click()
  await expect(gone.getByTestId('key-status')).toHaveText('Missing from keychain')
  await expect(gone.getByRole('button', { name: 'Copy Deleted from keychain', exact: true })).toBeDisabled()
  await expect(gone.getByRole('button', { name: 'Copy Deleted from keychain', exact: true })).toHaveAccessibleDescription(/no longer in your keychain/)
  // It is among the warnings, and cannot sign a new key.
  const warnings = app.getByRole('region', { name: 'Warnings' })
  await warnings.getByRole('button', { name: 'Show details' }).click()
  await expect(warnings).toContainText('“Deleted from keychain” is no longer in your keychain.')
  await app.getByRole('button', { name: 'New limited key' }).first().click()
  const source = app.getByRole('dialog', { name: 'New limited key' }).getByLabel('Authenticate with')
  await expect(source.locator('option', { hasText: 'Old experiment' })).toBeDisabled()
  await expect(source.locator('option', { hasText: 'Deleted from keychain' })).toBeDisabled()
})

test('list view: one row per key, search and status filter, "/" and arrow keys; remembered after a restart', async ({ launch, double, appEnv }) => {
  await storeKeys(appEnv, seedDemoKeys(double))
  const first = await launch()
  const app = first.app
  await expect(keyCard(app, 'Work laptop').getByTestId('key-status')).toHaveText('Active')
  await app.getByRole('button', { name: 'List', exact: true }).click()
  const grid = app.getByRole('grid', { name: 'Stored keys' })
  const rows = grid.getByRole('row').filter({ has: app.getByTestId('row-name') })
  await expect(rows).toHaveCount(6)
  await expect(grid.getByRole('row', { name: 'Work laptop' }).getByTestId('row-amounts')).toHaveText('$18.60 / $25.00')
  // "/" puts the cursor in the search; the list narrows as one types.
  await app.locator('body').click({ position: { x: 5, y: 300 } })
  await app.keyboard.press('/')
  await expect(app.getByRole('searchbox')).toBeFocused()
  await app.keyboard.type('week')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toHaveAttribute('aria-label', 'Weekend project')
  await app.getByRole('searchbox').fill('zzz')
  await expect(app.getByTestId('no-results')).toContainText('No key matches “zzz”.')
  await app.getByRole('button', { name: 'Show all keys' }).click()
  await app.getByLabel('Show', { exact: true }).selectOption('inactive')
  await expect(rows).toHaveCount(2)
  await app.getByLabel('Show', { exact: true }).selectOption('all')
  // Keyboard: one tab stop, arrows move between rows and into a row's buttons.
  await rows.first().focus()
  await app.keyboard.press('ArrowDown')
  await expect(rows.nth(1)).toBeFocused()
  await app.keyboard.press('End')
  await expect(rows.last()).toBeFocused()
  await app.keyboard.press('Home')
  await app.keyboard.press('ArrowRight')
  await expect(rows.first().getByRole('button', { name: 'Copy Work laptop' })).toBeFocused()
  await app.keyboard.press('Tab')
  expect(await grid.evaluate((element) => element.contains(document.activeElement))).toBe(false)
  await first.close()
  const second = await launch()
  await expect(second.app.getByRole('grid', { name: 'Stored keys' })).toBeVisible()
})

test('add key: an error keeps the pasted value (show/hide); a key already stored is named, not added again', async ({ launch, double, appEnv }) => {
  const stored = double.createKey({ limit: 4 })
  await storeKeys(appEnv, [{ secret: stored, label: 'Work laptop' }])
  const revoked = double.createKey()
  double.revokeKey(revoked)
  const { app } = await launch()
  await app.getByRole('button', { name: 'Add key' }).first().click()
  const dialog = app.getByRole('dialog', { name: 'Add an existing key' })
  const field = dialog.getByLabel('API key')
  await field.fill(revoked)
  await dialog.getByRole('button', { name: 'Add key' }).click()
  await expect(dialog.getByRole('alert')).toContainText('rejected')
  await expect(field).toHaveValue(revoked)
  await expect(field).toHaveAttribute('type', 'password')
  await dialog.getByRole('button', { name: 'Show key' }).click()
  await expect(field).toHaveAttribute('type', 'text')
  await field.fill(stored)
  await dialog.getByRole('button', { name: 'Add key' }).click()
  await expect(dialog.getByRole('alert')).toContainText('Already stored as “Work laptop”.')
  await expect(app.getByText(/^Added/)).toHaveCount(0)
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(app.getByRole('list', { name: 'Stored keys' }).getByRole('listitem')).toHaveCount(1)
})

test('accessibility: no serious or critical axe violations at 1100 and 400 px, light and dark, cards and list', async ({ launch, double, appEnv }) => {
  await storeKeys(appEnv, seedDemoKeys(double))
  const { app } = await launch()
  await expect(keyCard(app, 'Work laptop').getByTestId('key-status')).toHaveText('Active')
  const problems: string[] = []
  for (const view of ['Cards', 'List'] as const) {
    await app.setViewportSize({ width: 1100, height: 780 })
    await app.getByRole('button', { name: view, exact: true }).click()
    for (const width of [1100, 400]) {
      await app.setViewportSize({ width, height: 780 })
      for (const colorScheme of ['light', 'dark'] as const) {
        await app.emulateMedia({ colorScheme })
        for (const problem of await seriousAxeViolations(app)) problems.push(`${view} ${width} ${colorScheme}: ${problem}`)
      }
      expect(await app.evaluate(() => document.documentElement.scrollWidth > window.innerWidth), `${view} ${width}: horizontal scroll`).toBe(false)
    }
  }
  // The connect form and the warnings, expanded, too.
  await app.setViewportSize({ width: 400, height: 780 })
  await app.getByRole('button', { name: 'More' }).click()
  await expect(app.getByRole('button', { name: 'Add key' })).toBeVisible()
  await app.keyboard.press('Escape')
  await app.getByRole('button', { name: 'Connect OpenRouter' }).first().click()
  for (const problem of await seriousAxeViolations(app)) problems.push(`connect form: ${problem}`)
  expect(problems).toEqual([])
})

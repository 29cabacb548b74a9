// Issue #3: the dashboard shows every state a key can be in, and every management action works end to end.
import AxeBuilder from '@axe-core/playwright'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { keyIdOf } from '../../main/core/keys/key-identity'
import { METADATA_FILE_NAME } from '../../main/core/keys/metadata-store'
import { seedDemoKeys } from '../openrouter-double'
import { keychainItems } from '../support/keychain'
import { expect, test } from './fixtures'
import { storeKeys } from './seed'
import { screenshotPath } from './screenshots'
import { keyCard } from './steps'

const DAY = 24 * 60 * 60 * 1000

test.describe('dashboard', () => {
  test('keys in every state render with their status, cap, remaining and expiry', async ({ launch, double, appEnv }) => {
    const seeds = seedDemoKeys(double)
    await storeKeys(appEnv, seeds)
    const { app } = await launch()
    const expectations: Array<[string, string, string]> = [
      ['Work laptop', 'Active', '$25.00'],
      ['CI pipeline', 'Expires soon', '$10.00'],
      ['Old experiment', 'Expired', '$5.00'],
      ['Weekend project', 'Limit reached', '$2.00'],
      ['Personal (no cap)', 'Active', 'No cap'],
      ['Shared with a friend', 'Rejected by OpenRouter', ''],
    ]
    for (const [label, status, limit] of expectations) {
      const card = keyCard(app, label)
      await expect(card.getByTestId('key-status'), label).toHaveText(status)
      if (limit) await expect(card.getByTestId('key-limit'), label).toHaveText(limit)
    }
    await expect(keyCard(app, 'Work laptop').getByTestId('key-remaining')).toHaveText('$18.60')
    await expect(keyCard(app, 'Work laptop').getByTestId('key-reset')).toHaveText('Monthly')
    await expect(keyCard(app, 'Work laptop').getByTestId('key-usage-daily')).toHaveText('$0.42')
    await expect(keyCard(app, 'Personal (no cap)').getByTestId('key-remaining')).toHaveText('—')
    await expect(keyCard(app, 'Personal (no cap)').getByTestId('key-usage-total')).toHaveText('$41.87')
    await expect(keyCard(app, 'CI pipeline').getByTestId('key-expiry')).toContainText('in 3 days')
    await expect(keyCard(app, 'Weekend project').getByRole('meter', { name: 'Remaining credit' })).toHaveAttribute('aria-valuenow', '0')
    // Warnings reach the person: in the window…
    const warnings = app.getByRole('region', { name: 'Warnings' })
    await expect(warnings).toContainText('CI pipeline')
    await expect(warnings).toContainText('Shared with a friend')
  })

  test('rename, set as default and reorder; the choices survive a restart', async ({ launch, double, appEnv }) => {
    await storeKeys(appEnv, [
      { secret: double.createKey({ limit: 5 }), label: 'First' },
      { secret: double.createKey({ limit: 5 }), label: 'Second' },
    ])
    const { app } = await launch()
    const first = keyCard(app, 'First')
    await first.getByRole('button', { name: 'Rename' }).click()
    await first.getByLabel('Key label').fill('Laptop')
    await first.getByLabel('Key label').press('Enter')
    await expect(keyCard(app, 'Laptop')).toBeVisible()
    await keyCard(app, 'Second').getByRole('button', { name: 'Set as default' }).click()
    await expect(keyCard(app, 'Second').getByText('Default', { exact: true })).toBeVisible()
    await keyCard(app, 'Second').getByRole('button', { name: 'Move up' }).click()
    const labels = app.getByRole('list', { name: 'Stored keys' }).getByRole('listitem')
    await expect(labels.first()).toHaveAttribute('aria-label', 'Second')

    const again = await launch()
    await expect(again.app.getByRole('list', { name: 'Stored keys' }).getByRole('listitem').first()).toHaveAttribute('aria-label', 'Second')
    await expect(keyCard(again.app, 'Laptop')).toBeVisible()
  })

  test('copy: main puts the key on the clipboard, then clears it; the page never sees it', async ({ launch, double, appEnv }) => {
    const secret = double.createKey({ limit: 5 })
    await storeKeys(appEnv, [{ secret, label: 'Copy me' }])
    const harness = await launch({ ORKM_CLIPBOARD_CLEAR_SECONDS: '2' })
    const card = keyCard(harness.app, 'Copy me')
    await card.getByRole('button', { name: 'Copy as export' }).click()
    await expect.poll(() => harness.readClipboard()).toBe(`export OPENROUTER_API_KEY=${secret}`)
    await card.getByRole('button', { name: 'Copy key' }).click()
    await expect.poll(() => harness.readClipboard()).toBe(secret)
    await expect(harness.app.getByText(/clipboard will be cleared/)).toBeVisible()
    await expect.poll(() => harness.readClipboard(), { timeout: 6000 }).toBe('')
    expect(await harness.app.content()).not.toContain(secret)
  })

  test('add by paste: a good key is stored; a rejected key is refused and not stored', async ({ launch, double, appEnv }) => {
    const good = double.createKey({ limit: 8 })
    const revoked = double.createKey()
    double.revokeKey(revoked)
    const { app } = await launch()
    await expect(app.getByRole('heading', { name: 'No keys yet' })).toBeVisible()

    await app.getByRole('button', { name: 'Add key' }).first().click()
    const dialog = app.getByRole('dialog', { name: 'Add an existing key' })
    await dialog.getByLabel('API key').fill(revoked)
    await dialog.getByLabel('Label').fill('Revoked one')
    await dialog.getByRole('button', { name: 'Add key' }).click()
    await expect(dialog.getByRole('alert')).toContainText('rejected')
    expect(await keychainItems(appEnv.ORKM_KEYCHAIN_SERVICE)).toEqual([])

    await dialog.getByLabel('API key').fill(good)
    await dialog.getByLabel('Label').fill('Pasted')
    await dialog.getByRole('button', { name: 'Add key' }).click()
    await expect(dialog).toHaveCount(0)
    await expect(keyCard(app, 'Pasted').getByTestId('key-limit')).toHaveText('$8.00')
    expect((await keychainItems(appEnv.ORKM_KEYCHAIN_SERVICE)).map((item) => item.password)).toEqual([good])
  })

  test('remove: confirmed in plain words; the keychain item and the metadata are gone', async ({ launch, double, appEnv }) => {
    const secret = double.createKey()
    await storeKeys(appEnv, [{ secret, label: 'Goner' }])
    const { app } = await launch()
    await keyCard(app, 'Goner').getByRole('button', { name: 'Remove' }).click()
    const dialog = app.getByRole('dialog', { name: 'Remove key from this device?' })
    await expect(dialog).toContainText('OpenRouter')
    await expect(dialog.getByRole('button', { name: 'Revoke on OpenRouter' })).toBeVisible()
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(keyCard(app, 'Goner')).toBeVisible()
    await keyCard(app, 'Goner').getByRole('button', { name: 'Remove' }).click()
    await app.getByRole('dialog', { name: 'Remove key from this device?' }).getByRole('button', { name: 'Remove from this device' }).click()
    await expect(keyCard(app, 'Goner')).toHaveCount(0)
    // The card goes as soon as the removal starts; the keychain delete and the final metadata write follow.
    await expect.poll(() => keychainItems(appEnv.ORKM_KEYCHAIN_SERVICE)).toEqual([])
    await expect.poll(() => readFile(join(appEnv.ORKM_DATA_DIR, METADATA_FILE_NAME), 'utf8')).not.toContain(keyIdOf(secret))
  })

  test('refresh all shows OpenRouter’s new figures', async ({ launch, double, appEnv }) => {
    const secret = double.createKey({ limit: 10, usage: 1 })
    await storeKeys(appEnv, [{ secret, label: 'Busy' }])
    const { app } = await launch()
    await expect(keyCard(app, 'Busy').getByTestId('key-remaining')).toHaveText('$9.00')
    double.updateKey(secret, { usage: 9.75, expiresAt: new Date(Date.now() + 2 * DAY).toISOString() })
    await app.getByRole('button', { name: 'Refresh all' }).click()
    await expect(keyCard(app, 'Busy').getByTestId('key-remaining')).toHaveText('$0.25')
    await expect(keyCard(app, 'Busy').getByTestId('key-status')).toHaveText('Expires soon')
  })

  test('accessibility: no serious or critical axe violations, light and dark; screenshots for the README', async ({ launch, double, appEnv, backend }) => {
    await storeKeys(appEnv, seedDemoKeys(double).slice(0, 5))
    const { app } = await launch()
    await expect(keyCard(app, 'Work laptop').getByTestId('key-status')).toHaveText('Active')
    for (const colorScheme of ['light', 'dark'] as const) {
      await app.emulateMedia({ colorScheme })
      const results = await new AxeBuilder({ page: app }).analyze()
      const severe = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      expect(severe.map((violation) => `${violation.id}: ${violation.help}`), colorScheme).toEqual([])
      if (backend === 'browser') await app.screenshot({ path: screenshotPath(`dashboard-${colorScheme}.png`), fullPage: false })
    }
    await app.setViewportSize({ width: 400, height: 800 })
    const narrow = await new AxeBuilder({ page: app }).analyze()
    expect(narrow.violations.filter((violation) => violation.impact === 'critical')).toEqual([])
    const overflow = await app.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)
    expect(overflow).toBe(false)
  })
})

// Issue #2's spine: Connect → approve in the browser → the key is listed, in the keychain, and in no file.
import { maskKey } from '../../main/core/keys/key-identity'
import { keychainItems } from '../support/keychain'
import { readAllFiles } from '../support/temp-dir'
import { expect, test } from './fixtures'
import { screenshotPath } from './screenshots'
import { connectAccount, keyCard, startConnect } from './steps'

test('connect: the approved key appears with the figures OpenRouter reports, stored only in the keychain', async ({ launch, double, appEnv, backend }) => {
  const harness = await launch()
  const consent = await startConnect(harness, { limit: 10 })
  // The consent page was opened on OpenRouter's /auth with PKCE S256 and a loopback callback.
  const consentUrl = new URL(consent.url())
  expect(consentUrl.origin).toBe(new URL(double.origin).origin)
  expect(consentUrl.pathname).toBe('/auth')
  expect(consentUrl.searchParams.get('code_challenge_method')).toBe('S256')
  expect(consentUrl.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/)
  expect(consentUrl.searchParams.get('limit')).toBe('10')
  const callbackUrl = new URL(consentUrl.searchParams.get('callback_url') ?? '')
  expect(callbackUrl.hostname).toBe('localhost')
  expect(callbackUrl.pathname).toMatch(/^\/callback\/[A-Za-z0-9_-]{32}$/)

  await consent.getByRole('button', { name: 'Authorize' }).click()
  await expect(consent.getByText('Connected — you can close this tab')).toBeVisible()
  const { app } = harness
  await expect(app.getByTestId('connect-status')).toHaveText('Connected — the key is saved in your keychain.')

  const issued = double.keys()
  expect(issued).toHaveLength(1)
  const secret = issued[0]!.secret
  const card = keyCard(app, 'OpenRouter key 1')
  await expect(card.getByTestId('key-masked')).toHaveText(maskKey(secret))
  await expect(card.getByTestId('key-limit')).toHaveText('$10.00')
  await expect(card.getByTestId('key-remaining')).toHaveText('$10.00')
  await expect(card.getByTestId('key-status')).toHaveText('Active')
  await expect(card.getByTestId('key-expiry')).toHaveText('Never')

  // OpenRouter changes the key's usage and expiry; a refresh shows them.
  const expiresAt = new Date(Date.now() + 20 * 24 * 60 * 60 * 1000)
  double.updateKey(secret, { usage: 2.5, usageDaily: 2.5, usageWeekly: 2.5, usageMonthly: 2.5, expiresAt: expiresAt.toISOString() })
  await card.getByRole('button', { name: 'Refresh' }).click()
  await expect(card.getByTestId('key-remaining')).toHaveText('$7.50')
  await expect(card.getByTestId('key-expiry')).toContainText(/in (20|19) days/)

  // The exchange carried no Authorization header, and the keychain holds exactly this key.
  const exchange = double.requests.find((request) => request.path === '/api/v1/auth/keys')
  expect(exchange?.authorization).toBeNull()
  const items = await keychainItems(appEnv.ORKM_KEYCHAIN_SERVICE)
  expect(items.map((item) => item.password)).toEqual([secret])
  // No file the app wrote contains the key.
  const files = await readAllFiles(appEnv.ORKM_DATA_DIR)
  expect(files.length).toBeGreaterThan(0)
  for (const file of files) expect(file.text, file.path).not.toContain(secret)
  // The renderer never held the whole key.
  expect(await app.content()).not.toContain(secret)

  if (backend === 'browser') {
    await app.setViewportSize({ width: 1200, height: 760 })
    await app.screenshot({ path: screenshotPath('connected.png') })
  }
})

test('restart: stored keys are listed again when the app starts again', async ({ launch, double }) => {
  const first = await launch()
  await connectAccount(first)
  await expect(keyCard(first.app, 'OpenRouter key 1')).toBeVisible()
  await first.close()

  const second = await launch()
  const card = keyCard(second.app, 'OpenRouter key 1')
  await expect(card.getByTestId('key-masked')).toHaveText(maskKey(double.keys()[0]!.secret))
  await expect(second.app.getByRole('list', { name: 'Stored keys' }).getByRole('listitem')).toHaveCount(1)
})

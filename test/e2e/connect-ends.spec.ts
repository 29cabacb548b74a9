// The ways a connect ends without a key: deny, cancel, timeout. Nothing is stored and the listener is gone.
import { isPortAnswering } from '../../main/core/connect/callback-server'
import { keychainItems } from '../support/keychain'
import { expect, test } from './fixtures'
import { WAITING_TEXT, connectionStatus, shownCallbackUrl, startConnect } from './steps'

test('deny: the person declines on the consent page; nothing is stored and the app returns to idle', async ({ launch, appEnv }) => {
  const harness = await launch()
  const consent = await startConnect(harness)
  const callbackPort = Number((await shownCallbackUrl(harness.app)).port)
  await consent.getByRole('button', { name: 'Deny' }).click()
  await expect(connectionStatus(harness.app)).toContainText('You declined the authorization')
  expect(await keychainItems(appEnv.ORKM_KEYCHAIN_SERVICE)).toEqual([])
  await expect.poll(() => isPortAnswering('127.0.0.1', callbackPort)).toBe(false)
  await harness.app.getByRole('button', { name: 'Dismiss' }).click()
  await expect(harness.app.getByRole('region', { name: 'Connection' })).toHaveCount(0)
})

test('cancel: the flow stops, the listener closes, nothing is stored', async ({ launch, appEnv }) => {
  const harness = await launch()
  await startConnect(harness)
  const callbackPort = Number((await shownCallbackUrl(harness.app)).port)
  expect(await isPortAnswering('127.0.0.1', callbackPort)).toBe(true)
  await harness.app.getByRole('button', { name: 'Cancel' }).click()
  await expect(connectionStatus(harness.app)).toHaveText('Connection cancelled. Nothing was stored.')
  expect(await isPortAnswering('127.0.0.1', callbackPort)).toBe(false)
  expect(await keychainItems(appEnv.ORKM_KEYCHAIN_SERVICE)).toEqual([])
})

test('timeout: a browser that never comes back ends the flow with a message', async ({ launch, appEnv }) => {
  const harness = await launch({ ORKM_AUTH_TIMEOUT_SECONDS: '2' })
  await startConnect(harness)
  const callbackPort = Number((await shownCallbackUrl(harness.app)).port)
  await expect(connectionStatus(harness.app)).toHaveText('Timed out waiting for the browser. Nothing was stored.', { timeout: 10_000 })
  expect(await isPortAnswering('127.0.0.1', callbackPort)).toBe(false)
  expect(await keychainItems(appEnv.ORKM_KEYCHAIN_SERVICE)).toEqual([])
  // Try again starts a fresh flow.
  await harness.app.getByRole('button', { name: 'Try again' }).click()
  await expect(connectionStatus(harness.app)).toHaveText(WAITING_TEXT)
  await expect((await harness.waitForAuthorizationPage()).getByRole('button', { name: 'Authorize' })).toBeVisible()
})

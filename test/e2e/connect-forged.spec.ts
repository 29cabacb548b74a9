// Forged callbacks are refused and complete nothing; the real one still works afterwards.
import { s256Challenge } from '../../main/core/connect/pkce'
import { keychainItems } from '../support/keychain'
import { NAVIGATION_HEADERS, rawRequest } from '../support/http'
import { expect, test } from './fixtures'
import { CONNECTED_TEXT, WAITING_TEXT, connectionStatus, keyCard, shownCallbackUrl, startConnect } from './steps'

test('forged callbacks: wrong path, a second callback, a stray request — refused; only the real approval stores a key', async ({ launch, double, appEnv }) => {
  const harness = await launch()
  const consent = await startConnect(harness)
  const callback = await shownCallbackUrl(harness.app)
  const port = Number(callback.port)

  // Wrong path and a guessed nonce: 404, flow untouched.
  expect((await rawRequest({ port, path: '/callback/guess?code=abc', headers: NAVIGATION_HEADERS })).status).toBe(404)
  expect((await rawRequest({ port, path: '/favicon.ico', headers: NAVIGATION_HEADERS })).status).toBe(404)
  // From a web page (fetch), with the right path: refused.
  expect((await rawRequest({ port, path: `${callback.pathname}?code=abc`, headers: { 'sec-fetch-mode': 'cors', origin: 'https://evil.example' } })).status).toBe(403)
  await expect(connectionStatus(harness.app)).toHaveText(WAITING_TEXT)

  // The real approval completes the flow.
  await consent.getByRole('button', { name: 'Authorize' }).click()
  await expect(connectionStatus(harness.app)).toHaveText(CONNECTED_TEXT)

  // A second callback after that: the listener is gone (or says already handled); nothing more is stored.
  const replay = await rawRequest({ port, path: `${callback.pathname}?code=replayed`, headers: NAVIGATION_HEADERS }).catch(() => null)
  expect(replay === null || replay.status === 409).toBe(true)
  expect(await keychainItems(appEnv.ORKM_KEYCHAIN_SERVICE)).toHaveLength(1)
  expect(double.keys()).toHaveLength(1)
  await expect(harness.app.getByRole('list', { name: 'Stored keys' }).getByRole('listitem')).toHaveCount(1)
})

test('a code minted for another flow is refused by the exchange and stores nothing', async ({ launch, double, appEnv }) => {
  const harness = await launch()
  await startConnect(harness)
  const callback = await shownCallbackUrl(harness.app)
  const foreignCode = double.issueCode({ codeChallenge: s256Challenge('another-flows-verifier-that-is-long-enough-1234'), codeChallengeMethod: 'S256' })
  const response = await rawRequest({ port: Number(callback.port), path: `${callback.pathname}?code=${foreignCode}`, headers: NAVIGATION_HEADERS })
  expect(response.status).toBe(400)
  expect(response.body).not.toContain(foreignCode)
  await expect(connectionStatus(harness.app)).toHaveText('OpenRouter refused the authorization code.')
  expect(await keychainItems(appEnv.ORKM_KEYCHAIN_SERVICE)).toEqual([])
  await expect(keyCard(harness.app, 'OpenRouter key 1')).toHaveCount(0)
})

// Runs in its own throw-away keyring (see keychain.test.ts): connect while the keyring is locked, then unlock.
// Prints one JSON line of observations for the test to assert.
import { startOpenRouterDouble } from '../../openrouter-double'
import { startTestServices } from '../../support/core-services'
import { followConsentRedirect } from '../../support/loopback-browser'
import { lockLoginCollection, unlockLoginCollection } from '../../support/keyring-control'

const double = await startOpenRouterDouble()
double.setConsentMode('auto-approve')
const app = await startTestServices({ apiBaseUrl: double.apiBaseUrl })
const observations: Record<string, unknown> = {}
try {
  await lockLoginCollection()
  const started = await app.services.connect.start({})
  if (started.phase !== 'awaiting-browser') throw new Error('flow did not start')
  await followConsentRedirect(started.authUrl)
  const afterLock = app.services.connect.current
  observations['phase'] = afterLock.phase
  observations['error'] = afterLock.phase === 'failed' ? afterLock.error : null
  observations['unsavedKey'] = afterLock.phase === 'failed' ? afterLock.unsavedKey : null
  observations['dismissRefused'] = await app.services.dispatch('connect:dismiss', [])
  observations['copy'] = await app.services.dispatch('connect:copy-unsaved-key', [])
  observations['clipboardHoldsIssuedKey'] = (await app.clipboard.readText()) === double.keys()[0]?.secret
  // The person unlocks their keyring, then clicks Save again.
  await unlockLoginCollection('orkm-test')
  observations['retry'] = await app.services.dispatch('connect:retry-save', [])
  observations['listed'] = app.services.keys.list().keys.map((key) => key.maskedKey)
  console.log(`RESULT ${JSON.stringify(observations)}`)
} finally {
  await app.dispose()
  await double.close()
}

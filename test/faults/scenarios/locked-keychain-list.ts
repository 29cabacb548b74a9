// Runs in its own throw-away keyring (see keychain.test.ts): with a key stored, the keyring is locked, then the
// app lists the keychain (a refresh of every key, and a restart's reconciliation). keytar alone would crash the
// process here; the app must say "locked" and keep its list. Prints one JSON line of observations.
import { startOpenRouterDouble } from '../../openrouter-double'
import { startTestServices } from '../../support/core-services'
import { lockLoginCollection, unlockLoginCollection } from '../../support/keyring-control'

const double = await startOpenRouterDouble()
const app = await startTestServices({ apiBaseUrl: double.apiBaseUrl })
const observations: Record<string, unknown> = {}
try {
  const stored = await app.services.intake.add(double.createKey(), 'Kept')
  await lockLoginCollection()
  observations['refreshAll'] = await app.services.dispatch('keys:refresh-all', ['manual'])
  await app.restart()
  observations['afterRestart'] = app.services.keys.list().keys.map((key) => key.id)
  observations['notices'] = app.services.keys.list().notices
  observations['storedId'] = stored.id
  await unlockLoginCollection('orkm-test')
  observations['refreshAfterUnlock'] = await app.services.dispatch('keys:refresh-all', ['manual'])
  console.log(`RESULT ${JSON.stringify(observations)}`)
} finally {
  await app.dispose()
  await double.close()
}

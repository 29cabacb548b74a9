// Runs in its own throw-away keyring (see orkm-keychain.test.ts): orkm while the keyring is locked, then unlocked.
// Prints one JSON line of observations for the test to assert.
import { startOpenRouterDouble } from '../../openrouter-double'
import { startTestServices } from '../../support/core-services'
import { lockLoginCollection, unlockLoginCollection } from '../../support/keyring-control'
import { baseEnv, orkm } from '../run-orkm'

const double = await startOpenRouterDouble()
const app = await startTestServices({ apiBaseUrl: double.apiBaseUrl })
const observations: Record<string, unknown> = {}
try {
  const secret = double.createKey()
  await app.services.intake.add(secret, 'Work')
  await app.services.keys.flush() // orkm reads keys.json
  const env = baseEnv({ ORKM_DATA_DIR: app.dataDir, ORKM_KEYCHAIN_SERVICE: app.keychainService, DISPLAY: '' })
  const printKey = [process.execPath, '-e', 'process.stdout.write(process.env.OPENROUTER_API_KEY ?? "unset")']
  await lockLoginCollection()
  for (const [name, args] of Object.entries({ key: ['key'], run: ['run', '--', ...printKey], env: ['env'], status: ['status'], list: ['list'] })) {
    const result = await orkm(args, { env })
    observations[name] = { code: result.code, stdout: result.stdout, stderr: result.stderr, leaked: `${result.stdout}${result.stderr}`.includes(secret) }
  }
  await unlockLoginCollection('orkm-test')
  const after = await orkm(['key'], { env })
  observations['afterUnlock'] = { code: after.code, printsKey: after.stdout === `${secret}\n` }
  console.log(`RESULT ${JSON.stringify(observations)}`)
} finally {
  await app.dispose()
  await double.close()
}

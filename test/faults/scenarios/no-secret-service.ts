// Runs with an unreachable D-Bus: what the person is told when no keychain exists, through the real services
// (file logger included) with HOME and the data folder pointed at throw-away folders the test then searches.
import { createAppServices } from '../../../main/core/app/app-services'
import { loadConfig } from '../../../main/core/app/config'
import { isAppFailure } from '../../../main/core/base/app-failure'
import { MemoryClipboard, RecordingNotifier } from '../../harness/node-host'

const secret = process.env['ORKM_SCENARIO_SECRET']!
const config = loadConfig({ ...process.env, OPENROUTER_BASE_URL: 'http://127.0.0.1:9/api/v1', ORKM_KEYCHAIN_SERVICE: 'orkm-no-secret-service' })
const services = await createAppServices(
  { ...config, dataDir: process.env['ORKM_DATA_DIR']! },
  { clipboard: new MemoryClipboard(), notifier: new RecordingNotifier(), opener: { openExternal: async () => {} } },
)
try {
  await services.keys.saveKey(secret, { userId: null, label: 'No keychain' })
  console.log('RESULT {"stored":true}')
} catch (error) {
  services.logger.error('saving failed', { error })
  console.log(`RESULT ${JSON.stringify(isAppFailure(error) ? error.appError : { message: String(error) })}`)
}
await services.shutdown()

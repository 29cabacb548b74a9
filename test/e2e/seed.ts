// Puts keys in the app's store before it starts, through the real services (keychain + metadata), so a spec
// begins with a populated dashboard on either backend.
import { createAppServices } from '../../main/core/app/app-services'
import { loadConfig } from '../../main/core/app/config'
import { silentLogger } from '../../main/core/base/logger'
import { MemoryClipboard, RecordingNotifier } from '../harness/node-host'
import type { AppEnvironment } from './fixtures'

export async function storeKeys(appEnv: AppEnvironment, keys: Array<{ secret: string; label: string }>): Promise<void> {
  const config = loadConfig(appEnv)
  const services = await createAppServices(
    { ...config, dataDir: appEnv.ORKM_DATA_DIR },
    { clipboard: new MemoryClipboard(), notifier: new RecordingNotifier(), opener: { openExternal: async () => {} }, logger: silentLogger },
  )
  await services.keys.whenReconciled()
  for (const key of keys) await services.keys.saveKey(key.secret, { userId: null, label: key.label })
  await services.shutdown()
}

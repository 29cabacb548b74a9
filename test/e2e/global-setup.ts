// Builds the harness's in-page bridge (test code: `npm run build` never builds it, so installers cannot contain it)
// and says once, in one line, why the Electron project's specs are skipped (they are never counted as passing).
import { build } from 'vite'
import { join } from 'node:path'
import { electronSkipReason } from '../harness'

export default async function globalSetup(): Promise<void> {
  await build({ configFile: join(import.meta.dirname, '../harness/bridge.vite.config.ts') })
  const reason = electronSkipReason()
  if (reason) console.log(`[electron] specs skipped: ${reason}`)
}

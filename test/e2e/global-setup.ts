// Says once, in one line, why the Electron project's specs are skipped (they are never counted as passing).
import { electronSkipReason } from '../harness'

export default function globalSetup(): void {
  const reason = electronSkipReason()
  if (reason) console.log(`[electron] specs skipped: ${reason}`)
}

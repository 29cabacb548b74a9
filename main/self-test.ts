// `--self-test` in the shell (packaged builds too): no window, the core's checks with the real pieces of this
// build (its keytar, its app:// protocol), one line per check on stdout, exit 0 or 1.
import { app, net } from 'electron'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { APP_PROTOCOL_ORIGIN, type AppProtocolResponse } from './core/app/app-protocol'
import { createKeytarVault } from './core/keys/secret-vault'
import { runSelfTest, selfTestChecks } from './core/self-test/self-test'
import { handleAppProtocol } from './app-protocol'

async function fetchThroughProtocol(url: string): Promise<AppProtocolResponse> {
  const response = await net.fetch(url)
  const body = Buffer.from(await response.arrayBuffer())
  return { status: response.status, headers: Object.fromEntries(response.headers.entries()), body }
}

/** Call instead of starting the app; registerAppProtocolPrivileges must already have run (before ready). */
export function runSelfTestAndExit(): void {
  const requireHere = createRequire(import.meta.url)
  app.whenReady().then(
    async () => {
      handleAppProtocol(join(import.meta.dirname, '../renderer'))
      const report = await runSelfTest(
        selfTestChecks({
          resolveKeytarBinary: () => requireHere.resolve('keytar/build/Release/keytar.node'),
          loadKeytar: () => import('keytar'),
          isPackaged: app.isPackaged,
          vaultFor: (service) => createKeytarVault(service),
          fetchApp: fetchThroughProtocol,
          appOrigin: APP_PROTOCOL_ORIGIN,
        }),
      )
      process.stdout.write(`${report.lines.join('\n')}\n`)
      app.exit(report.ok ? 0 : 1)
    },
    (error: unknown) => {
      process.stdout.write(`FAIL app start: ${String(error)}\n`)
      app.exit(1)
    },
  )
}

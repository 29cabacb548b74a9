// `npm run demo`: the whole app against a local OpenRouter stand-in, so anyone can try it without an account.
// With an Electron binary installed it runs the real app; without one (as on machines that cannot download
// Electron) it runs the real main-process services with the renderer in a Chromium window: the test
// harness's browser backend. Either way the keys go to the real OS keychain, under a separate demo service.
import { spawn } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { electronExecutablePath } from '../test/harness/electron-availability'
import { launchBrowserHarness } from '../test/harness/browser-backend'
import { seedDemoKeys, startOpenRouterDouble } from '../test/openrouter-double'
import { purgeKeychainService } from '../test/support/keychain'

const projectRoot = join(import.meta.dirname, '..')
const dataDir = process.env['ORKM_DATA_DIR'] ?? join(projectRoot, '.demo-data')
const keychainService = process.env['ORKM_KEYCHAIN_SERVICE'] ?? 'openrouter-key-manager-demo'
// The stand-in forgets its accounts when it stops, so every demo starts from an empty key list.
rmSync(dataDir, { recursive: true, force: true })
mkdirSync(dataDir, { recursive: true })
await purgeKeychainService(keychainService)

const double = await startOpenRouterDouble({ port: Number(process.env['ORKM_DEMO_DOUBLE_PORT'] ?? 0) })
const seeds = seedDemoKeys(double)
const env = {
  OPENROUTER_BASE_URL: double.apiBaseUrl,
  ORKM_KEYCHAIN_SERVICE: keychainService,
  ORKM_DATA_DIR: dataDir,
}

console.log(`Local OpenRouter stand-in: ${double.origin} (consent page, /api/v1/auth/keys, /auth/keys/code, /key)`)
console.log(`Keys are stored in your OS keychain under the service "${keychainService}" (emptied at each demo start); metadata in ${dataDir}`)
console.log('Try: Connect OpenRouter (then Authorize on the stand-in’s consent page), New limited key, or Add key with one of these demo keys:')
for (const seed of seeds) console.log(`  ${seed.label.padEnd(28)} ${seed.secret}`)

const stop = async (code: number) => {
  await double.close()
  process.exit(code)
}
process.on('SIGINT', () => void stop(0))
process.on('SIGTERM', () => void stop(0))

const electron = electronExecutablePath()
if (electron) {
  console.log('Starting the Electron app…')
  const child = spawn(electron, [join(projectRoot, 'out/main/index.js')], { stdio: 'inherit', env: { ...process.env, ...env } })
  child.on('exit', (code) => void stop(code ?? 0))
} else {
  const headed = Boolean(process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY'])
  console.log(
    'Electron is not installed on this machine, so the demo runs the real main-process services with the renderer in a ' +
      `Chromium window (the test harness's browser backend)${headed ? '' : ' — headless, as there is no display: a screenshot is written to .demo-data/demo.png'}.`,
  )
  const harness = await launchBrowserHarness({ env, headed })
  if (!headed) {
    await harness.app.waitForTimeout(1500)
    await harness.app.screenshot({ path: join(dataDir, 'demo.png'), fullPage: true })
  }
  harness.app.on('close', () => void harness.close().then(() => stop(0)))
  console.log('Close the window or press Ctrl+C to stop.')
}

// Start-up probe for the benchmark, run in a fresh plain-Node process on the bundled services
// (out/bench/app-services.js): import them, open them on an empty data folder, list the keys, and report
// whether keytar had been loaded by then (it should load only when the keychain is first needed).
import { performance } from 'node:perf_hooks'
import { createRequire } from 'node:module'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const start = performance.now()
const { createAppServices, loadConfig } = await import('../out/bench/app-services.js')
const dataDir = mkdtempSync(join(tmpdir(), 'orkm-startup-'))
const services = await createAppServices(
  { ...loadConfig({ ORKM_KEYCHAIN_SERVICE: 'orkm-bench-startup', ORKM_DATA_DIR: dataDir }), dataDir },
  {
    clipboard: { writeText: async () => {}, readText: async () => '', clear: async () => {} },
    notifier: { notify: () => {} },
    opener: { openExternal: async () => {} },
    logger: { info() {}, warn() {}, error() {} },
  },
)
services.keys.list()
const elapsed = performance.now() - start
const keytarLoaded = Object.keys(createRequire(import.meta.url).cache).some((path) => path.includes('/keytar/'))
console.log(`STARTUP ${JSON.stringify({ ms: elapsed, keytarLoaded })}`)
await services.keys.whenReconciled()
await services.shutdown()

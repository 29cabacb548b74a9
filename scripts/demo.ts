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

const tour = process.argv.includes('--tour')
const outIndex = process.argv.indexOf('--out')
const tourDir = outIndex > 0 && process.argv[outIndex + 1] ? process.argv[outIndex + 1]! : join(dataDir, 'tour')
const electron = electronExecutablePath()
const hasDisplay = Boolean(process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY'])

if (tour) {
  await runTour(tourDir)
  await stop(0)
} else if (electron && hasDisplay) {
  console.log('Starting the Electron app…')
  const child = spawn(electron, [join(projectRoot, 'out/main/index.js')], { stdio: 'inherit', env: { ...process.env, ...env } })
  child.on('exit', (code) => void stop(code ?? 0))
} else if (!hasDisplay) {
  // Nothing to show a window on: say how to see it instead of waiting for a window nobody can see.
  console.log(
    [
      '',
      'There is no display here (DISPLAY and WAYLAND_DISPLAY are unset), so there is no window to show.',
      'To see the app:',
      '  • run `npm run demo` in a desktop session, or',
      '  • run it under a virtual display: `xvfb-run -a npm run demo` (then connect with a VNC viewer, or take screenshots), or',
      '  • walk the main states headlessly, with a screenshot of each: `npm run demo -- --tour`',
    ].join('\n'),
  )
  await stop(0)
} else {
  console.log(
    'Electron is not installed on this machine, so the demo runs the real main-process services with the renderer in a ' +
      "Chromium window (the test harness's browser backend).",
  )
  const harness = await launchBrowserHarness({ env, headed: true })
  harness.app.on('close', () => void harness.close().then(() => stop(0)))
  console.log('Close the window or press Ctrl+C to stop.')
}

/** Walks the main states headlessly (connect, cards, list, a dialog, an error), with a screenshot of each. */
async function runTour(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true })
  const harness = await launchBrowserHarness({ env, headed: false })
  const { app } = harness
  const shots: string[] = []
  const shot = async (name: string, note: string) => {
    await app.waitForTimeout(400) // let transitions and the toast settle; the screenshot is the product here
    const file = join(dir, `${name}.png`)
    await app.screenshot({ path: file })
    shots.push(`  ${file}  ${note}`)
  }
  try {
    await app.setViewportSize({ width: 1100, height: 780 })
    await app.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' })
    await app.getByRole('heading', { name: 'No keys yet' }).waitFor()
    await shot('01-empty', 'first run: what the app is for')
    // Connect: the form first, then the browser.
    await app.getByRole('button', { name: 'Connect OpenRouter' }).first().click()
    const form = app.getByRole('dialog', { name: 'Connect an OpenRouter account' })
    await form.getByLabel('Name of the new key').fill('My laptop')
    await form.getByLabel('Credit limit (USD, optional)').fill('25')
    await shot('02-connect-form', 'Connect: name the new key, optionally cap it')
    await form.getByRole('button', { name: 'Continue in browser' }).click()
    const consent = await harness.waitForAuthorizationPage()
    await app.getByTestId('connect-status').waitFor()
    await shot('03-waiting', 'waiting for the browser: one sentence and Cancel')
    await consent.getByRole('button', { name: 'Authorize' }).click()
    await app.getByTestId('connected-account').waitFor()
    await shot('04-connected', '“Connected as <account>”')
    await app.getByRole('button', { name: 'Dismiss' }).click()
    // More keys, in every state, pasted as a person would.
    for (const seed of seeds) {
      await app.getByRole('button', { name: 'Add key' }).first().click()
      const add = app.getByRole('dialog', { name: 'Add an existing key' })
      await add.getByLabel('API key').fill(seed.secret)
      await add.getByLabel('Label').fill(seed.label)
      await add.getByRole('button', { name: 'Add key' }).click()
      await add.waitFor({ state: 'detached' }).catch(() => add.getByRole('button', { name: 'Cancel' }).click())
    }
    await app.getByRole('button', { name: 'Refresh all' }).click()
    await app.getByRole('listitem', { name: 'Work laptop' }).getByTestId('key-status').filter({ hasText: 'Active' }).first().waitFor()
    await shot('05-cards', 'cards: one status each, what is left, when it resets, usage')
    await app.getByRole('button', { name: 'List', exact: true }).click()
    await shot('06-list', 'the compact list: one row per key, search with /')
    await app.getByRole('button', { name: 'Cards', exact: true }).click()
    await app.getByRole('listitem', { name: 'Work laptop' }).getByRole('button', { name: 'Remove Work laptop' }).click()
    await shot('07-remove-dialog', 'Remove: this device only; revoking is on OpenRouter')
    await app.keyboard.press('Escape')
    await app.getByRole('button', { name: 'Add key' }).first().click()
    const add = app.getByRole('dialog', { name: 'Add an existing key' })
    await add.getByLabel('API key').fill('sk-or-v1-0000000000000000000000000000000000000000000000000000000000000000')
    await add.getByRole('button', { name: 'Add key' }).click()
    await add.getByRole('alert').waitFor()
    await shot('08-error', 'an error: said plainly, the pasted value kept')
    await app.keyboard.press('Escape')
    await app.getByRole('button', { name: 'New limited key' }).first().click()
    const mint = app.getByRole('dialog', { name: 'New limited key' })
    await mint.getByLabel('Label').fill('Hackathon')
    await mint.getByLabel('Credit limit (USD)').fill('5')
    await mint.getByLabel('Reset period').selectOption('daily')
    await shot('09-mint', 'New limited key: a cap, a reset period, an expiry')
  } finally {
    await harness.close()
  }
  console.log(`Tour screenshots (${shots.length}):\n${shots.join('\n')}`)
}

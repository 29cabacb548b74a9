// Updates in the installed app: electron-updater's autoUpdater (GitHub Releases, as electron-builder.yml's
// `publish` says), behind the core's UpdateController, which decides when to check, what to show and when a
// restart is allowed. Development builds have nothing to update: no updater at all.
import { app, dialog, shell, type BrowserWindow } from 'electron'
// Types only: electron-updater loads `electron` itself, so the module is loaded by the caller (main/index.ts) and
// handed in, which keeps this file importable under the shell tests' stand-in of `electron`.
import type { AppUpdater } from 'electron-updater'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { homepage } from '../package.json'
import type { AppServices, HostAdapters } from './core/app/app-services'
import { externalUrlToOpen } from './core/ipc/trusted-sender'
import { bindUpdaterEvents, configureUpdater, updaterPort } from './core/updates/electron-updater-port'
import type { CheckOutcome, UpdateMode } from './core/updates/update-controller'

// The release pages live on the repository the homepage names (test/packaging keeps it equal to `publish`).
const releasesOrigin = new URL(homepage).origin

/** What electron-builder wrote beside the app: 'deb' for the deb, absent for the AppImage. */
function packageType(): string | null {
  const file = join(process.resourcesPath, 'package-type')
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : null
}

function updateModeOf(type: string | null): UpdateMode {
  if (process.platform !== 'linux' || type === null) return { kind: 'install' }
  // No apt repository exists: the deb only announces a new version, with its release page.
  return {
    kind: 'announce',
    releaseUrl: (version) => `${homepage}/releases/tag/v${encodeURIComponent(version)}`,
    async openReleasePage(url) {
      const href = externalUrlToOpen(url, [releasesOrigin])
      if (href === null) throw new Error('Refused to open a URL outside the release pages.')
      await shell.openExternal(href)
    },
  }
}

let updater: AppUpdater | null = null
let mode: UpdateMode = { kind: 'install' }

/** The updater for createAppServices, in an installed build only (and when the caller can load one). */
export async function updateAdapters(loadUpdater: (() => Promise<AppUpdater>) | undefined): Promise<HostAdapters['updates']> {
  if (!app.isPackaged || !loadUpdater) return undefined
  updater = await loadUpdater()
  mode = updateModeOf(packageType())
  return { updater: updaterPort(updater), mode }
}

/** Once the services exist: the updater's events reach the controller, and checking starts. */
export function startUpdates(services: AppServices): void {
  if (!updater) return
  configureUpdater(updater, mode, services.logger)
  bindUpdaterEvents(updater, services.updates)
  services.updates.start()
}

const OUTCOME_TEXT: Record<CheckOutcome['kind'], (outcome: CheckOutcome) => string> = {
  'up-to-date': () => `OpenRouter Key Manager ${app.getVersion()} is the newest version.`,
  downloading: (outcome) => `Version ${'version' in outcome ? outcome.version : ''} is downloading; the app offers a restart when it is ready.`,
  ready: (outcome) => `Version ${'version' in outcome ? outcome.version : ''} is ready: restart to install it.`,
  available: (outcome) => `Version ${'version' in outcome ? outcome.version : ''} is available; see the banner in the window for its download page.`,
  failed: () => 'Could not check for updates right now. The app tries again later; details are in the log.',
  unsupported: () => 'This build does not update itself (a development build).',
}

/** "Check for updates…": the person asked, so the outcome is shown, unlike automatic checks. */
export async function checkForUpdatesFromMenu(services: AppServices, window: BrowserWindow | null): Promise<void> {
  const outcome = await services.updates.check()
  const options = { type: 'info' as const, message: 'Check for updates', detail: OUTCOME_TEXT[outcome.kind](outcome) }
  if (window) await dialog.showMessageBox(window, options)
  else await dialog.showMessageBox(options)
}

/** The menu's "Update ready — restart to install": the same rule as the banner; a refusal says what to finish first. */
export async function restartToUpdateFromMenu(services: AppServices, window: BrowserWindow | null): Promise<void> {
  const result = await services.dispatch('update:restart', [])
  if (result.ok) return
  const options = { type: 'info' as const, message: result.error.message, detail: result.error.hint ?? '' }
  if (window) await dialog.showMessageBox(window, options)
  else await dialog.showMessageBox(options)
}

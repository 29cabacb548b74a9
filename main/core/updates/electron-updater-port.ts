// electron-updater behind the UpdaterPort, and its events into the controller. electron-updater is imported
// for types only: the shell hands in its `autoUpdater`, tests hand in an updater built on an AppAdapter and a
// Node HTTP executor, pointed at a local feed (test/core/updates/electron-updater-feed.test.ts).
import type { AppUpdater, UpdateDownloadedEvent } from 'electron-updater'
import type { Logger } from '../base/logger'
import type { UpdateController, UpdateMode, UpdaterPort } from './update-controller'

export function configureUpdater(updater: AppUpdater, mode: UpdateMode, logger: Logger): void {
  // The deb has no apt repository to install from: it only looks, and the app links to the release.
  updater.autoDownload = mode.kind === 'install'
  // A downloaded update is installed when the person quits anyway; a restart for it is offered in the app.
  updater.autoInstallOnAppQuit = mode.kind === 'install'
  updater.allowDowngrade = false
  updater.allowPrerelease = false
  updater.logger = {
    info: (message?: unknown) => logger.info('updater', { message: String(message) }),
    warn: (message?: unknown) => logger.warn('updater', { message: String(message) }),
    error: (message?: unknown) => logger.warn('updater', { message: String(message) }),
    debug: () => {},
  }
}

export function updaterPort(updater: AppUpdater): UpdaterPort {
  return {
    async check() {
      // null when the updater is inactive (not an installed build).
      const result = await updater.checkForUpdates()
      // The background download's failure arrives as an 'error' event; this rejection would otherwise go unhandled.
      result?.downloadPromise?.catch(() => {})
      return { newerVersion: result?.isUpdateAvailable ? result.updateInfo.version : null }
    },
    quitAndInstall: () => updater.quitAndInstall(),
  }
}

/** Returns a function that unbinds. */
export function bindUpdaterEvents(updater: AppUpdater, controller: UpdateController): () => void {
  const onDownloaded = (event: UpdateDownloadedEvent) => controller.downloaded(event.version)
  const onError = (error: Error) => controller.failed(error)
  updater.on('update-downloaded', onDownloaded)
  updater.on('error', onError)
  return () => {
    updater.off('update-downloaded', onDownloaded)
    updater.off('error', onError)
  }
}

// Where the app keeps its data when ORKM_DATA_DIR is not set: Electron's `userData` folder, worked out without
// Electron so the command-line companion finds the same keys.json the app writes.
import { homedir } from 'node:os'
import { join, win32 } from 'node:path'
import { productName } from '../../../package.json'

/** Electron names the folder after package.json's productName (preferred over `name`); the app never renames itself. */
export const APP_PRODUCT_NAME: string = productName

/**
 * Electron's `appData` per platform (Chromium's DIR_APP_DATA / XDG config dir) joined with the app's name:
 * - Linux and other Unixes: $XDG_CONFIG_HOME, or ~/.config when it is unset or empty
 * - macOS: ~/Library/Application Support
 * - Windows: the roaming AppData folder, %APPDATA%
 */
export function electronUserDataDir(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
  home: string = homedir(),
): string {
  if (platform === 'win32') {
    const appData = env['APPDATA'] || win32.join(home, 'AppData', 'Roaming')
    return win32.join(appData, APP_PRODUCT_NAME)
  }
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_PRODUCT_NAME)
  const configHome = env['XDG_CONFIG_HOME'] || join(home, '.config')
  return join(configHome, APP_PRODUCT_NAME)
}

/** The data folder the app uses: ORKM_DATA_DIR when set (already read into the config), else Electron's userData. */
export function resolveDataDir(configured: string | null, platform: NodeJS.Platform, env: Record<string, string | undefined>): string {
  return configured ?? electronUserDataDir(platform, env)
}

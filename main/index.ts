// Electron entry: hands the process's surroundings to the shell's start-up sequence (main/app-main.ts).
import { app } from 'electron'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { homepage } from '../package.json'
import { startApp } from './app-main'

/** The packaged package.json (inside the asar): electron-builder.e2e.yml marks the test build there. */
function readOwnPackageJson(): unknown {
  try {
    return JSON.parse(readFileSync(join(app.getAppPath(), 'package.json'), 'utf8'))
  } catch {
    return null // treated as a production build: the strictest rules apply
  }
}

startApp({
  argv: process.argv,
  env: process.env,
  platform: process.platform,
  rendererDir: join(import.meta.dirname, '../renderer'),
  preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
  packageJson: readOwnPackageJson(),
  homepage,
  processEvents: process,
  stderr: process.stderr,
  loadKeychainModule: () => import('keytar'),
  loadUpdater: () => import('electron-updater').then((module) => module.default.autoUpdater),
})

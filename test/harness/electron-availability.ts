// Whether an Electron binary is installed, found without require('electron') (which would try to download it).
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const electronPackageDir = join(import.meta.dirname, '../../node_modules/electron')

export function electronExecutablePath(): string | null {
  if (process.env['ELECTRON_OVERRIDE_DIST_PATH']) {
    const candidate = join(process.env['ELECTRON_OVERRIDE_DIST_PATH'], process.platform === 'win32' ? 'electron.exe' : 'electron')
    return existsSync(candidate) ? candidate : null
  }
  const pathFile = join(electronPackageDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const executable = join(electronPackageDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(executable) ? executable : null
}

export function electronSkipReason(): string | null {
  return electronExecutablePath() === null
    ? 'Electron binary not installed here (node_modules/electron has no dist/): the Electron backend cannot run.'
    : null
}

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_PRODUCT_NAME, electronUserDataDir, resolveDataDir } from '../../../main/core/app/user-data-dir'

const root = join(import.meta.dirname, '../../..')

describe('the data folder outside Electron', () => {
  it('is named after productName, as Electron names userData (and the installers name the app)', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { productName: string }
    expect(APP_PRODUCT_NAME).toBe(pkg.productName)
    expect(readFileSync(join(root, 'electron-builder.yml'), 'utf8')).toMatch(new RegExp(`^productName: ${APP_PRODUCT_NAME}$`, 'm'))
  })

  it('is where Electron’s userData is on each platform', () => {
    expect(electronUserDataDir('linux', {}, '/home/ada')).toBe('/home/ada/.config/OpenRouter Key Manager')
    expect(electronUserDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/ada')).toBe('/xdg/OpenRouter Key Manager')
    // An empty XDG_CONFIG_HOME counts as unset, as in Chromium.
    expect(electronUserDataDir('linux', { XDG_CONFIG_HOME: '' }, '/home/ada')).toBe('/home/ada/.config/OpenRouter Key Manager')
    expect(electronUserDataDir('freebsd', {}, '/home/ada')).toBe('/home/ada/.config/OpenRouter Key Manager')
    expect(electronUserDataDir('darwin', { XDG_CONFIG_HOME: '/ignored' }, '/Users/ada')).toBe('/Users/ada/Library/Application Support/OpenRouter Key Manager')
    expect(electronUserDataDir('win32', { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'C:\\Users\\ada')).toBe('C:\\Users\\ada\\AppData\\Roaming\\OpenRouter Key Manager')
    expect(electronUserDataDir('win32', {}, 'C:\\Users\\ada')).toBe('C:\\Users\\ada\\AppData\\Roaming\\OpenRouter Key Manager')
  })

  it('is ORKM_DATA_DIR when that is set', () => {
    expect(resolveDataDir('/custom', 'linux', { XDG_CONFIG_HOME: '/xdg' })).toBe('/custom')
    expect(resolveDataDir(null, 'linux', { XDG_CONFIG_HOME: '/xdg' })).toBe('/xdg/OpenRouter Key Manager')
  })
})

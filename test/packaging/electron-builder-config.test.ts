// The installer configuration, checked offline: electron-builder's own schema, and the product facts that
// matter for a keychain app (fuses, keytar outside the asar, libsecret, the URL scheme, the icons).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadBuilderConfig, validateBuilderConfig } from '../../scripts/validate-builder-config'

const root = join(import.meta.dirname, '../..')
interface BuilderConfig {
  appId: string
  asarUnpack: string[]
  protocols: Array<{ schemes: string[] }>
  electronFuses: Record<string, boolean>
  linux: { target: string[]; desktop: { entry: Record<string, string> } }
  deb: { depends: string[] }
  mac: { target: string; hardenedRuntime: boolean }
  win: { target: string }
}
const config = loadBuilderConfig(join(root, 'electron-builder.yml')) as BuilderConfig
const e2eConfig = loadBuilderConfig(join(root, 'electron-builder.e2e.yml')) as BuilderConfig

function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path)
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

describe('electron-builder configuration', () => {
  it('validates against electron-builder’s schema, the production and the e2e variant', () => {
    expect(validateBuilderConfig(config)).toEqual([])
    expect(validateBuilderConfig(e2eConfig)).toEqual([])
  })

  it('rejects a broken configuration (the validator can fail)', () => {
    expect(validateBuilderConfig({ ...config, linux: { ...config.linux, bogusOption: true } }).join()).toMatch(/additional properties/)
    expect(validateBuilderConfig({ ...config, asar: 'yes please' })).not.toEqual([])
  })

  it('sets production fuses; only the e2e build keeps the inspect fuse Playwright needs', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    })
    expect(e2eConfig.electronFuses).toEqual({ ...config.electronFuses, enableNodeCliInspectArguments: true })
  })

  it('packages for every platform, with keytar outside the asar and libsecret required on Debian', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.mac).toMatchObject({ target: 'dmg', hardenedRuntime: true })
    expect(config.win.target).toBe('nsis')
    expect(config.asarUnpack.some((pattern) => pattern.includes('keytar'))).toBe(true)
    expect(config.deb.depends).toContain('libsecret-1-0')
  })

  it('registers the openrouter-key-manager:// scheme in the package and the .desktop entry', () => {
    expect(config.protocols.flatMap((protocol) => protocol.schemes)).toEqual(['openrouter-key-manager'])
    expect(config.linux.desktop.entry['MimeType']).toBe('x-scheme-handler/openrouter-key-manager;')
  })

  it('ships icons in every size each platform needs', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(join(root, `build/icons/${size}x${size}.png`))).toEqual({ width: size, height: size })
    }
    expect(pngSize(join(root, 'build/icon.png'))).toEqual({ width: 1024, height: 1024 })
    const ico = readFileSync(join(root, 'build/icon.ico'))
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 7])
    const icns = readFileSync(join(root, 'build/icon.icns'))
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns')
    expect(icns.readUInt32BE(4)).toBe(icns.length)
  })
})

// The installer configuration, checked offline: electron-builder's own schema (through the validator script,
// which must also be able to fail), and the product facts that matter for a keychain app: fuses, keytar outside
// the asar, libsecret, the URL scheme, the window class, the app id, and icons at the sizes claimed.
import { execFile } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { inflateSync } from 'node:zlib'
import yaml from 'js-yaml'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { APP_ID } from '../../main/app-identity'
import { APP_URL_SCHEME } from '../../main/core/app/deep-link'
import { checkDebugSwitches, E2E_BUILD_MARKER, isE2ETestBuild } from '../../main/core/app/debug-switches'
import { checkBuilderConfigFile, loadBuilderConfig, loadEffectiveBuilderConfig, validateBuilderConfig } from '../../scripts/validate-builder-config'
import { makeTempDir } from '../support/temp-dir'

const root = join(import.meta.dirname, '../..')
const PRODUCTION = join(root, 'electron-builder.yml')
const E2E = join(root, 'electron-builder.e2e.yml')
const config = loadEffectiveBuilderConfig(PRODUCTION)
const e2eConfig = loadEffectiveBuilderConfig(E2E)
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  productName: string
  desktopName?: string
  homepage: string
  scripts: Record<string, string>
}

const PRODUCTION_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableCookieEncryption: true,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
  loadBrowserProcessSpecificV8Snapshot: false,
}

const asArray = <T>(value: T | T[] | null | undefined): T[] => (value == null ? [] : Array.isArray(value) ? value : [value])
const targetNames = (targets: unknown): string[] => asArray(targets as string | string[]).map(String)

/** Width and height from a PNG's IHDR chunk, and the alpha of its top-left pixel. */
function readPng(bytes: Buffer): { width: number; height: number; cornerAlpha: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR')
  expect([bytes[24], bytes[25]]).toEqual([8, 6]) // 8-bit RGBA
  const idat: Buffer[] = []
  for (let offset = 8; offset < bytes.length; ) {
    const length = bytes.readUInt32BE(offset)
    if (bytes.subarray(offset + 4, offset + 8).toString('ascii') === 'IDAT') idat.push(bytes.subarray(offset + 8, offset + 8 + length))
    offset += 12 + length
  }
  // Row 0, pixel 0 is stored unchanged by every PNG filter: [filter byte, R, G, B, A, …].
  const firstRow = inflateSync(Buffer.concat(idat)).subarray(0, 5)
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), cornerAlpha: firstRow[4]! }
}

describe('electron-builder configuration', () => {
  it('validates against electron-builder’s schema, the production file and the e2e variant, as written and merged', () => {
    expect(checkBuilderConfigFile(PRODUCTION)).toEqual([])
    expect(checkBuilderConfigFile(E2E)).toEqual([])
    expect(validateBuilderConfig(e2eConfig)).toEqual([])
  })

  describe('the validator can fail', () => {
    let dir: { path: string; remove(): Promise<void> }
    beforeEach(async () => {
      dir = await makeTempDir('orkm-builder-')
    })
    afterEach(async () => dir.remove())

    it('rejects a copy with a bogus property, naming it, and its command line exits 1', async () => {
      const broken = { ...loadBuilderConfig(PRODUCTION), linux: { ...config.linux, bogusOption: true } }
      expect(validateBuilderConfig(broken).join('\n')).toMatch(/\/linux must NOT have additional properties.*bogusOption/)
      expect(validateBuilderConfig({ ...config, asar: 'yes please' })).not.toEqual([])

      const file = join(dir.path, 'electron-builder.yml')
      writeFileSync(file, yaml.dump(broken))
      const run = promisify(execFile)
      const script = join(root, 'scripts/validate-builder-config.ts')
      const cli = (...files: string[]) => run(process.execPath, ['--import', 'tsx', script, ...files], { cwd: root })
      const [failure, success] = await Promise.all([
        cli(file).then(
          () => null,
          (error: { code: number; stdout: string; stderr: string }) => error,
        ),
        cli(PRODUCTION, E2E),
      ])
      expect(failure?.code).toBe(1)
      expect(failure?.stderr).toMatch(/bogusOption/)
      expect(failure?.stdout).not.toMatch(/valid/)
      expect(success.stdout).toBe(`${PRODUCTION}: valid\n${E2E}: valid\n`)
    })

    it('checks an e2e file by what it merges into, not only by its own lines', () => {
      const child = join(dir.path, 'child.yml')
      writeFileSync(join(dir.path, 'parent.yml'), 'linux:\n  bogusOption: true\n')
      writeFileSync(child, 'extends: ./parent.yml\nappId: a.b.c\n')
      expect(validateBuilderConfig(loadBuilderConfig(child))).toEqual([])
      expect(checkBuilderConfigFile(child).join('\n')).toMatch(/merged with its parent.*bogusOption/)
    })
  })

  it('sets the production fuses; the e2e build differs only by the inspect fuse Playwright needs and its marker', () => {
    expect(config.electronFuses).toMatchObject(PRODUCTION_FUSES)
    expect(e2eConfig.electronFuses).toEqual({ ...config.electronFuses, enableNodeCliInspectArguments: true })
    const { electronFuses: _fuses, directories: _directories, extends: _extends, extraMetadata: _marker, ...e2eRest } = e2eConfig
    const { electronFuses: _f, directories: _d, ...productionRest } = config
    expect(e2eRest).toEqual(productionRest)
    expect(e2eConfig.directories?.output).not.toBe(config.directories?.output)
  })

  it('marks only the e2e build as the test build, in the packaged package.json, so only it starts with debugging switches', () => {
    // electron-builder writes package.json merged with extraMetadata into the app; the app reads that file.
    const packaged = (extraMetadata: unknown) => ({ ...packageJson, ...(extraMetadata as object | undefined) })
    expect(e2eConfig.extraMetadata).toEqual({ [E2E_BUILD_MARKER.field]: E2E_BUILD_MARKER.value })
    expect(isE2ETestBuild(packaged(e2eConfig.extraMetadata))).toBe(true)
    expect(config.extraMetadata).toBeUndefined()
    expect(isE2ETestBuild(packageJson)).toBe(false) // npm run dist ships the root package.json as it is
    const playwrightArgs = ['/opt/app/openrouter-key-manager', '--inspect=0', '--remote-debugging-port=0']
    const build = (json: unknown) => ({ isPackaged: true, isE2ETestBuild: isE2ETestBuild(json), platform: 'linux' as const })
    expect(checkDebugSwitches(playwrightArgs, build(packaged(e2eConfig.extraMetadata)))).toEqual({ allowed: true })
    expect(checkDebugSwitches(playwrightArgs, build(packaged(config.extraMetadata)))).toMatchObject({ allowed: false })
  })

  it('ships the built main, preload and renderer only, not the test bundles npm run build also writes to out/', () => {
    const patterns = asArray(config.files).flatMap((set) => (typeof set === 'string' ? [set] : asArray(set.filter)))
    expect(patterns).toEqual(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json'])
  })

  it('keeps keytar’s native module outside the asar and does not rebuild it', () => {
    expect(config.asar).toBe(true)
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/keytar/**', '**/*.node']))
    expect(config.npmRebuild).toBe(false)
  })

  it('packages AppImage + deb (needing libsecret), dmg + zip with the hardened runtime, and a per-user NSIS', () => {
    expect(targetNames(config.linux?.target)).toEqual(['AppImage', 'deb'])
    expect(config.linux?.category).toBe('Utility')
    expect(config.deb?.depends).toContain('libsecret-1-0')
    // The updater on macOS installs from the zip; the dmg alone cannot update.
    expect(targetNames(config.mac?.target)).toEqual(['dmg', 'zip'])
    expect(config.mac).toMatchObject({ hardenedRuntime: true, category: 'public.app-category.developer-tools' })
    const entitlements = readFileSync(join(root, String(config.mac?.entitlements)), 'utf8')
    expect(entitlements).toContain('<key>com.apple.security.cs.allow-jit</key>')
    expect(entitlements).not.toMatch(/<key>com\.apple\.security\.cs\.disable-library-validation<\/key>/)
    expect(targetNames(config.win?.target)).toEqual(['nsis'])
    expect(config.nsis).toMatchObject({ perMachine: false })
    expect(config.directories).toEqual({ output: 'dist', buildResources: 'build' })
  })

  it('builds each platform for the arch of the runner it runs on: no target names an arch to cross-build', () => {
    // keytar.node is compiled by `npm ci` for the runner's arch; a cross-arch package would ship the wrong one.
    for (const platform of [config.linux, config.mac, config.win]) {
      for (const target of asArray(platform?.target as unknown)) expect(typeof target, JSON.stringify(target)).toBe('string')
    }
  })

  it('publishes to GitHub Releases, owner and repo named once, on the repository the homepage names', () => {
    const publish = asArray(config.publish as unknown as Record<string, unknown>)
    expect(publish).toEqual([{ provider: 'github', owner: expect.any(String), repo: expect.any(String), releaseType: 'draft' }])
    const { owner, repo } = publish[0] as { owner: string; repo: string }
    expect(packageJson.homepage).toBe(`https://github.com/${owner}/${repo}`)
    // Building never uploads; only the release workflow's dist:publish does.
    expect(packageJson.scripts['dist']).toMatch(/--publish never/)
    expect(packageJson.scripts['dist:publish']).toMatch(/--publish always/)
  })

  it('npm run build builds the app (and the orkm command) only: the test harness bundle is built by the test command', () => {
    expect(packageJson.scripts['build']).toBe('electron-vite build && npm run --silent build:cli')
    expect(packageJson.scripts['build:cli']).not.toMatch(/test\//)
    expect(Object.values(packageJson.scripts).filter((script) => script.includes('bridge.vite.config'))).toEqual([packageJson.scripts['build:harness']])
    expect(readFileSync(join(root, 'test/e2e/global-setup.ts'), 'utf8')).toContain('bridge.vite.config.ts')
  })

  it('uses the app id the main process uses for Windows notifications', () => {
    expect(config.appId).toBe(APP_ID)
    expect(config.productName).toBe(packageJson.productName)
  })

  it('registers the openrouter-key-manager:// scheme in the packages and the .desktop entry', () => {
    expect(asArray(config.protocols).flatMap((protocol) => protocol.schemes)).toEqual([APP_URL_SCHEME])
    const entry = config.linux?.desktop?.entry as Record<string, string>
    expect(entry['MimeType']).toBe(`x-scheme-handler/${APP_URL_SCHEME};`)
  })

  it('names the .desktop window class the way Electron names the window', () => {
    // Electron takes WM_CLASS / the Wayland app_id from package.json desktopName, else productName.
    const entry = config.linux?.desktop?.entry as Record<string, string>
    const windowClass = packageJson.desktopName?.replace(/\.desktop$/, '') ?? packageJson.productName
    expect(entry['StartupWMClass']).toBe(windowClass)
  })

  it('gives every Linux target (AppImage, deb) the icon set and the .desktop entry', () => {
    const targets = targetNames(config.linux?.target)
    expect(targets.length).toBeGreaterThan(0)
    for (const target of targets) {
      // A target's own options override the linux ones; neither AppImage nor deb may drop the entry or the icon.
      const own = (target === 'AppImage' ? config.appImage : config.deb) as { desktop?: unknown; icon?: unknown } | null | undefined
      const desktop = (own?.desktop ?? config.linux?.desktop) as { entry?: Record<string, string> } | undefined
      expect(desktop?.entry, target).toMatchObject({ MimeType: `x-scheme-handler/${APP_URL_SCHEME};`, StartupWMClass: expect.any(String) })
      const iconDir = String(own?.icon ?? config.linux?.icon)
      expect(readPng(readFileSync(join(root, iconDir, '512x512.png'))), target).toMatchObject({ width: 512, height: 512 })
    }
    expect(config.linux?.executableName).toBe('openrouter-key-manager')
  })

  it('ships icons in every size each platform needs, with transparent corners', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
      expect(readPng(readFileSync(join(root, `build/icons/${size}x${size}.png`)))).toEqual({ width: size, height: size, cornerAlpha: 0 })
    }
    expect(readPng(readFileSync(join(root, 'build/icon.png')))).toEqual({ width: 1024, height: 1024, cornerAlpha: 0 })
  })

  it('ships a Windows .ico whose entries hold PNGs of the sizes its directory claims, up to 256', () => {
    const ico = readFileSync(join(root, String(config.win?.icon)))
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1])
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, index) => {
      const entry = 6 + index * 16
      const claimed = ico[entry] === 0 ? 256 : ico[entry]!
      const offset = ico.readUInt32LE(entry + 12)
      const png = readPng(ico.subarray(offset, offset + ico.readUInt32LE(entry + 8)))
      expect(png).toMatchObject({ width: claimed, height: claimed })
      return claimed
    })
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256])
  })

  it('ships a macOS .icns whose entries hold PNGs of the sizes their types stand for', () => {
    const PIXELS: Record<string, number> = { icp4: 16, icp5: 32, ic11: 32, ic12: 64, ic07: 128, ic13: 256, ic08: 256, ic14: 512, ic09: 512, ic10: 1024 }
    const icns = readFileSync(join(root, String(config.mac?.icon)))
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns')
    expect(icns.readUInt32BE(4)).toBe(icns.length)
    const types: string[] = []
    for (let offset = 8; offset < icns.length; offset += icns.readUInt32BE(offset + 4)) {
      const type = icns.subarray(offset, offset + 4).toString('ascii')
      const png = readPng(icns.subarray(offset + 8, offset + icns.readUInt32BE(offset + 4)))
      expect(png, type).toMatchObject({ width: PIXELS[type], height: PIXELS[type] })
      types.push(type)
    }
    expect(types).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10']))
  })
})

import { describe, expect, it } from 'vitest'
import { ConfigError } from '../../../main/core/app/config'
import { describeStartupFailure, StartupError } from '../../../main/core/app/startup-failure'

const context = { dataDir: '/home/ann/.config/OpenRouter Key Manager', keyListFile: '/home/ann/.config/OpenRouter Key Manager/keys.json', logFile: '/home/ann/.config/OpenRouter Key Manager/logs/main.log', platform: 'linux' as const }
const errno = (code: string, path?: string) => Object.assign(new Error(`${code}: something`), { code, ...(path ? { path } : {}) })

describe('start-up failure report', () => {
  it('a keys.json the user may not read: names the file and the chown fix (Windows: the Security tab)', () => {
    const report = describeStartupFailure(new StartupError('services', errno('EACCES', context.keyListFile)), context)
    expect(report.detail).toContain(`File: ${context.keyListFile}`)
    expect(report.detail).toContain(`sudo chown -R "$USER" "${context.dataDir}"`)
    expect(report.detail).toContain(`Details are in the log: ${context.logFile}`)
    expect(report.log).toEqual({ step: 'services', errno: 'EACCES', path: context.keyListFile, error: 'EACCES: something' })
    const windows = describeStartupFailure(new StartupError('services', errno('EPERM', context.keyListFile)), { ...context, platform: 'win32' })
    expect(windows.detail).toMatch(/Properties → Security/)
    expect(windows.detail).not.toMatch(/sudo/)
  })

  it('keys.json is a folder: Node gives no path, the services step names keys.json', () => {
    const report = describeStartupFailure(new StartupError('services', errno('EISDIR')), context)
    expect(report.detail).toContain(`File: ${context.keyListFile}`)
    expect(report.detail).toMatch(/is a folder.*Move or rename the folder/)
  })

  it('the data folder is a file (or a folder above it is)', () => {
    for (const code of ['EEXIST', 'ENOTDIR']) {
      const report = describeStartupFailure(new StartupError('data folder', errno(code, context.dataDir)), context)
      expect(report.message).toMatch(/cannot use its data folder/)
      expect(report.detail).toContain(`Folder: ${context.dataDir}`)
      expect(report.detail).toMatch(/Move or rename that file/)
    }
  })

  it('a keychain module that will not load: names the native file and, on Linux, libsecret', () => {
    const dlopen = new Error('libsecret-1.so.0: cannot open shared object file: No such file or directory')
    const linux = describeStartupFailure(new StartupError('keychain module', dlopen), context)
    expect(linux.detail).toContain('File: libsecret-1.so.0')
    expect(linux.detail).toContain('sudo apt-get install libsecret-1-0')
    expect(linux.log.step).toBe('keychain module')
    const mac = describeStartupFailure(new StartupError('keychain module', new Error("Cannot find module '/Applications/X.app/Contents/Resources/app.asar.unpacked/node_modules/keytar/build/Release/keytar.node'")), { ...context, platform: 'darwin' })
    expect(mac.detail).toContain('File: /Applications/X.app/Contents/Resources/app.asar.unpacked/node_modules/keytar/build/Release/keytar.node')
    expect(mac.detail).toMatch(/Reinstall the app/)
    expect(describeStartupFailure(new StartupError('keychain module', new Error('nope')), context).detail).toMatch(/File: keytar\.node/)
  })

  it('an invalid configuration says which variable', () => {
    const report = describeStartupFailure(new StartupError('configuration', new ConfigError('Invalid configuration: ORKM_CALLBACK_PORT: too big')), context)
    expect(report.detail).toMatch(/ORKM_CALLBACK_PORT: too big[\s\S]*Correct the environment variable/)
  })

  it('anything else still says what failed, and never a key', () => {
    const key = `sk-or-v1-${'c'.repeat(64)}`
    const report = describeStartupFailure(new Error(`weird ${key}`), { ...context, dataDir: null, keyListFile: null, logFile: null })
    expect(report.message).toBe('OpenRouter Key Manager could not start.')
    expect(JSON.stringify(report)).not.toContain(key)
    expect(report.log.step).toBe('unknown')
  })
})

// The packaged self-test's logic against the real keychain and the built renderer served by the app-protocol
// core (the shell runs the same checks with net.fetch of app://bundle and the packaged keytar; CI runs that).
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join, sep } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { APP_PROTOCOL_ORIGIN, serveAppProtocolRequest } from '../../../main/core/app/app-protocol'
import { createKeytarVault, type SecretVault } from '../../../main/core/keys/secret-vault'
import {
  cspProblemsInHtml,
  isSelfTestRun,
  runSelfTest,
  selfTestChecks,
  SELF_TEST_SERVICE_PREFIX,
  type SelfTestDeps,
} from '../../../main/core/self-test/self-test'
import { keytar } from '../../support/keychain'
import { makeTempDir } from '../../support/temp-dir'

const BUILT_RENDERER = join(import.meta.dirname, '../../../out/renderer')
const requireHere = createRequire(import.meta.url)
const keytarBinary = () => requireHere.resolve('keytar/build/Release/keytar.node')

function deps(overrides: Partial<SelfTestDeps> & { rendererDir?: string } = {}): SelfTestDeps {
  const rendererDir = overrides.rendererDir ?? BUILT_RENDERER
  return {
    resolveKeytarBinary: keytarBinary,
    loadKeytar: () => import('keytar'),
    isPackaged: false,
    vaultFor: (service) => createKeytarVault(service),
    fetchApp: (url) => serveAppProtocolRequest('GET', url, rendererDir),
    appOrigin: APP_PROTOCOL_ORIGIN,
    ...overrides,
  }
}

/** A vault factory that remembers the services the self-test used, to look for leftovers afterwards. */
function recordingVaults(make: (service: string) => SecretVault = createKeytarVault) {
  const services: string[] = []
  return {
    vaultFor: (service: string) => {
      services.push(service)
      return make(service)
    },
    leftovers: async () => (await Promise.all(services.map((service) => keytar.findCredentials(service)))).flat(),
    services,
  }
}

describe('self-test', () => {
  let dir: { path: string; remove(): Promise<void> }
  beforeEach(async () => {
    dir = await makeTempDir('orkm-self-test-')
  })
  afterEach(async () => dir.remove())

  it('is asked for with --self-test', () => {
    expect(isSelfTestRun(['/opt/app/openrouter-key-manager', '--self-test'])).toBe(true)
    expect(isSelfTestRun(['/opt/app/openrouter-key-manager'])).toBe(false)
  })

  it.skipIf(!existsSync(join(BUILT_RENDERER, 'index.html')))(
    'passes here: keytar loads, a keychain item round-trips and is gone, the built renderer loads under its CSP',
    async () => {
      const vaults = recordingVaults()
      const report = await runSelfTest(selfTestChecks(deps({ vaultFor: vaults.vaultFor })))
      expect(report.lines.slice(0, 3).map((line) => line.split(':')[0])).toEqual([
        'PASS keychain module loads',
        'PASS keychain write, read, delete',
        'PASS renderer bundle loads through the app protocol with its CSP',
      ])
      expect(report.lines.at(-1)).toBe('self-test passed (3 checks)')
      expect(report.ok).toBe(true)
      expect(report.lines.every((line) => !line.includes('\n'))).toBe(true)
      expect(vaults.services).toEqual([expect.stringMatching(new RegExp(`^${SELF_TEST_SERVICE_PREFIX}-[0-9a-f]{8}$`))])
      expect(await vaults.leftovers()).toEqual([])
    },
  )

  it('fails, exit status non-zero, when keytar cannot load or its native module sits inside the asar', async () => {
    const broken = await runSelfTest(
      selfTestChecks(deps({ loadKeytar: () => Promise.reject(new Error('Cannot find module keytar.node')) })).slice(0, 1),
    )
    expect(broken).toEqual({ ok: false, lines: ['FAIL keychain module loads: Cannot find module keytar.node', 'self-test FAILED (1 of 1 checks)'] })

    // A packaged build whose keytar.node resolved somewhere other than app.asar(.unpacked).
    const packaged = await runSelfTest(selfTestChecks(deps({ isPackaged: true })).slice(0, 1))
    expect(packaged.lines[0]).toMatch(/^FAIL keychain module loads: keytar.node is not in app.asar.unpacked/)

    // Packaged, resolved inside app.asar, but not unpacked beside it.
    const asarPath = join(dir.path, 'resources', 'app.asar', 'node_modules', 'keytar', 'build', 'Release', 'keytar.node')
    const notUnpacked = await runSelfTest(selfTestChecks(deps({ isPackaged: true, resolveKeytarBinary: () => asarPath })).slice(0, 1))
    expect(notUnpacked.lines[0]).toContain(`FAIL keychain module loads: keytar.node not found at ${join(dir.path, 'resources', `app.asar.unpacked${sep}`)}`)

    // …and passes once the file is in app.asar.unpacked.
    const unpacked = asarPath.replace(`app.asar${sep}`, `app.asar.unpacked${sep}`)
    await mkdir(join(unpacked, '..'), { recursive: true })
    await writeFile(unpacked, 'binary')
    const fixed = await runSelfTest(selfTestChecks(deps({ isPackaged: true, resolveKeytarBinary: () => asarPath })).slice(0, 1))
    expect(fixed.ok).toBe(true)
  })

  it('fails when the keychain does not give back what was written', async () => {
    const vaults = recordingVaults((service) => ({ ...createKeytarVault(service), get: async () => null }))
    const report = await runSelfTest(selfTestChecks(deps({ vaultFor: vaults.vaultFor })).slice(1, 2))
    expect(report.lines[0]).toBe('FAIL keychain write, read, delete: the item read back differs from the one written')
    expect(report.ok).toBe(false)
    // Even a failed run removes its throw-away item.
    expect(vaults.services).toHaveLength(1)
    expect(await vaults.leftovers()).toEqual([])
  })

  it('fails when the renderer is missing, served without the CSP, or carries inline script', async () => {
    const rendererCheck = (overrides: Partial<SelfTestDeps> & { rendererDir?: string }) =>
      runSelfTest(selfTestChecks(deps(overrides)).slice(2)).then((report) => report.lines[0])

    expect(await rendererCheck({ rendererDir: join(dir.path, 'nothing') })).toMatch(/^FAIL .*: index\.html answered 404$/)

    const page = join(dir.path, 'page')
    await mkdir(join(page, 'assets'), { recursive: true })
    await writeFile(join(page, 'assets', 'app.js'), 'console.log(1)')
    await writeFile(join(page, 'index.html'), '<html><head><script type="module" src="./assets/app.js"></script></head></html>')
    expect(await rendererCheck({ rendererDir: page })).toMatch(/^PASS /)

    const withoutCsp = deps({ rendererDir: page })
    const stripped = async (url: string) => {
      const response = await withoutCsp.fetchApp(url)
      const { 'Content-Security-Policy': _csp, ...headers } = response.headers
      return { ...response, headers }
    }
    expect(await rendererCheck({ rendererDir: page, fetchApp: stripped })).toMatch(/^FAIL .*served without the renderer CSP \(got none\)$/)

    await writeFile(join(page, 'index.html'), '<html><script src="./assets/app.js"></script><script>alert(1)</script></html>')
    expect(await rendererCheck({ rendererDir: page })).toMatch(/^FAIL .*an inline <script>/)

    await writeFile(join(page, 'index.html'), '<html><script src="./assets/missing.js"></script></html>')
    expect(await rendererCheck({ rendererDir: page })).toMatch(/^FAIL .*\.\/assets\/missing\.js answered 404$/)
  })

  it('spots what would weaken the CSP in the page itself', () => {
    expect(cspProblemsInHtml('<script src="./a.js"></script>')).toEqual([])
    expect(cspProblemsInHtml('<button onclick="x()">')).toHaveLength(1)
    expect(cspProblemsInHtml('<style>body{}</style>')).toHaveLength(1)
    expect(cspProblemsInHtml(`<meta http-equiv="Content-Security-Policy" content="script-src 'self' 'unsafe-inline'">`)).toHaveLength(1)
  })
})

// `--self-test`: what an installed build must be able to do, checked in the build itself (CI runs it on every
// packaged app; a person can too). No window: the keychain module loads (from outside the asar when packaged),
// a throw-away keychain item is written, read and deleted, and the renderer bundle loads through the app
// protocol under its CSP. One line per check, then the exit code says whether all passed.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { sep } from 'node:path'
import { RENDERER_CSP, type AppProtocolResponse } from '../app/app-protocol'
import type { SecretVault } from '../keys/secret-vault'

export const SELF_TEST_FLAG = '--self-test'
/** The keychain service the self-test writes under: never the app's own, so no real key is ever touched. */
export const SELF_TEST_SERVICE_PREFIX = 'openrouter-key-manager-self-test'

export interface SelfTestCheck {
  name: string
  /** Resolves with a short detail for the PASS line; rejects (with the reason) to fail. */
  run(): Promise<string>
}

export interface SelfTestReport {
  ok: boolean
  lines: string[]
}

export function isSelfTestRun(argv: readonly string[]): boolean {
  return argv.includes(SELF_TEST_FLAG)
}

export async function runSelfTest(checks: readonly SelfTestCheck[]): Promise<SelfTestReport> {
  const lines: string[] = []
  let failed = 0
  for (const check of checks) {
    try {
      lines.push(`PASS ${check.name}: ${oneLine(await check.run())}`)
    } catch (error) {
      failed += 1
      lines.push(`FAIL ${check.name}: ${oneLine(error instanceof Error ? error.message : String(error))}`)
    }
  }
  lines.push(failed === 0 ? `self-test passed (${checks.length} checks)` : `self-test FAILED (${failed} of ${checks.length} checks)`)
  return { ok: failed === 0, lines }
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim()

export interface SelfTestDeps {
  /** Where keytar's native module resolves from (`require.resolve` of its .node file). */
  resolveKeytarBinary(): string
  /** Loads keytar the way the app does. */
  loadKeytar(): Promise<unknown>
  /** Whether this is a packaged build (then the module must sit in app.asar.unpacked). */
  isPackaged: boolean
  /** A vault on the given service, built the way the app builds its own. */
  vaultFor(service: string): SecretVault
  /** GET through the app protocol (net.fetch of app://bundle/… in the app). */
  fetchApp(url: string): Promise<AppProtocolResponse>
  appOrigin: string
}

export function selfTestChecks(deps: SelfTestDeps): SelfTestCheck[] {
  return [
    {
      name: 'keychain module loads',
      async run() {
        const binary = deps.resolveKeytarBinary()
        // Electron serves app.asar/… paths from app.asar.unpacked when the file was unpacked; a native module
        // left inside the archive cannot be loaded at all. So: the real file must exist outside the archive.
        const onDisk = binary.replace(`app.asar${sep}`, `app.asar.unpacked${sep}`)
        if (deps.isPackaged && !onDisk.includes(`app.asar.unpacked${sep}`)) throw new Error(`keytar.node is not in app.asar.unpacked (${binary})`)
        if (!existsSync(onDisk)) throw new Error(`keytar.node not found at ${onDisk}`)
        await deps.loadKeytar()
        return `keytar loaded, native module at ${onDisk}`
      },
    },
    {
      name: 'keychain write, read, delete',
      async run() {
        const service = `${SELF_TEST_SERVICE_PREFIX}-${randomBytes(4).toString('hex')}`
        const vault = deps.vaultFor(service)
        const account = 'self-test'
        const secret = `self-test-${randomBytes(12).toString('hex')}`
        try {
          await vault.set(account, secret)
          const read = await vault.get(account)
          if (read !== secret) throw new Error('the item read back differs from the one written')
          if (!(await vault.delete(account))) throw new Error('the item could not be deleted')
          if ((await vault.get(account)) !== null) throw new Error('the item is still there after deleting it')
        } finally {
          await vault.delete(account).catch(() => false)
        }
        return `${vault.description}, service ${service}`
      },
    },
    {
      name: 'renderer bundle loads through the app protocol with its CSP',
      async run() {
        const index = await deps.fetchApp(`${deps.appOrigin}/index.html`)
        if (index.status !== 200 || index.body === null) throw new Error(`index.html answered ${index.status}`)
        const csp = index.headers['Content-Security-Policy'] ?? index.headers['content-security-policy']
        if (csp !== RENDERER_CSP) throw new Error(`index.html is served without the renderer CSP (got ${csp ?? 'none'})`)
        const html = index.body.toString('utf8')
        const problems = cspProblemsInHtml(html)
        if (problems.length > 0) throw new Error(problems.join('; '))
        const assets = referencedAssets(html)
        if (!assets.some((asset) => asset.endsWith('.js'))) throw new Error('index.html references no script')
        for (const asset of assets) {
          const response = await deps.fetchApp(new URL(asset, `${deps.appOrigin}/index.html`).href)
          if (response.status !== 200 || !response.body?.length) throw new Error(`${asset} answered ${response.status}`)
        }
        return `index.html and ${assets.length} assets, CSP ${csp.split(';')[0]}…`
      },
    },
  ]
}

/** What in the page itself would weaken or break the policy: inline scripts, inline handlers, a laxer meta CSP. */
export function cspProblemsInHtml(html: string): string[] {
  const problems: string[] = []
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (!/\bsrc\s*=/.test(match[1] ?? '') || (match[2] ?? '').trim() !== '') problems.push('an inline <script> (blocked by the CSP)')
  }
  if (/<style\b/i.test(html)) problems.push('an inline <style> (blocked by the CSP)')
  if (/\son[a-z]+\s*=/i.test(html)) problems.push('an inline event handler attribute (blocked by the CSP)')
  const meta = /<meta[^>]+http-equiv=["']Content-Security-Policy["'][^>]*content=(["'])(.*?)\1/i.exec(html)?.[2]
  if (meta !== undefined && /unsafe-inline|unsafe-eval|\*/.test(meta)) problems.push(`a laxer meta CSP (${meta})`)
  return problems
}

/** Same-origin scripts, stylesheets and icons the page loads. */
export function referencedAssets(html: string): string[] {
  const found = new Set<string>()
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)=["']([^"']+)["']/gi)) {
    const reference = match[1]!
    if (!/^[a-z][a-z0-9+.-]*:/i.test(reference) && !reference.startsWith('//')) found.add(reference)
  }
  return [...found]
}

// `orkm` against real parts: the built bundle as a child process, the real keychain (a throw-away service), the
// real metadata file written by the app's own services, and the OpenRouter double for `status --refresh`.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { chmodSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { EXIT_CODES } from '../../main/cli/exit-codes'
import { APP_PRODUCT_NAME } from '../../main/core/app/user-data-dir'
import { keyIdOf, maskKey } from '../../main/core/keys/key-identity'
import { METADATA_FILE_NAME } from '../../main/core/keys/metadata-store'
import { startOpenRouterDouble, type OpenRouterDouble } from '../openrouter-double'
import { startTestServices, type TestServices } from '../support/core-services'
import { keytar } from '../support/keychain'
import { makeTempDir, readAllFiles } from '../support/temp-dir'
import { assertCliBuilt, baseEnv, orkm, printed, startOrkm, type OrkmResult } from './run-orkm'

const DAY = 24 * 60 * 60 * 1000
/** Shaped like a key, so it would be printed or passed if orkm ever looked at this keychain item. */
const MANAGEMENT_SECRET = `sk-or-v1-${'ab12'.repeat(16)}`

let double: OpenRouterDouble
let app: TestServices
let env: Record<string, string | undefined>
/** Every orkm result of a test: no stderr may ever hold a secret. */
let results: OrkmResult[]
let secrets: string[]

beforeAll(() => assertCliBuilt())

beforeEach(async () => {
  double = await startOpenRouterDouble()
  app = await startTestServices({ apiBaseUrl: double.apiBaseUrl })
  env = baseEnv({
    ORKM_DATA_DIR: app.dataDir,
    ORKM_KEYCHAIN_SERVICE: app.keychainService,
    OPENROUTER_BASE_URL: double.apiBaseUrl,
    ORKM_RETRY_BUDGET_MS: '0',
    ORKM_HTTP_TIMEOUT_MS: '5000',
  })
  results = []
  // The management key the app may hold: same service, an account that is never an API key's hash.
  await keytar.setPassword(app.keychainService, 'management-key', MANAGEMENT_SECRET)
  secrets = [MANAGEMENT_SECRET]
})

afterEach(async () => {
  for (const result of results) for (const secret of secrets) expect(result.stderr).not.toContain(secret)
  for (const file of await readAllFiles(app.dataDir)) for (const secret of secrets) expect(file.text, file.path).not.toContain(secret)
  await app.dispose()
  await double.close()
})

async function cli(args: string[], options: { env?: Record<string, string | undefined>; input?: string } = {}): Promise<OrkmResult> {
  const result = await orkm(args, { env: options.env ?? env, ...(options.input === undefined ? {} : { input: options.input }) })
  results.push(result)
  return result
}

/** Stores a key the way the app does (keychain + keys.json), with OpenRouter's figures from the double. */
async function storeKey(label: string, init: Parameters<OpenRouterDouble['createKey']>[0] = {}): Promise<string> {
  const secret = double.createKey(init)
  await app.services.intake.add(secret, label)
  await app.services.keys.flush()
  secrets.push(secret)
  return secret
}

async function setDefault(secret: string): Promise<void> {
  await app.services.keys.setDefault(keyIdOf(secret))
}

const metadataPath = () => join(app.dataDir, METADATA_FILE_NAME)

describe('orkm list', () => {
  it('shows the stored keys from the metadata, the default marked, and reads no secret', async () => {
    const work = await storeKey('Work', { limit: 20, usage: 5, limitReset: 'weekly', expiresAt: new Date(Date.now() + 30 * DAY).toISOString() })
    const play = await storeKey('Play')
    await setDefault(work)

    // The keychain is unreachable here: list must not need it.
    const noKeychain = { ...env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/orkm-bus' }
    const table = await cli(['list'], { env: noKeychain })
    expect(table).toMatchObject({ code: 0, stderr: '' })
    const lines = table.stdout.split('\n')
    expect(lines[0]).toMatch(/^\s+NAME\s+KEY\s+STATUS\s+REMAINING \/ LIMIT\s+EXPIRES$/)
    expect(lines.find((line) => line.includes('Work'))).toMatch(new RegExp(`^\\*\\s+Work\\s+${maskKey(work)}\\s+active\\s+\\$15\\.00 / \\$20\\.00 weekly\\s+\\d{4}-\\d\\d-\\d\\d$`))
    expect(lines.find((line) => line.includes('Play'))).toMatch(new RegExp(`^\\s+Play\\s+${maskKey(play)}\\s+active\\s+no limit\\s+never$`))

    const json = await cli(['ls', '--json'], { env: noKeychain })
    expect(json.code).toBe(0)
    const parsed = JSON.parse(json.stdout) as { version: number; keys: Array<Record<string, unknown>> }
    expect(parsed.version).toBe(1)
    expect(parsed.keys).toEqual([
      expect.objectContaining({ id: keyIdOf(work), label: 'Work', maskedKey: maskKey(work), isDefault: true, status: 'active', limit: 20, limitRemaining: 15, limitReset: 'weekly', usage: 5 }),
      expect.objectContaining({ id: keyIdOf(play), label: 'Play', isDefault: false, status: 'active', limit: null }),
    ])
    for (const output of [table.stdout, json.stdout]) {
      for (const secret of secrets) expect(output).not.toContain(secret)
    }
  })

  it('says so when no key is stored', async () => {
    expect(await cli(['list'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/No keys are stored/) })
    expect(JSON.parse((await cli(['list', '--json'])).stdout)).toEqual({ version: 1, keys: [] })
  })

  it('finds keys.json in Electron’s userData folder when ORKM_DATA_DIR is not set', async () => {
    const config = await makeTempDir('orkm-xdg-')
    try {
      const userData = join(config.path, APP_PRODUCT_NAME)
      await mkdir(userData)
      await storeKey('Found')
      await writeFile(join(userData, METADATA_FILE_NAME), await readFile(metadataPath()))
      const listedThere = await cli(['list', '--json'], { env: { ...env, ORKM_DATA_DIR: undefined, XDG_CONFIG_HOME: config.path } })
      expect(JSON.parse(listedThere.stdout).keys).toEqual([expect.objectContaining({ label: 'Found' })])
    } finally {
      await config.remove()
    }
  })
})

describe('orkm key', () => {
  it('prints the default key, or the one named by label, OpenRouter name, masked form or suffix, and nothing else', async () => {
    const work = await storeKey('Work', { label: 'or-work' })
    const play = await storeKey('Play')
    await setDefault(work)
    expect(await cli(['key'])).toEqual({ code: 0, signal: null, stdout: `${work}\n`, stderr: '' })
    expect((await cli(['key', 'play'])).stdout).toBe(`${play}\n`)
    expect((await cli(['key', 'or-work'])).stdout).toBe(`${work}\n`)
    expect((await cli(['key', maskKey(play)])).stdout).toBe(`${play}\n`)
    expect((await cli(['key', `...${play.slice(-4)}`])).stdout).toBe(`${play}\n`)
    expect((await cli(['key', play.slice(-4)])).stdout).toBe(`${play}\n`)
    // As $(orkm key) is used: exactly the key.
    expect(execFileSync('sh', ['-c', `k="$("${process.execPath}" out/cli/orkm.mjs key Play)"; printf %s "$k"`], { env: env as NodeJS.ProcessEnv, encoding: 'utf8' })).toBe(play)
  })

  it('refuses an ambiguous name and lists the matches; an unknown name, or none stored, each with its exit code', async () => {
    expect(await cli(['key'])).toMatchObject({ code: EXIT_CODES.noKeys.code, stdout: '', stderr: expect.stringMatching(/^orkm: No keys are stored\..*\n$/) })
    const first = await storeKey('Twin')
    const second = await storeKey('twin')
    const ambiguous = await cli(['key', 'TWIN'])
    expect(ambiguous).toMatchObject({ code: EXIT_CODES.unknownKey.code, stdout: '' })
    expect(ambiguous.stderr).toContain(maskKey(first))
    expect(ambiguous.stderr).toContain(maskKey(second))
    expect(ambiguous.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(await cli(['key', 'nope'])).toMatchObject({ code: EXIT_CODES.unknownKey.code, stdout: '', stderr: 'orkm: No stored key is called “nope” (see `orkm list`).\n' })
    // Two keys and no default (the app sets one; it is cleared when that key is removed): name one.
    const document = JSON.parse(readFileSync(metadataPath(), 'utf8')) as { defaultKeyId: string | null }
    writeFileSync(metadataPath(), JSON.stringify({ ...document, defaultKeyId: null }))
    expect(await cli(['key'])).toMatchObject({ code: EXIT_CODES.noKeys.code, stderr: expect.stringMatching(/No default key is set/) })
    // A key pasted as the name is never echoed back.
    expect(await cli(['key', first])).toMatchObject({ code: EXIT_CODES.unknownKey.code, stderr: expect.not.stringContaining(first) })
  })

  it('never prints, lists or passes the management key', async () => {
    await storeKey('Only')
    for (const args of [['key', 'management-key'], ['key', MANAGEMENT_SECRET.slice(-4)], ['env', '--key', 'management-key']]) {
      const result = await cli(args)
      expect(result.code, args.join(' ')).toBe(EXIT_CODES.unknownKey.code)
      expect(result.stdout).toBe('')
    }
    const outputs = await Promise.all([
      cli(['list']),
      cli(['list', '--json']),
      cli(['key']),
      cli(['env']),
      cli(['status', '--refresh']),
      cli(['run', '--', process.execPath, '-e', 'process.stdout.write(JSON.stringify(process.env))']),
    ])
    for (const output of outputs) {
      expect(output.code).toBe(0)
      expect(output.stdout).not.toContain(MANAGEMENT_SECRET)
    }
    expect(double.requests.map((request) => request.authorization)).not.toContain(`Bearer ${MANAGEMENT_SECRET}`)
  })

  it('reports a key whose secret left the keychain, or whose item holds another secret', async () => {
    const gone = await storeKey('Gone')
    await keytar.deletePassword(app.keychainService, keyIdOf(gone))
    expect(await cli(['key'])).toMatchObject({ code: EXIT_CODES.secretMissing.code, stdout: '', stderr: expect.stringMatching(/no longer in your keychain/) })

    // An item under a listed key's account that holds another secret (here the management key) is not that key.
    await keytar.setPassword(app.keychainService, keyIdOf(gone), MANAGEMENT_SECRET)
    for (const args of [['key'], ['env'], ['run', '--', process.execPath, '-e', 'process.stdout.write("ran")']]) {
      expect(await cli(args), args[0]).toMatchObject({ code: EXIT_CODES.secretMissing.code, stdout: '' })
    }
  })
})

/**
 * Runs `script` under `orkm run`, sends orkm `signal` once the script is ready, and returns orkm's result. The
 * script's process must be gone by the time orkm exits (orkm waits for it); if not, it is ended here and reported.
 */
async function signalDuringRun(script: string, signal: NodeJS.Signals): Promise<OrkmResult> {
  const { child, done } = startOrkm(['run', '--', process.execPath, '-e', `process.stderr.write(String(process.pid) + "\\n"); ${script}`], { env })
  let commandPid = ''
  child.stderr!.on('data', (chunk: string) => (commandPid ||= chunk.trim()))
  await printed(child, 'ready')
  child.kill(signal)
  await new Promise((resolve) => child.once('exit', resolve))
  let outlived = false
  try {
    process.kill(Number(commandPid), 0)
    outlived = true
    process.kill(Number(commandPid), 'SIGKILL')
  } catch {
    // gone, as it should be
  }
  expect(outlived, 'the command outlived orkm').toBe(false)
  const result = await done
  results.push(result)
  return { ...result, stderr: result.stderr.replace(`${commandPid}\n`, '') }
}

describe('orkm run', () => {
  const printKey = [process.execPath, '-e', 'process.stdout.write(process.env.OPENROUTER_API_KEY ?? "unset")']

  it('gives the key to the command’s environment only, and passes stdin, stdout, stderr and the exit code through', async () => {
    const work = await storeKey('Work')
    expect(await cli(['run', '--', ...printKey])).toEqual({ code: 0, signal: null, stdout: work, stderr: '' })
    const custom = await cli(['run', '--env', 'MY_KEY', '--key', 'Work', '--', process.execPath, '-e', 'process.stdout.write(process.env.MY_KEY)'])
    expect(custom.stdout).toBe(work)
    const io = await cli(['run', '--', process.execPath, '-e', 'process.stdin.pipe(process.stdout); process.stderr.write("to stderr"); process.on("exit", () => { process.exitCode = 7 })'], {
      input: 'from stdin',
    })
    expect(io).toEqual({ code: 7, signal: null, stdout: 'from stdin', stderr: 'to stderr' })
    // The shell that ran orkm, and orkm's own environment, never hold it.
    const shell = spawnSync('sh', ['-c', `"${process.execPath}" out/cli/orkm.mjs run -- "${process.execPath}" -e 'const fs = require("fs"); process.stdout.write(fs.readFileSync("/proc/" + process.ppid + "/environ", "latin1").includes(process.env.OPENROUTER_API_KEY) ? "in orkm" : "child only")'; printf ' after:%s' "$OPENROUTER_API_KEY"`], {
      env: env as NodeJS.ProcessEnv,
      encoding: 'utf8',
    })
    expect(shell.stdout).toBe('child only after:')
  })

  it('exits 127 for a command not found, 126 for one that cannot run, 2 without a command or with a bad --env', async () => {
    await storeKey('Work')
    const dir = await makeTempDir('orkm-run-')
    try {
      const notExecutable = join(dir.path, 'not-executable')
      writeFileSync(notExecutable, '#!/bin/sh\necho hi\n')
      chmodSync(notExecutable, 0o644)
      expect(await cli(['run', '--', 'orkm-no-such-command-here'])).toMatchObject({ code: 127, stdout: '', stderr: 'orkm: command not found: orkm-no-such-command-here\n' })
      expect(await cli(['run', '--', notExecutable])).toMatchObject({ code: 126, stderr: expect.stringMatching(/^orkm: cannot run .*EACCES\n$/) })
      expect(await cli(['run', '--', dir.path])).toMatchObject({ code: 126 })
    } finally {
      await dir.remove()
    }
    expect(await cli(['run'])).toMatchObject({ code: EXIT_CODES.usage.code, stderr: expect.stringMatching(/Name the command to run after --/) })
    expect(await cli(['run', '--'])).toMatchObject({ code: EXIT_CODES.usage.code })
    expect(await cli(['run', process.execPath, '-e', '1'])).toEqual({ code: EXIT_CODES.usage.code, signal: null, stdout: '', stderr: "orkm: Unknown option '-e' (put -- before the command and its options)\n" })
    for (const bad of ['1KEY', 'MY-KEY', 'A B', 'KEY=x', '$(id)', '']) {
      expect(await cli(['run', '--env', bad, '--', ...printKey]), bad).toMatchObject({ code: EXIT_CODES.usage.code, stdout: '' })
    }
  })

  it('forwards SIGTERM to the command and exits 143 once it has ended by it', async () => {
    await storeKey('Work')
    const script = 'process.on("SIGTERM", () => { process.stdout.write("child got SIGTERM\\n"); process.removeAllListeners("SIGTERM"); process.kill(process.pid, "SIGTERM") }); process.stdout.write("ready\\n"); setInterval(() => {}, 1000)'
    const result = await signalDuringRun(script, 'SIGTERM')
    expect(result).toMatchObject({ code: 143, signal: null, stdout: 'ready\nchild got SIGTERM\n' })
  })

  it('forwards SIGINT sent by kill, and exits with the code the command chose', async () => {
    await storeKey('Work')
    const script = 'process.on("SIGINT", () => { process.stdout.write("child got SIGINT\\n"); process.exit(5) }); process.stdout.write("ready\\n"); setInterval(() => {}, 1000)'
    const result = await signalDuringRun(script, 'SIGINT')
    expect(result).toMatchObject({ code: 5, stdout: 'ready\nchild got SIGINT\n' })
  })

  // util-linux `script` gives orkm a real pseudo-terminal, so Ctrl-C is the terminal's, not a kill.
  it.skipIf(spawnSync('script', ['-V']).status !== 0)('on Ctrl-C in a terminal, the command gets SIGINT and orkm exits only after it does, with its code', async () => {
    await storeKey('Work')
    // The command lingers after the first SIGINT, so a second one (a duplicate forwarded by orkm) would be counted.
    const childScript = join(app.dataDir, 'ctrl-c.cjs')
    writeFileSync(
      childScript,
      'let n = 0; process.on("SIGINT", () => { n += 1; if (n === 1) setTimeout(() => { process.stdout.write("sigints=" + n + "\\n"); process.exit(42) }, 400) }); process.stdout.write("ready\\n"); setInterval(() => {}, 1000)\n',
    )
    // `exec`: no shell stays between the terminal and orkm (a waiting sh would report Ctrl-C itself).
    const terminal = spawn('script', ['-qec', `exec "${process.execPath}" out/cli/orkm.mjs run -- "${process.execPath}" "${childScript}"`, '/dev/null'], {
      env: env as NodeJS.ProcessEnv,
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let output = ''
    terminal.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk
      if (output.includes('ready') && !output.includes('^C')) terminal.stdin.write('\x03')
    })
    const code = await new Promise<number | null>((resolve) => terminal.once('close', resolve))
    expect(output).toContain('sigints=1')
    expect(code).toBe(42)
  })
})

describe('orkm env', () => {
  it('prints an assignment the shell evaluates to exactly the key', async () => {
    const work = await storeKey('Work')
    const sh = await cli(['env'])
    expect(sh).toEqual({ code: 0, signal: null, stdout: `export OPENROUTER_API_KEY='${work}'\n`, stderr: '' })
    expect(execFileSync('sh', ['-c', `eval "$1"; printf %s "$OPENROUTER_API_KEY"`, 'sh', sh.stdout], { encoding: 'utf8' })).toBe(work)
    expect((await cli(['env', '--shell', 'fish', '--env', 'OR_KEY'])).stdout).toBe(`set -gx OR_KEY '${work}'\n`)
    expect((await cli(['env', '--shell', 'powershell'])).stdout).toBe(`$env:OPENROUTER_API_KEY = '${work}'\n`)
    expect((await cli(['env', '--shell', 'cmd', '--key', 'work'])).stdout).toBe(`set "OPENROUTER_API_KEY=${work}"\n`)
    expect(await cli(['env', '--shell', 'zsh'])).toMatchObject({ code: EXIT_CODES.usage.code, stdout: '', stderr: expect.stringMatching(/--shell takes one of sh, fish, powershell, cmd/) })
    expect(await cli(['env', '--env', '9X'])).toMatchObject({ code: EXIT_CODES.usage.code, stdout: '' })
  })
})

describe('orkm status', () => {
  it('shows which keys need attention and succeeds while the default key is usable', async () => {
    const work = await storeKey('Work', { limit: 10, usage: 1 })
    await storeKey('Soon', { expiresAt: new Date(Date.now() + 2 * DAY).toISOString() })
    const spent = await storeKey('Spent', { limit: 10, usage: 1 })
    double.updateKey(spent, { usage: 10 })
    await app.services.keys.refreshAll('manual')
    await setDefault(work)
    const result = await cli(['status'])
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(result.stdout).toMatch(/✓ Work \(sk-or-v1-…\w{4}\) \[default\]: active/)
    expect(result.stdout).toMatch(/! Soon .*: expiring-soon — Expires in 2 days\./)
    expect(result.stdout).toMatch(/X Spent .*: limit-reached/)
    expect(result.stdout).toMatch(/Default key: “Work” .*: usable\./)
    for (const secret of secrets) expect(result.stdout).not.toContain(secret)

    await setDefault(spent)
    expect(await cli(['status'])).toMatchObject({ code: EXIT_CODES.attention.code, stdout: expect.stringMatching(/Default key: “Spent” .*: NOT usable\./) })
  })

  it('fails when the default key’s secret is gone, or no key is stored', async () => {
    expect(await cli(['status'])).toMatchObject({ code: EXIT_CODES.attention.code, stdout: expect.stringMatching(/No keys are stored/) })
    const gone = await storeKey('Gone')
    await keytar.deletePassword(app.keychainService, keyIdOf(gone))
    expect(await cli(['status'])).toMatchObject({ code: EXIT_CODES.attention.code, stdout: expect.stringMatching(/X Gone .*missing-secret/) })
  })

  it('--refresh shows OpenRouter’s figures now, through the SDK without the ambient OPENROUTER_API_KEY, and writes nothing', async () => {
    const work = await storeKey('Work', { limit: 10, usage: 1 })
    await setDefault(work)
    double.revokeKey(work)
    const before = await readAllFiles(app.dataDir)
    const ambient = `sk-or-v1-${'cd34'.repeat(16)}`
    secrets.push(ambient)
    const requestsBefore = double.requests.length
    const result = await cli(['status', '--refresh'], { env: { ...env, OPENROUTER_API_KEY: ambient } })
    expect(result).toMatchObject({ code: EXIT_CODES.attention.code, stdout: expect.stringMatching(/X Work .*: rejected/) })
    expect(result.stdout).toMatch(/just refreshed/)
    const sent = double.requests.slice(requestsBefore)
    expect(sent.map((request) => [request.path, request.authorization])).toEqual([['/api/v1/key', `Bearer ${work}`]])
    // Read-only: the app's file (and every other file) is exactly as before; the app still shows its own figures.
    expect(await readAllFiles(app.dataDir)).toEqual(before)
    expect(await cli(['status'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/✓ Work .*: active/) })
  })

  it('--refresh shows a key as offline when OpenRouter cannot be reached, and keeps it usable', async () => {
    const work = await storeKey('Work')
    await setDefault(work)
    double.setFailure('key', { kind: 'reset' })
    expect(await cli(['status', '--refresh'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/Work .*: offline/) })
  })
})

describe('bad input and failures', () => {
  it('a damaged key list: one line, its exit code, and the file left for the app to repair', async () => {
    await storeKey('Work')
    for (const damage of ['{ not json', JSON.stringify({ version: 1, keys: [{ id: 'short' }], defaultKeyId: null }), JSON.stringify({ version: 9, keys: [] })]) {
      writeFileSync(metadataPath(), damage)
      for (const args of [['list'], ['key'], ['status']]) {
        const result = await cli(args)
        expect(result, `${args[0]} ${damage}`).toMatchObject({ code: EXIT_CODES.metadataDamaged.code, stdout: '', stderr: expect.stringMatching(/^orkm: The key list .* is damaged .*repair it\.\n$/) })
      }
      expect(readFileSync(metadataPath(), 'utf8')).toBe(damage)
    }
  })

  it('no keychain at all: one line with the fix and its exit code', async () => {
    await storeKey('Work')
    const result = await cli(['key'], { env: { ...env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/orkm-bus', DISPLAY: '' } })
    expect(result).toMatchObject({ code: EXIT_CODES.keychainUnavailable.code, stdout: '', stderr: expect.stringMatching(/^orkm: No OS keychain could be reached.*GNOME Keyring.*\n$/) })
  })

  it('unknown commands and options, and invalid configuration, are usage errors', async () => {
    expect(await cli(['frobnicate'])).toMatchObject({ code: EXIT_CODES.usage.code, stderr: 'orkm: Unknown command “frobnicate” (see `orkm help`).\n' })
    expect(await cli(['list', '--jsn'])).toMatchObject({ code: EXIT_CODES.usage.code, stderr: expect.stringMatching(/^orkm: Unknown option '--jsn'/) })
    expect(await cli(['list'], { env: { ...env, ORKM_HTTP_TIMEOUT_MS: 'soon' } })).toMatchObject({ code: EXIT_CODES.usage.code, stderr: expect.stringMatching(/ORKM_HTTP_TIMEOUT_MS/) })
    expect(await cli(['help'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^orkm: use the keys/) })
    expect(await cli([])).toMatchObject({ code: EXIT_CODES.usage.code })
  })
})

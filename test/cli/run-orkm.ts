// Runs the built `orkm` (out/cli/orkm.mjs, made by `npm run build`) as a real child process, as people run it.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '../..')
export const ORKM = join(root, 'out/cli/orkm.mjs')

function newestSource(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs)
  }
  return newest
}

/** Fails early and clearly when the bundle is missing or older than the code it is built from. */
export function assertCliBuilt(): void {
  if (!existsSync(ORKM)) throw new Error(`${ORKM} is missing: run \`npm run build\` (or \`npm run build:cli\`) first.`)
  const sources = Math.max(newestSource(join(root, 'main/cli')), newestSource(join(root, 'main/core')))
  if (statSync(ORKM).mtimeMs < sources) throw new Error(`${ORKM} is older than main/cli or main/core: run \`npm run build:cli\`.`)
}

export interface OrkmResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

export interface OrkmOptions {
  env: Record<string, string | undefined>
  input?: string
  cwd?: string
}

/** The environment the tests give orkm: only what it needs, plus the session's D-Bus for the keychain. */
export function baseEnv(extra: Record<string, string | undefined>): Record<string, string | undefined> {
  const pass = ['PATH', 'HOME', 'DBUS_SESSION_BUS_ADDRESS', 'XDG_RUNTIME_DIR', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'GNOME_KEYRING_CONTROL', 'SYSTEMROOT', 'APPDATA', 'TMPDIR']
  return { ...Object.fromEntries(pass.map((name) => [name, process.env[name]])), ...extra }
}

export function startOrkm(args: string[], options: OrkmOptions): { child: ChildProcess; done: Promise<OrkmResult> } {
  const child = spawn(process.execPath, [ORKM, ...args], {
    cwd: options.cwd ?? root,
    env: options.env,
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  if (options.input !== undefined) child.stdin!.end(options.input)
  else child.stdin!.end()
  const done = new Promise<OrkmResult>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
  })
  return { child, done }
}

export function orkm(args: string[], options: OrkmOptions): Promise<OrkmResult> {
  return startOrkm(args, options).done
}

/** Resolves once `child`'s stdout has printed `marker`. */
export function printed(child: ChildProcess, marker: string): Promise<void> {
  return new Promise((resolve) => {
    let seen = ''
    const onData = (chunk: Buffer | string) => {
      seen += chunk.toString()
      if (seen.includes(marker)) {
        child.stdout!.off('data', onData)
        resolve()
      }
    }
    child.stdout!.on('data', onData)
  })
}

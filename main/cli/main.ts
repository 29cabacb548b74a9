// `orkm`: the command-line companion. Parses the command line, runs one command, and returns the exit code.
// Secrets go to stdout only for `key` and `env`, to a command's environment only for `run`, and nowhere else.
import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { KeyFigures } from '../../preload/contract'
import { assignmentFor, defaultShellFor, isEnvVarName, SHELLS, ShellQuoteError, type Shell } from '../core/base/shell-quote'
import { isAppFailure } from '../core/base/app-failure'
import { redact } from '../core/base/logger'
import { runWithConcurrency } from '../core/base/concurrency'
import { deriveStatus } from '../core/keys/key-status'
import type { StoredKey } from '../core/keys/stored-key'
import { createOpenRouterGateway } from '../core/openrouter/openrouter-gateway'
import { CliFailure, EXIT_CODES, exitCodeTable } from './exit-codes'
import { openKeySource, type KeySource } from './key-source'
import { defaultKeyOf, describeKey, selectKey } from './key-selection'
import { formatListTable, formatStatus, printable, STATUS_EFFECT, toListJson, type ListedKey } from './output'
import { runCommand } from './run-command'

export const DEFAULT_ENV_VAR = 'OPENROUTER_API_KEY'

export interface CliHost {
  env: Record<string, string | undefined>
  platform: NodeJS.Platform
  /** Whether this copy is an installed package (ignores development-only variables, like the installed app). */
  installed: boolean
  version: string
  stdout(text: string): void
  stderr(text: string): void
}

const USAGE = `orkm: use the keys OpenRouter Key Manager keeps in your OS keychain, without writing them down.

Usage:
  orkm list [--json]                     the stored keys (alias: ls); reads no secret
  orkm key [NAME]                        print the default key, or the one named, for $(orkm key)
  orkm run [--key NAME] [--env VAR] -- COMMAND [ARGS...]
                                         run COMMAND with OPENROUTER_API_KEY (or VAR) set to the key
  orkm env [--shell sh|fish|powershell|cmd] [--key NAME] [--env VAR]
                                         print the assignment for that shell, e.g. eval "$(orkm env)"
  orkm status [--refresh]                which keys need attention; fails when the default key is not usable
  orkm help | --help | --version

NAME is a key's label, its name on OpenRouter, its masked form (sk-or-v1-...abcd) or the last four characters.
Environment: ORKM_KEYCHAIN_SERVICE and ORKM_DATA_DIR, as for the app.

Exit codes:
${exitCodeTable()}
`

const parse = <T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, allowPositionals: boolean, hint = 'see `orkm help`') => {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true })
  } catch (error) {
    // Node's messages go on to explain; their first sentence says what was wrong.
    const message = (error instanceof Error ? error.message : String(error)).split(/\.\s|\n/)[0]!.trim()
    throw new CliFailure('usage', `${message} (${hint})`)
  }
}

function envVarName(value: string | undefined): string {
  const name = value ?? DEFAULT_ENV_VAR
  if (!isEnvVarName(name)) throw new CliFailure('usage', `--env takes a variable name of letters, digits and _ (not starting with a digit), not “${printable(name)}”.`)
  return name
}

function shellOf(value: string | undefined, platform: NodeJS.Platform): Shell {
  if (value === undefined) return defaultShellFor(platform)
  const shell = SHELLS.find((candidate) => candidate === value)
  if (!shell) throw new CliFailure('usage', `--shell takes one of ${SHELLS.join(', ')}, not “${printable(value)}”.`)
  return shell
}

function listed(keys: StoredKey[], defaultKeyId: string | null, statusOf: (key: StoredKey) => ReturnType<typeof deriveStatus>): ListedKey[] {
  return keys.map((key) => ({ key, status: statusOf(key), isDefault: key.id === defaultKeyId }))
}

async function list(source: KeySource, args: string[], host: CliHost): Promise<number> {
  const { values } = parse(args, { json: { type: 'boolean' } }, false)
  const { keys, document } = await source.load()
  const now = Date.now()
  const rows = listed(keys, document.defaultKeyId, (key) => deriveStatus(key, document.settings, now))
  if (values.json) host.stdout(`${JSON.stringify(toListJson(rows), null, 2)}\n`)
  else if (rows.length === 0) host.stdout('No keys are stored. Add one in OpenRouter Key Manager.\n')
  else host.stdout(formatListTable(rows))
  return EXIT_CODES.ok.code
}

async function chosenSecret(source: KeySource, name: string | undefined): Promise<string> {
  const { keys, document } = await source.load()
  return source.readSecret(selectKey(keys, document.defaultKeyId, name))
}

async function key(source: KeySource, args: string[], host: CliHost): Promise<number> {
  const { positionals } = parse(args, {}, true)
  if (positionals.length > 1) throw new CliFailure('usage', 'orkm key takes at most one NAME.')
  host.stdout(`${await chosenSecret(source, positionals[0])}\n`)
  return EXIT_CODES.ok.code
}

async function env(source: KeySource, args: string[], host: CliHost): Promise<number> {
  const { values } = parse(args, { shell: { type: 'string' }, key: { type: 'string' }, env: { type: 'string' } }, false)
  const shell = shellOf(values.shell, host.platform)
  const name = envVarName(values.env)
  const secret = await chosenSecret(source, values.key)
  let line: string
  try {
    line = assignmentFor(shell, name, secret)
  } catch (error) {
    if (error instanceof ShellQuoteError) throw new CliFailure('unquotable', error.message)
    throw error
  }
  host.stdout(`${line}\n`)
  return EXIT_CODES.ok.code
}

async function run(source: KeySource, args: string[], host: CliHost): Promise<number> {
  const separator = args.indexOf('--')
  const own = separator === -1 ? args : args.slice(0, separator)
  const { values, positionals } = parse(own, { key: { type: 'string' }, env: { type: 'string' } }, true, 'put -- before the command and its options')
  const command = separator === -1 ? positionals : [...positionals, ...args.slice(separator + 1)]
  if (command.length === 0) throw new CliFailure('usage', 'Name the command to run after --, e.g. orkm run -- aider.')
  const name = envVarName(values.env)
  const secret = await chosenSecret(source, values.key)
  const [program, ...programArgs] = command as [string, ...string[]]
  // Only the child's environment gets the key: orkm's own process.env never holds it.
  return runCommand({
    command: program,
    args: programArgs,
    env: { ...host.env, [name]: secret },
    report: (message) => host.stderr(`orkm: ${redact(message)}\n`),
    platform: host.platform,
  })
}

async function status(source: KeySource, args: string[], host: CliHost): Promise<number> {
  const { values } = parse(args, { refresh: { type: 'boolean' } }, false)
  const { keys, document } = await source.load()
  if (keys.length === 0) {
    host.stdout('No keys are stored. Add one in OpenRouter Key Manager.\n')
    return EXIT_CODES.attention.code
  }
  // What this run learnt, kept in memory only: the app owns keys.json and writes it itself.
  const fresh = new Map<string, Partial<Pick<StoredKey, 'figures' | 'lastError'>>>()
  const missing = new Set<string>()
  const secrets = new Map<string, string>()
  const readSecret = async (stored: StoredKey) => {
    try {
      secrets.set(stored.id, await source.readSecret(stored))
    } catch (error) {
      if (error instanceof CliFailure && error.exit === 'secretMissing') missing.add(stored.id)
      else throw error
    }
  }
  const defaultKey = defaultKeyOf(keys, document.defaultKeyId)
  if (values.refresh) {
    for (const stored of keys) await readSecret(stored)
    const { apiBaseUrl, httpTimeoutMs, retryBudgetMs } = source.config
    const gateway = createOpenRouterGateway({ apiBaseUrl, httpTimeoutMs, retryBudgetMs })
    await runWithConcurrency(keys.filter((stored) => secrets.has(stored.id)), 4, async (stored) => {
      try {
        const figures: KeyFigures = await gateway.getKeyFigures(secrets.get(stored.id)!)
        fresh.set(stored.id, { figures, lastError: null })
      } catch (error) {
        fresh.set(stored.id, { lastError: isAppFailure(error) ? error.appError : { code: 'internal', message: 'The key could not be checked.' } })
      }
    })
  } else if (defaultKey) {
    await readSecret(defaultKey)
  }
  secrets.clear()

  const now = Date.now()
  const rows = listed(keys, defaultKey?.id ?? null, (stored) =>
    deriveStatus({ ...stored, ...fresh.get(stored.id) }, document.settings, now, missing.has(stored.id)),
  )
  host.stdout(formatStatus(rows, { storage: source.vault.description, dataDir: source.dataDir, refreshed: values.refresh === true }))
  const defaultRow = rows.find((row) => row.isDefault)
  if (!defaultRow) {
    host.stdout(`No default key: choose one in the app, or name one with --key.\n`)
    return EXIT_CODES.attention.code
  }
  const usable = STATUS_EFFECT[defaultRow.status.kind].usable
  host.stdout(`Default key: ${describeKey(defaultRow.key)}: ${usable ? 'usable' : 'NOT usable'}.\n`)
  return usable ? EXIT_CODES.ok.code : EXIT_CODES.attention.code
}

const COMMANDS: Record<string, (source: KeySource, args: string[], host: CliHost) => Promise<number>> = {
  list,
  ls: list,
  key,
  env,
  run,
  status,
}

export async function main(argv: string[], host: CliHost): Promise<number> {
  const [command, ...args] = argv
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    host.stdout(USAGE)
    return command === undefined ? EXIT_CODES.usage.code : EXIT_CODES.ok.code
  }
  if (command === '--version' || command === '-V') {
    host.stdout(`${host.version}\n`)
    return EXIT_CODES.ok.code
  }
  try {
    const handler = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined
    if (!handler) throw new CliFailure('usage', `Unknown command “${printable(command)}” (see \`orkm help\`).`)
    return await handler(openKeySource(host.env, host.platform, host.installed), args, host)
  } catch (error) {
    if (error instanceof CliFailure) {
      host.stderr(`orkm: ${redact(error.message)}\n`)
      return error.exitCode
    }
    // Unexpected: one line, scrubbed, never a stack that could hold a secret.
    host.stderr(`orkm: ${redact(error instanceof Error ? error.message : String(error))}\n`)
    return EXIT_CODES.internal.code
  }
}

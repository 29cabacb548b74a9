// Every exit code `orkm` itself chooses, in one table: the help text and the README's table come from it
// (a test keeps the README in step). `run` otherwise exits with its command's own code.

export const EXIT_CODES = {
  ok: { code: 0, meaning: 'Success (`status`: the default key is usable).' },
  attention: { code: 1, meaning: '`status`: the default key is not usable (expired, rejected, limit reached, missing from the keychain), or there is none.' },
  usage: { code: 2, meaning: 'Bad command line or configuration: unknown command or option, invalid `--env` name, no command after `--`, invalid ORKM_* variable.' },
  noKeys: { code: 3, meaning: 'No keys are stored, or none is the default and several exist (name one).' },
  unknownKey: { code: 4, meaning: 'No stored key matches the name, or several do (the matches are listed).' },
  keychainUnavailable: { code: 5, meaning: 'No OS keychain could be reached, or it refused the read.' },
  keychainLocked: { code: 6, meaning: 'The keychain is locked.' },
  secretMissing: { code: 7, meaning: 'The key is listed but its secret is no longer in the keychain.' },
  metadataDamaged: { code: 8, meaning: 'The key list file (keys.json) is damaged or unreadable; the app repairs it on its next start.' },
  unquotable: { code: 9, meaning: '`env`: the key cannot be written safely for the chosen shell.' },
  internal: { code: 70, meaning: 'An unexpected error in orkm itself (please report it).' },
  cannotExecute: { code: 126, meaning: '`run`: the command was found but could not be executed.' },
  commandNotFound: { code: 127, meaning: '`run`: the command was not found.' },
} as const satisfies Record<string, { code: number; meaning: string }>

export type ExitName = keyof typeof EXIT_CODES

/** `run`'s command died of a signal: 128 + its number, as shells report it (SIGINT 130, SIGTERM 143). */
export const SIGNAL_EXIT_BASE = 128

/** A failure that ends the command: one line for stderr (never a secret) and its exit code. */
export class CliFailure extends Error {
  constructor(
    readonly exit: ExitName,
    message: string,
  ) {
    super(message)
    this.name = 'CliFailure'
  }

  get exitCode(): number {
    return EXIT_CODES[this.exit].code
  }
}

/** The table as Markdown rows, for `orkm help` and the README. */
export function exitCodeTable(): string {
  const rows = Object.values(EXIT_CODES).map(({ code, meaning }) => `| ${code} | ${meaning} |`)
  return ['| code | meaning |', '|---|---|', ...rows, `| 128+N | \`run\`: the command was ended by signal N (SIGINT 130, SIGTERM 143). |`].join('\n')
}

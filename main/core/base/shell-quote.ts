// Turning a value into a shell assignment that sets exactly that value and never runs anything: used by the app's
// "Copy as export" and by `orkm env`. Values may come from servers, so every form quotes (or refuses) any string.

export const SHELLS = ['sh', 'fish', 'powershell', 'cmd'] as const
export type Shell = (typeof SHELLS)[number]

/** Portable environment variable names (the issue's rule; also what every one of these shells accepts unquoted). */
export const ENV_VAR_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/

export function isEnvVarName(name: string): boolean {
  return ENV_VAR_NAME_PATTERN.test(name)
}

/** A value or name a shell form cannot carry faithfully; the message says why, for one line on stderr. */
export class ShellQuoteError extends Error {}

// PowerShell treats the typographic single quotes as quote characters too; each one is escaped by doubling it.
const POWERSHELL_SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g

// cmd expands %NAME% (and !NAME! with delayed expansion) even inside quotes, and has no way to escape them on an
// interactive command line; a quote ends the quoted form and a line break ends the command. Refused, not guessed.
const CMD_UNSAFE: ReadonlyArray<[RegExp, string]> = [
  [/%/, '%'],
  [/!/, '!'],
  [/"/, 'a double quote'],
  [/[\r\n]/, 'a line break'],
]

/** Quotes `value` as one literal word for `shell`. Throws ShellQuoteError when the shell cannot represent it. */
export function quoteForShell(shell: Shell, value: string): string {
  // No environment variable (and no C string) can hold NUL: the value would be cut short silently.
  if (value.includes('\0')) throw new ShellQuoteError('The value contains a NUL character, which no shell variable can hold.')
  switch (shell) {
    case 'sh':
      // Inside POSIX single quotes nothing is special; a quote is closed, escaped and reopened.
      return `'${value.replaceAll("'", `'\\''`)}'`
    case 'fish':
      // fish single quotes treat only \\ and \' specially.
      return `'${value.replace(/[\\']/g, '\\$&')}'`
    case 'powershell':
      return `'${value.replace(POWERSHELL_SINGLE_QUOTES, '$&$&')}'`
    case 'cmd': {
      for (const [pattern, what] of CMD_UNSAFE) {
        if (pattern.test(value)) {
          throw new ShellQuoteError(`cmd cannot set a value containing ${what} safely; use --shell powershell instead.`)
        }
      }
      // Inside double quotes, cmd takes & | < > ^ ( ) literally.
      return `"${value}"`
    }
  }
}

/** One line that sets environment variable `name` to `value` in `shell` (exported to programs it starts). */
export function assignmentFor(shell: Shell, name: string, value: string): string {
  if (!isEnvVarName(name)) {
    throw new ShellQuoteError(`"${name}" is not a valid variable name (letters, digits and _, not starting with a digit).`)
  }
  const quoted = quoteForShell(shell, value)
  switch (shell) {
    case 'sh':
      return `export ${name}=${quoted}`
    case 'fish':
      return `set -gx ${name} ${quoted}`
    case 'powershell':
      return `$env:${name} = ${quoted}`
    case 'cmd':
      // The quotes go around the whole NAME=value so cmd strips them and keeps the value verbatim.
      return `set "${name}=${quoted.slice(1, -1)}"`
  }
}

/** The shell `orkm env` writes for when none is named: what a terminal on this platform most likely runs. */
export function defaultShellFor(platform: NodeJS.Platform): Shell {
  return platform === 'win32' ? 'powershell' : 'sh'
}

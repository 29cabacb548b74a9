// What the person is told when start-up fails: which file is in the way and how to fix it. The shell shows it
// in a dialog, logs it, and exits (releasing the single-instance lock) instead of leaving a windowless process.
import { dirname } from 'node:path'
import { redact } from '../base/logger'
import { ConfigError } from './config'

/** The start-up steps, in order; a failure names the step in the log. */
export type StartupStep = 'configuration' | 'data folder' | 'keychain module' | 'services' | 'window'

/** A failure in one named step of start-up. */
export class StartupError extends Error {
  constructor(
    readonly step: StartupStep,
    cause: unknown,
  ) {
    super(`start-up failed at the ${step} step`, { cause })
    this.name = 'StartupError'
  }
}

export interface StartupFailureReport {
  /** The dialog's first line. */
  message: string
  /** The file or folder and the fix. */
  detail: string
  /** For the log: what failed, scrubbed. */
  /** `errno`, not `code`: the log scrubber treats any "code" field as an OAuth code. */
  log: { step: StartupStep | 'unknown'; errno?: string; path?: string; error: string }
}

interface Context {
  dataDir: string | null
  /** keys.json: the one file the services step reads (Node's read errors on a folder carry no path). */
  keyListFile: string | null
  logFile: string | null
  platform: NodeJS.Platform
}

const errnoOf = (error: unknown): { code?: string; path?: string } => {
  if (typeof error !== 'object' || error === null) return {}
  const { code, path } = error as { code?: unknown; path?: unknown }
  return { ...(typeof code === 'string' ? { code } : {}), ...(typeof path === 'string' ? { path } : {}) }
}

const textOf = (error: unknown) => redact(error instanceof Error ? error.message : String(error))

/** The native file a failed module load names (keytar.node, or a shared library it needs), if any. */
function nativeFileOf(text: string): string | null {
  return /([^\s'"()]*\.(?:node|so(?:\.\d+)*|dylib|dll))\b/.exec(text)?.[1] ?? null
}

function ownershipFix(path: string, platform: NodeJS.Platform): string {
  if (platform === 'win32') return `Give your user account access to it (Properties → Security), or move it away, then start the app again.`
  // A root-owned file in a user's data folder usually comes from running the app once with sudo.
  return `It may belong to another user (for example after running the app with sudo). Give it back to yourself with\n  sudo chown -R "$USER" "${path}"\nthen start the app again.`
}

export function describeStartupFailure(error: unknown, context: Context): StartupFailureReport {
  const step: StartupStep | 'unknown' = error instanceof StartupError ? error.step : 'unknown'
  const cause = error instanceof StartupError ? error.cause : error
  const errno = errnoOf(cause)
  const code = errno.code
  const path = errno.path ?? (step === 'services' && code !== undefined && context.keyListFile ? context.keyListFile : undefined)
  const log: StartupFailureReport['log'] = { step, ...(code ? { errno: code } : {}), ...(path ? { path } : {}), error: textOf(cause) }
  const logLine = context.logFile ? `\n\nDetails are in the log: ${context.logFile}` : ''

  if (cause instanceof ConfigError) {
    return { message: 'OpenRouter Key Manager could not start: its configuration is invalid.', detail: `${textOf(cause)}\n\nCorrect the environment variable and start the app again.`, log }
  }
  if (step === 'keychain module') {
    const file = nativeFileOf(textOf(cause)) ?? 'keytar.node (the keychain module)'
    const fix =
      context.platform === 'linux'
        ? 'Install libsecret (for example: sudo apt-get install libsecret-1-0), then reinstall the app if this persists.'
        : 'Reinstall the app.'
    return {
      message: 'OpenRouter Key Manager could not load its keychain module, so it cannot keep keys safely.',
      detail: `File: ${file}\n${textOf(cause)}\n\n${fix}${logLine}`,
      log,
    }
  }
  if (path && (code === 'EACCES' || code === 'EPERM')) {
    return {
      message: 'OpenRouter Key Manager cannot read or write its data.',
      detail: `File: ${path}\n\n${ownershipFix(context.dataDir ?? path, context.platform)}${logLine}`,
      log,
    }
  }
  if (path && code === 'EISDIR') {
    return {
      message: 'OpenRouter Key Manager cannot read its key list.',
      detail: `File: ${path}\n\nThis is a folder, but the app keeps its key list in a file of that name. Move or rename the folder, then start the app again.${logLine}`,
      log,
    }
  }
  if (code === 'ENOTDIR' || code === 'EEXIST') {
    const folder = context.dataDir ?? (path ? dirname(path) : 'the data folder')
    return {
      message: 'OpenRouter Key Manager cannot use its data folder.',
      detail: `Folder: ${folder}\n\nA file is where the app keeps its data folder (this path, or a folder above it, is a file). Move or rename that file, then start the app again.${logLine}`,
      log,
    }
  }
  return {
    message: 'OpenRouter Key Manager could not start.',
    detail: `${path ? `File: ${path}\n` : ''}${textOf(cause)}${logLine}`,
    log,
  }
}

// A line logger that scrubs secrets as a last line of defence; callers never pass keys or codes to it on purpose.
// One entry per line (line breaks are escaped, so nothing can forge an entry or hide half a key on the next
// line), rotated by size into two files.
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs'
import { dirname } from 'node:path'

export interface Logger {
  info(message: string, details?: Record<string, unknown>): void
  warn(message: string, details?: Record<string, unknown>): void
  error(message: string, details?: Record<string, unknown>): void
}

const REDACTED = '[redacted]'
/** Names whose values are secrets wherever they appear: query strings, form bodies, JSON, `name: value`. */
const SECRET_NAMES = 'code|code_verifier|codeVerifier|key|api_key|apiKey|secret|authorization|token'
/** An OpenRouter key's prefix; a key is recognised by it in any encoding. */
const KEY_PREFIX = /sk-or-/i

const TARGETED_PATTERNS: RegExp[] = [
  // Keys as they are, including a break escaped into the key (`sk-or-v1-ab\ncd…`). At least 8 characters after
  // `sk-or-`, so a masked key (`sk-or-v1-…c96a`, which the app shows on purpose) stays readable.
  /sk-or-(?:[A-Za-z0-9_-]|\\[rn]){8,}/gi,
  // name=value at the start, after ?, &, whitespace, a quote or punctuation: query strings and form bodies.
  new RegExp(`((?:^|[?&\\s"'{,;(\\[])(?:${SECRET_NAMES})=)[^&\\s"']+`, 'gi'),
  // "name": "value" in JSON, also when that JSON was escaped into another string (\"name\":\"value\").
  new RegExp(`((?:\\\\*")(?:${SECRET_NAMES})(?:\\\\*")\\s*:\\s*(?:\\\\*"))(?:[^"\\\\]|\\\\(?!"))*`, 'gi'),
  // Credentials of the two schemes that carry them: Bearer tokens and Basic's base64 user:password.
  /((?:Bearer|Basic)\s+)[^\s"',;]+/gi,
]

/** Runs of characters a secret can be encoded in: URL and percent-encoding, JSON escapes, base64. */
const ENCODED_RUN = /[A-Za-z0-9%._~+/=\\:&?-]{6,}/g
const NAMED_SECRET_IN_DECODED = new RegExp(`(?:^|[?&\\s"'{,;])(?:${SECRET_NAMES})(?:=|"\\s*:)`, 'i')

function percentDecode(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run)
    } catch {
      return run
    }
  })
}

/** Undoes backslash escapes, level by level (JSON inside JSON); escaped line breaks are dropped, so a split key rejoins. */
function jsonUnescape(text: string): string {
  let current = text
  for (let level = 0; level < 4 && current.includes('\\'); level += 1) {
    current = current.replace(/\\(u[0-9A-Fa-f]{4}|.)/g, (_match, escape: string) =>
      escape.length === 5 ? String.fromCharCode(parseInt(escape.slice(1), 16)) : escape === 'n' || escape === 'r' ? '' : escape,
    )
  }
  return current
}

function base64Decode(text: string): string {
  if (!/^[A-Za-z0-9+/_-]{16,}={0,2}$/.test(text)) return ''
  return Buffer.from(text, 'base64').toString('latin1')
}

/** The forms a run may hide a secret in, each decoded once and in combination (percent-encoded JSON, …). */
function decodedForms(run: string): string[] {
  const percent = percentDecode(run)
  const unescaped = jsonUnescape(run)
  return [percent, unescaped, jsonUnescape(percent), percentDecode(unescaped), base64Decode(run)]
}

function hidesSecret(run: string): boolean {
  return decodedForms(run).some((form) => form !== run && (KEY_PREFIX.test(form) || NAMED_SECRET_IN_DECODED.test(form)))
}

export function redact(text: string): string {
  const targeted = TARGETED_PATTERNS.reduce(
    (current, pattern) => current.replace(pattern, (_match, prefix: unknown) => (typeof prefix === 'string' ? `${prefix}${REDACTED}` : REDACTED)),
    text,
  )
  // What is left encoded (percent-encoded, \u-escaped, base64) is decoded and, if it hides a secret, removed whole.
  return targeted.replace(ENCODED_RUN, (run) => (hidesSecret(run) ? REDACTED : run))
}

/** CR and LF become visible escapes: one entry is always one line. */
function oneLine(text: string): string {
  return text.replace(/\r/g, '\\r').replace(/\n/g, '\\n')
}

function formatLine(level: string, message: string, details?: Record<string, unknown>): string {
  const suffix = details === undefined ? '' : ` ${safeStringify(details)}`
  return redact(oneLine(`${new Date().toISOString()} ${level} ${message}${suffix}`))
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, inner: unknown) => (inner instanceof Error ? { name: inner.name, message: inner.message } : inner))
  } catch {
    return '[unserialisable]'
  }
}

export interface FileLoggerOptions {
  /** Also write each line to stderr. */
  echo?: boolean
  /** When the file would grow past this, it becomes `<file>.1` (replacing the older one) and a new file starts. */
  maxBytes?: number
}

export const DEFAULT_LOG_MAX_BYTES = 2 * 1024 * 1024

/** The rotated file: at most two files exist, `main.log` and `main.log.1`. */
export function rotatedLogFile(logFile: string): string {
  return `${logFile}.1`
}

/** Appends to `logFile` (created on first write), rotating by size; never throws. */
export function createFileLogger(logFile: string, options: FileLoggerOptions = {}): Logger {
  const maxBytes = options.maxBytes ?? DEFAULT_LOG_MAX_BYTES
  let size: number | null = null
  const write = (level: string, message: string, details?: Record<string, unknown>) => {
    const line = `${formatLine(level, message, details)}\n`
    const bytes = Buffer.byteLength(line)
    try {
      if (size === null) {
        mkdirSync(dirname(logFile), { recursive: true, mode: 0o700 })
        size = fileSize(logFile)
      }
      if (size > 0 && size + bytes > maxBytes) {
        renameSync(logFile, rotatedLogFile(logFile))
        size = 0
      }
      appendFileSync(logFile, line, { mode: 0o600 })
      size += bytes
    } catch {
      // Logging must never break the app; the size is read again on the next write.
      size = null
    }
    if (options.echo) process.stderr.write(line)
  }
  return {
    info: (message, details) => write('INFO', message, details),
    warn: (message, details) => write('WARN', message, details),
    error: (message, details) => write('ERROR', message, details),
  }
}

function fileSize(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} }

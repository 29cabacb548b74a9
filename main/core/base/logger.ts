// A line logger that scrubs secrets as a last line of defence; callers never pass keys or codes to it on purpose.
import { appendFileSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'

export interface Logger {
  info(message: string, details?: Record<string, unknown>): void
  warn(message: string, details?: Record<string, unknown>): void
  error(message: string, details?: Record<string, unknown>): void
}

const SECRET_PATTERNS: RegExp[] = [
  /sk-or-[A-Za-z0-9_-]{8,}/g, // OpenRouter keys
  /([?&](?:code|code_verifier)=)[^&\s"']+/gi, // codes in URLs
  /("(?:code|code_verifier|codeVerifier|key|secret|authorization)"\s*:\s*")[^"]*/gi, // codes in JSON
  /(Bearer\s+)[^\s"']+/gi,
]

export function redact(text: string): string {
  return SECRET_PATTERNS.reduce(
    (current, pattern) => current.replace(pattern, (match, prefix: unknown) => (typeof prefix === 'string' ? `${prefix}[redacted]` : '[redacted]')),
    text,
  )
}

function formatLine(level: string, message: string, details?: Record<string, unknown>): string {
  const suffix = details === undefined ? '' : ` ${safeStringify(details)}`
  return redact(`${new Date().toISOString()} ${level} ${message}${suffix}`)
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, inner: unknown) => (inner instanceof Error ? { name: inner.name, message: inner.message } : inner))
  } catch {
    return '[unserialisable]'
  }
}

/** Appends to `logFile` (created on first write) and, when `echo` is set, to stderr. */
export function createFileLogger(logFile: string, options: { echo?: boolean } = {}): Logger {
  let ready = false
  const write = (level: string, message: string, details?: Record<string, unknown>) => {
    const line = formatLine(level, message, details)
    try {
      if (!ready) {
        mkdirSync(dirname(logFile), { recursive: true, mode: 0o700 })
        ready = true
      }
      appendFileSync(logFile, `${line}\n`, { mode: 0o600 })
    } catch {
      // Logging must never break the app.
    }
    if (options.echo) process.stderr.write(`${line}\n`)
  }
  return {
    info: (message, details) => write('INFO', message, details),
    warn: (message, details) => write('WARN', message, details),
    error: (message, details) => write('ERROR', message, details),
  }
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} }

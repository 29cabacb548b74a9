// How a key is named without being revealed: its sha256 (id, keychain account) and a mask for display.
import { createHash } from 'node:crypto'

export function keyIdOf(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex')
}

/** `sk-or-v1-…c96a`: the public prefix and the last four characters, as OpenRouter's own dashboard shows keys. */
export function maskKey(secret: string): string {
  const prefix = /^(sk-or-v\d+-)/.exec(secret)?.[1] ?? secret.slice(0, 3)
  return `${prefix}…${secret.slice(-4)}`
}

/** Plausible OpenRouter key: checked before any network call so a typo gets an immediate answer. */
export function looksLikeOpenRouterKey(text: string): boolean {
  return /^sk-or-[A-Za-z0-9_-]{16,200}$/.test(text)
}

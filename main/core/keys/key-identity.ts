// How a key is named without being revealed: its sha256 (id, keychain account) and a mask for display; and the
// shape every key must have before the app stores, copies or hands it to a shell.
import { createHash } from 'node:crypto'
import { AppFailure } from '../base/app-failure'

export function keyIdOf(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex')
}

/** `sk-or-v1-…c96a`: the public prefix and the last four characters, as OpenRouter's own dashboard shows keys. */
export function maskKey(secret: string): string {
  const prefix = /^(sk-or-v\d+-)/.exec(secret)?.[1] ?? secret.slice(0, 3)
  return `${prefix}…${secret.slice(-4)}`
}

/**
 * OpenRouter keys look like `sk-or-v1-` + 64 hex characters. The rule is a little wider (any `sk-or-` key of
 * URL-safe characters, 16 to 200 of them) so a future key version is still accepted, yet nothing a server could
 * send to break out of a shell quote, a header or a file (spaces, quotes, `$`, newlines) ever passes.
 */
const KEY_SHAPE = /^sk-or-[A-Za-z0-9_-]{16,200}$/

export function looksLikeOpenRouterKey(text: string): boolean {
  return KEY_SHAPE.test(text)
}

export type KeyOrigin = 'exchange' | 'mint' | 'paste' | 'create'

const ORIGIN_WORDS: Record<KeyOrigin, string> = {
  exchange: 'OpenRouter sent back a key',
  mint: 'OpenRouter sent back a new key',
  create: 'OpenRouter sent back a new key',
  paste: 'That',
}

/** Refuses a key that is not shaped like an OpenRouter key, before it is stored anywhere. */
export function assertKeyShape(secret: string, origin: KeyOrigin): void {
  if (looksLikeOpenRouterKey(secret)) return
  if (origin === 'paste') {
    throw new AppFailure('invalid-argument', 'That does not look like an OpenRouter key (it should start with “sk-or-”).', 'Copy the whole key, without spaces or quotes.')
  }
  throw new AppFailure(
    'bad-response',
    `${ORIGIN_WORDS[origin]} that is not shaped like an OpenRouter key, so it was not stored.`,
    'Nothing was saved. If this keeps happening, check that the app talks to openrouter.ai.',
  )
}

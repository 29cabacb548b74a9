// Bearer authentication with the messages the live service gives (api-facts §4): a missing or empty
// bearer → "No auth credentials found"; an unknown, deleted or disabled key → "User not found.".
import type { DoubleState } from './state'
import type { DoubleKeyState } from './types'

export type Authenticated = { ok: true; secret: string; key: DoubleKeyState } | { ok: false; message: string }

export function authenticate(header: string | undefined, state: DoubleState): Authenticated {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '')
  if (!match) return { ok: false, message: 'No auth credentials found' }
  const secret = match[1]!
  const key = state.findKey(secret)
  // An expired key still authenticates here: what /key says for one is UNCONFIRMED, and the app shows
  // expired keys from their expires_at, which it can only read if /key answers.
  if (!key || key.disabled) return { ok: false, message: 'User not found.' }
  return { ok: true, secret, key }
}

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

/** [SPEC] "Only management keys can perform this operation": the 403 an ordinary key gets on a management route. */
export const MANAGEMENT_ONLY = 'Only management keys can perform this operation'

export type ManagementAuth = { ok: true; secret: string; key: DoubleKeyState } | { ok: false; status: 401 | 403; message: string }

/** The management routes' rule: no or unknown bearer → 401, an ordinary key → 403, a management key → ok. */
export function authenticateManagement(header: string | undefined, state: DoubleState): ManagementAuth {
  const auth = authenticate(header, state)
  if (!auth.ok) return { ok: false, status: 401, message: auth.message }
  if (!auth.key.isManagementKey) return { ok: false, status: 403, message: MANAGEMENT_ONLY }
  return auth
}

// What a card says about a key's health, once: the status, its reason (only when it adds something), whether
// the key can still be used, and the check line that keeps the last good figures apart from the last attempt.
import type { KeyStatusKind, KeyView } from '../../../preload/contract'

/** Keys that cannot make a request: their figures are history, and actions that need a working key are off. */
export const INACTIVE_STATUSES: ReadonlySet<KeyStatusKind> = new Set(['expired', 'rejected', 'missing-secret'])

export function isInactive(key: Pick<KeyView, 'status'>): boolean {
  return INACTIVE_STATUSES.has(key.status.kind)
}

const normalise = (text: string) => text.trim().replace(/[.!]+$/, '').toLowerCase()

/** The status reason, or null when it only repeats the badge ("Active" / "Active.") or the failed-check line. */
export function statusReason(key: Pick<KeyView, 'status' | 'lastError'>, badge: string): string | null {
  const reason = key.status.reason
  if (normalise(reason) === normalise(badge)) return null
  // "Could not reach OpenRouter; showing the last known figures" is what the check line says with the time.
  if (key.status.kind === 'offline' && key.lastError) return null
  return reason
}

/** Why a key cannot do things, for disabled buttons and the mint source list. */
export function inactiveReason(kind: KeyStatusKind): string | null {
  switch (kind) {
    case 'expired':
      return 'This key has expired.'
    case 'rejected':
      return 'OpenRouter rejects this key (revoked or disabled).'
    case 'missing-secret':
      return 'The key is no longer in your keychain.'
    default:
      return null
  }
}

/** Whether the last failed check needs its own words (a rejected key's 401 is already the status). */
export function showsLastError(key: Pick<KeyView, 'status' | 'lastError'>): boolean {
  return key.lastError !== null && key.status.kind !== 'rejected'
}

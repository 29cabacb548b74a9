// What each key status is called on screen, and how loudly it is shown.
import type { KeyStatusKind, LimitReset } from '../../../preload/contract'

export const STATUS_TEXT: Record<KeyStatusKind, string> = {
  active: 'Active',
  'expiring-soon': 'Expires soon',
  expired: 'Expired',
  'limit-reached': 'Limit reached',
  'low-credit': 'Low credit',
  // Without a management key a disabled key answers 401 exactly like a revoked one: the words cover both.
  rejected: 'Rejected or disabled on OpenRouter',
  unchecked: 'Not checked yet',
  offline: 'Offline',
  'missing-secret': 'Missing from keychain',
  'rate-limited': 'Rate limited',
}

export type Tone = 'ok' | 'warn' | 'danger' | 'muted'

export const STATUS_TONE: Record<KeyStatusKind, Tone> = {
  active: 'ok',
  'expiring-soon': 'warn',
  expired: 'danger',
  'limit-reached': 'danger',
  'low-credit': 'warn',
  rejected: 'danger',
  unchecked: 'muted',
  offline: 'muted',
  'missing-secret': 'danger',
  'rate-limited': 'muted',
}

export function resetText(reset: LimitReset | null): string {
  switch (reset) {
    case 'daily':
      return 'Daily'
    case 'weekly':
      return 'Weekly'
    case 'monthly':
      return 'Monthly'
    default:
      return 'Never'
  }
}

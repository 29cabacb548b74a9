// Pure: a stored key's figures and the clock → its status, and the warnings a person should get.
import type { KeyStatus, Settings, Warning } from '../../../preload/contract'
import type { StoredKey } from './stored-key'

export const EXPIRY_WARNING_MS = 7 * 24 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

function describeTimeUntil(ms: number): string {
  if (ms < 60 * 60 * 1000) return 'within the hour'
  if (ms < DAY_MS) return `in ${Math.round(ms / (60 * 60 * 1000))} hours`
  const days = Math.round(ms / DAY_MS)
  return days === 1 ? 'in 1 day' : `in ${days} days`
}

const usd = (amount: number) => `$${amount.toFixed(2)}`

/** "10:42", in the person's local time: when a rate-limited refresh is tried again. */
export function clockTime(iso: string): string {
  const date = new Date(iso)
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`
}

/** What the status needs of a key: stored keys and account keys (account mode) are judged alike. */
export type StatusInput = Pick<StoredKey, 'lastError' | 'figures'>

export function deriveStatus(key: StatusInput, settings: Settings, now: number, secretMissing = false): KeyStatus {
  if (secretMissing) {
    return { kind: 'missing-secret', reason: 'The key is no longer in your keychain. Remove it here, or add it again.' }
  }
  if (key.lastError?.code === 'key-rejected') {
    return { kind: 'rejected', reason: 'OpenRouter rejected this key (401): revoked, disabled or unknown.' }
  }
  if (key.lastError?.code === 'rate-limited') {
    // A 429 says nothing about the key: its last known figures stay, and the time says when the app tries again.
    const retryAt = key.lastError.retryAt
    return {
      kind: 'rate-limited',
      reason: retryAt ? `Rate limited by OpenRouter, retrying at ${clockTime(retryAt)}.` : 'Rate limited by OpenRouter, retrying shortly.',
    }
  }
  const figures = key.figures
  if (figures?.expiresAt) {
    const remaining = Date.parse(figures.expiresAt) - now
    if (remaining <= 0) return { kind: 'expired', reason: 'This key has expired.' }
  }
  if (figures && figures.limit !== null && figures.limitRemaining !== null && figures.limitRemaining <= 0) {
    const resets = figures.limitReset ? ` It resets ${figures.limitReset === 'daily' ? 'daily' : figures.limitReset}.` : ''
    return { kind: 'limit-reached', reason: `The ${usd(figures.limit)} limit is used up.${resets}` }
  }
  if (key.lastError && (key.lastError.code === 'offline' || key.lastError.code === 'timeout' || key.lastError.code === 'openrouter-error' || key.lastError.code === 'bad-response')) {
    return {
      kind: 'offline',
      reason: figures ? 'Could not reach OpenRouter; showing the last known figures.' : 'Could not reach OpenRouter yet.',
    }
  }
  if (!figures) return { kind: 'unchecked', reason: 'Not checked with OpenRouter yet.' }
  if (figures.expiresAt) {
    const remaining = Date.parse(figures.expiresAt) - now
    if (remaining <= EXPIRY_WARNING_MS) return { kind: 'expiring-soon', reason: `Expires ${describeTimeUntil(remaining)}.` }
  }
  if (isLowCredit(key, settings)) {
    return { kind: 'low-credit', reason: `Less than ${settings.lowCreditPercent}% of the limit is left.` }
  }
  if (figures.limit === null || figures.limit <= 0 || figures.limitRemaining === null) return { kind: 'active', reason: 'No credit cap.' }
  return { kind: 'active', reason: `${Math.floor((figures.limitRemaining / figures.limit) * 100)}% of the limit left.` }
}

function isLowCredit(key: StatusInput, settings: Settings): boolean {
  const figures = key.figures
  if (!figures || figures.limit === null || figures.limit <= 0 || figures.limitRemaining === null) return false
  return figures.limitRemaining < (figures.limit * settings.lowCreditPercent) / 100
}

/** One warning per key and condition; its id changes when the condition is a new one (e.g. a new expiry date). */
export function deriveWarnings(keys: StoredKey[], settings: Settings, now: number): Warning[] {
  const warnings: Warning[] = []
  for (const key of keys) {
    const status = deriveStatus(key, settings, now)
    const label = `“${key.label}”`
    switch (status.kind) {
      case 'expiring-soon':
        warnings.push({ id: `${key.id}:expiring-soon:${key.figures?.expiresAt}`, keyId: key.id, kind: 'expiring-soon', message: `${label} ${status.reason.toLowerCase().replace(/\.$/, '')}.` })
        break
      case 'expired':
        warnings.push({ id: `${key.id}:expired:${key.figures?.expiresAt}`, keyId: key.id, kind: 'expired', message: `${label} has expired.` })
        break
      case 'rejected':
        warnings.push({ id: `${key.id}:rejected`, keyId: key.id, kind: 'rejected', message: `OpenRouter is rejecting ${label}.` })
        break
      case 'limit-reached':
        warnings.push({ id: `${key.id}:limit-reached:${key.figures?.limit}`, keyId: key.id, kind: 'limit-reached', message: `${label} has used up its credit limit.` })
        break
      case 'low-credit':
        warnings.push({ id: `${key.id}:low-credit:${key.figures?.limit}:${settings.lowCreditPercent}`, keyId: key.id, kind: 'low-credit', message: `${label} has less than ${settings.lowCreditPercent}% of its credit limit left.` })
        break
      default:
        break
    }
  }
  return warnings
}

// Which account key is which stored key. Pure.
// 1. By hash: a stored key's id is the SHA-256 of its secret; if OpenRouter's `hash` equals it, it is the same key.
//    Whether OpenRouter's hash is that SHA-256 is UNCONFIRMED; once one match shows it, the caller records it.
// 2. Otherwise, while the rule is not known to hold, by OpenRouter's masked label (`sk-or-v1-abc...xyz`) against the
//    stored secrets' start and end, accepting only a match that is unique on both sides.
import type { MatchRule } from '../../../preload/contract'
import type { AccountKey } from '../openrouter/management-gateway'
import type { HashRuleSeen } from './account-store'

export interface DeviceMatch {
  keyId: string
  rule: MatchRule
}

export interface MatchOutcome {
  /** Account key hash → the stored key holding its secret. */
  byHash: Map<string, DeviceMatch>
  /** True when at least one account key's hash equalled a stored key's SHA-256. */
  hashRuleHeld: boolean
}

/** `sk-or-v1-abc...xyz` (or with '…') → its visible start and end; null for a label that is a name. */
export function parseMaskedLabel(label: string): { start: string; end: string } | null {
  const match = /^(sk-or-[A-Za-z0-9_-]*?)(?:\.\.\.|…)([A-Za-z0-9_-]+)$/.exec(label.trim())
  if (!match) return null
  const [, start, end] = match
  // Too little visible text to tell keys apart is no evidence.
  if (!start || !end || start.length < 'sk-or-'.length + 1 || end.length < 3) return null
  return { start, end }
}

/** Label matching needs the secrets; callers pass them only when the hash rule is not known to hold. */
export function matchAccountKeys(
  accountKeys: readonly AccountKey[],
  storedIds: ReadonlySet<string>,
  hashRule: HashRuleSeen,
  secrets: ReadonlyMap<string, string> | null,
): MatchOutcome {
  const byHash = new Map<string, DeviceMatch>()
  const matchedIds = new Set<string>()
  for (const key of accountKeys) {
    if (storedIds.has(key.hash)) {
      byHash.set(key.hash, { keyId: key.hash, rule: 'hash' })
      matchedIds.add(key.hash)
    }
  }
  const hashRuleHeld = byHash.size > 0
  if (hashRule === 'sha256' || hashRuleHeld || secrets === null) return { byHash, hashRuleHeld }

  const unmatchedSecrets = [...secrets].filter(([id]) => storedIds.has(id) && !matchedIds.has(id))
  const candidatesOf = new Map<string, string[]>()
  const claims = new Map<string, number>()
  for (const key of accountKeys) {
    if (byHash.has(key.hash)) continue
    const masked = parseMaskedLabel(key.label)
    if (!masked) continue
    const candidates = unmatchedSecrets.filter(([, secret]) => secret.startsWith(masked.start) && secret.endsWith(masked.end)).map(([id]) => id)
    candidatesOf.set(key.hash, candidates)
    for (const id of candidates) claims.set(id, (claims.get(id) ?? 0) + 1)
  }
  for (const [hash, candidates] of candidatesOf) {
    const only = candidates.length === 1 ? candidates[0]! : null
    if (only !== null && claims.get(only) === 1) byHash.set(hash, { keyId: only, rule: 'label' })
  }
  return { byHash, hashRuleHeld }
}

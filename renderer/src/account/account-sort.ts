// Sorting the account's keys: by name, status, remaining credit, usage (this month) or expiry. Pure.
import type { AccountKeyView } from '../../../preload/account-contract'

export const ACCOUNT_SORTS = [
  { value: 'name', label: 'Name' },
  { value: 'status', label: 'Status' },
  { value: 'remaining', label: 'Remaining credit' },
  { value: 'usage', label: 'Usage this month' },
  { value: 'expiry', label: 'Expiry' },
] as const

export type AccountSort = (typeof ACCOUNT_SORTS)[number]['value']

/** Needs attention first: disabled and dead keys, then warnings, then the working ones. */
function statusRank(key: AccountKeyView): number {
  if (key.disabled) return 1
  switch (key.status.kind) {
    case 'expired':
    case 'limit-reached':
    case 'rejected':
    case 'missing-secret':
      return 0
    case 'expiring-soon':
    case 'low-credit':
      return 2
    case 'offline':
    case 'rate-limited':
    case 'unchecked':
      return 3
    case 'active':
      return 4
  }
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })
const nameOf = (key: AccountKeyView) => key.name || key.label

/** A new array; ties fall back to the name, so the order is stable and predictable. */
export function sortAccountKeys(keys: readonly AccountKeyView[], sort: AccountSort): AccountKeyView[] {
  const byName = (a: AccountKeyView, b: AccountKeyView) => collator.compare(nameOf(a), nameOf(b)) || a.hash.localeCompare(b.hash)
  const compare: Record<AccountSort, (a: AccountKeyView, b: AccountKeyView) => number> = {
    name: byName,
    status: (a, b) => statusRank(a) - statusRank(b),
    // Least left first; keys without a limit last.
    remaining: (a, b) => (a.limitRemaining ?? Number.POSITIVE_INFINITY) - (b.limitRemaining ?? Number.POSITIVE_INFINITY),
    // Biggest spenders first.
    usage: (a, b) => b.usageMonthly - a.usageMonthly,
    // Soonest first; keys that never expire last.
    expiry: (a, b) => (a.expiresAt ? Date.parse(a.expiresAt) : Number.POSITIVE_INFINITY) - (b.expiresAt ? Date.parse(b.expiresAt) : Number.POSITIVE_INFINITY),
  }
  return [...keys].sort((a, b) => compare[sort](a, b) || byName(a, b))
}

// The account's keys as rows of the shared list (the same list, search and filter as the device's keys).
import type { AccountKeyView } from '../../../preload/account-contract'
import type { ListRow } from '../list/list-model'
import { INACTIVE_STATUSES } from '../status/card-status'
import { STATUS_TEXT, STATUS_TONE } from '../status/status-text'

export interface AccountKeyRow extends ListRow {
  key: AccountKeyView
}

export const ON_DEVICE = 'On this device'
export const NOT_ON_DEVICE = 'Not on this device'

const rowCache = new WeakMap<AccountKeyView, AccountKeyRow>()

export function accountStatusText(key: AccountKeyView): string {
  return key.disabled ? 'Disabled' : STATUS_TEXT[key.status.kind]
}

/** One row per account key; the same row object for the same (unchanged) key, so memoized rows skip re-rendering. */
export function accountKeyRow(key: AccountKeyView, showWorkspace: boolean): AccountKeyRow {
  const cached = rowCache.get(key)
  if (cached) return cached
  const row: AccountKeyRow = {
    id: key.hash,
    name: key.name || key.label,
    remoteLabel: showWorkspace && key.workspaceName ? `${key.label} · ${key.workspaceName}` : key.label,
    status: { kind: key.disabled ? 'disabled' : key.status.kind, text: accountStatusText(key), tone: key.disabled ? 'muted' : STATUS_TONE[key.status.kind] },
    inactive: key.disabled || INACTIVE_STATUSES.has(key.status.kind),
    remaining: key.limitRemaining,
    limit: key.limit,
    expiresAt: key.expiresAt,
    isDefault: false,
    tag: key.deviceKeyId ? ON_DEVICE : NOT_ON_DEVICE,
    key,
  }
  rowCache.set(key, row)
  return row
}

// The device's stored keys as rows of the shared list.
import type { KeyView } from '../../../preload/contract'
import { isInactive } from '../status/card-status'
import { STATUS_TEXT, STATUS_TONE } from '../status/status-text'
import type { ListRow } from './list-model'

export interface KeyRow extends ListRow {
  key: KeyView
}

const rowCache = new WeakMap<KeyView, KeyRow>()

/** One row per key; the same row object for the same (unchanged) key, so memoized rows skip re-rendering. */
export function keyRow(key: KeyView): KeyRow {
  let row = rowCache.get(key)
  if (!row) {
    row = {
      id: key.id,
      name: key.label,
      remoteLabel: key.figures?.remoteLabel ?? null,
      status: { kind: key.status.kind, text: STATUS_TEXT[key.status.kind], tone: STATUS_TONE[key.status.kind] },
      inactive: isInactive(key),
      remaining: key.figures?.limitRemaining ?? null,
      limit: key.figures?.limit ?? null,
      expiresAt: key.figures?.expiresAt ?? null,
      isDefault: key.isDefault,
      key,
    }
    rowCache.set(key, row)
  }
  return row
}

// The shared list model: rows of one small shape (the device's stored keys, or an account's keys), and the
// search and status filter over them. Pure functions, so the same rules serve every list and are tested alone.
import type { Tone } from '../status/status-text'

/** What a row of the compact list needs; every list maps its own items to this. */
export interface ListRow {
  id: string
  /** The name a person reads first (the local label). */
  name: string
  /** OpenRouter's own label for the key, when known (so rows can be matched with the website). */
  remoteLabel: string | null
  status: { kind: string; text: string; tone: Tone }
  /** Whether the key can no longer be used (expired, rejected, missing): shown dimmed. */
  inactive: boolean
  /** USD; null when the key has no cap (or is not checked yet). */
  remaining: number | null
  limit: number | null
  /** ISO 8601, or null for never. */
  expiresAt: string | null
  /** The key is the default one. */
  isDefault: boolean
  /** A short fact shown under the name and found by search, e.g. "On this device" (account keys). */
  tag?: string | null
}

/** Groups a person filters by: everything, the ones that need attention, the usable ones, the dead ones. */
export const STATUS_FILTERS = [
  { value: 'all', label: 'All statuses' },
  { value: 'attention', label: 'Needs attention' },
  { value: 'usable', label: 'Usable' },
  { value: 'inactive', label: 'Not usable' },
] as const

export type StatusFilter = (typeof STATUS_FILTERS)[number]['value']

export interface RowFilter {
  query: string
  status: StatusFilter
}

export const NO_FILTER: RowFilter = { query: '', status: 'all' }

/** Case- and accent-insensitive text, so "cafe" finds "Café". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/** Every word of the query appears in the row's name, OpenRouter label or status text. */
export function matchesQuery(row: ListRow, query: string): boolean {
  const words = foldText(query).split(/\s+/).filter(Boolean)
  if (words.length === 0) return true
  const haystack = foldText(`${row.name}\n${row.remoteLabel ?? ''}\n${row.status.text}\n${row.tag ?? ''}`)
  return words.every((word) => haystack.includes(word))
}

export function matchesStatus(row: ListRow, status: StatusFilter): boolean {
  switch (status) {
    case 'all':
      return true
    case 'attention':
      return row.status.tone === 'warn' || row.status.tone === 'danger'
    case 'usable':
      return !row.inactive
    case 'inactive':
      return row.inactive
  }
}

/** The rows that pass the filter, in their given order (the same array when nothing is filtered). */
export function filterRows<R extends ListRow>(rows: readonly R[], filter: RowFilter): readonly R[] {
  if (filter.query.trim() === '' && filter.status === 'all') return rows
  return rows.filter((row) => matchesStatus(row, filter.status) && matchesQuery(row, filter.query))
}

export function isFiltering(filter: RowFilter): boolean {
  return filter.query.trim() !== '' || filter.status !== 'all'
}

// The stored keys: a title with the count, search and status filter, the cards / list switch, and the keys
// in the chosen view (or what an empty search says).
import { useMemo, useState } from 'react'
import type { KeyView } from '../../../preload/contract'
import type { ViewMode } from '../hooks/useViewMode'
import { KeyTable, type RowAction } from '../list/KeyTable'
import { NoResults } from '../list/NoResults'
import { SearchBox } from '../list/SearchBox'
import { keyRow, type KeyRow } from '../list/key-rows'
import { NO_FILTER, filterRows, type RowFilter } from '../list/list-model'
import { CopyIcon, GridIcon, ListIcon, TrashIcon } from './Icons'
import type { KeyCardActions } from './KeyCard'
import { KeyList } from './KeyList'

export interface KeysSectionProps {
  keys: KeyView[]
  lowCreditPercent: number
  manualOrder: boolean
  pendingRefresh: ReadonlySet<string>
  actions: KeyCardActions
  view: ViewMode
  onViewChange(view: ViewMode): void
  /** Enter on a list row: show that key's card. */
  onOpenKey(keyId: string): void
}

export function KeysSection({ keys, lowCreditPercent, manualOrder, pendingRefresh, actions, view, onViewChange, onOpenKey }: KeysSectionProps) {
  const [filter, setFilter] = useState<RowFilter>(NO_FILTER)
  const rows = useMemo(() => keys.map(keyRow), [keys])
  const shownRows = useMemo(() => filterRows(rows, filter), [rows, filter])
  const shownKeys = useMemo(() => (shownRows === rows ? keys : shownRows.map((row) => row.key)), [shownRows, rows, keys])

  const rowActions = useMemo<RowAction<KeyRow>[]>(
    () => [
      {
        id: 'copy',
        text: 'Copy',
        icon: <CopyIcon />,
        label: (row) => `Copy ${row.name}`,
        unavailable: (row) => (row.key.status.kind === 'missing-secret' ? 'The key is no longer in your keychain.' : null),
        run: (row) => actions.copy(row.id, 'plain'),
      },
      {
        id: 'remove',
        text: 'Remove',
        icon: <TrashIcon />,
        label: (row) => `Remove ${row.name}`,
        run: (row) => actions.remove(row.key),
      },
    ],
    [actions],
  )

  return (
    <section className="keys" aria-labelledby="keys-title">
      <div className="keys-head">
        <h2 id="keys-title">
          Your keys <span className="count">{keys.length}</span>
        </h2>
        <SearchBox filter={filter} onChange={setFilter} noun="keys" shown={shownRows.length} total={rows.length} />
        <div className="view-switch" role="group" aria-label="View">
          <button type="button" className="btn btn-small" aria-pressed={view === 'cards'} onClick={() => onViewChange('cards')}>
            <GridIcon />
            Cards
          </button>
          <button type="button" className="btn btn-small" aria-pressed={view === 'list'} onClick={() => onViewChange('list')}>
            <ListIcon />
            List
          </button>
        </div>
      </div>
      <p className="help keys-help">Limits are each key’s own cap; OpenRouter does not let a key read your account balance.</p>
      {shownRows.length === 0 ? (
        <NoResults query={filter.query} onClear={() => setFilter(NO_FILTER)} />
      ) : view === 'list' ? (
        <KeyTable rows={shownRows} label="Stored keys" actions={rowActions} onOpen={(row) => onOpenKey(row.id)} />
      ) : (
        <KeyList
          keys={shownKeys}
          lowCreditPercent={lowCreditPercent}
          manualOrder={manualOrder && shownKeys === keys}
          pendingRefresh={pendingRefresh}
          actions={actions}
        />
      )}
    </section>
  )
}

// The account's keys in the shared list (KeyTable, SearchBox, the same filter rules as the device's keys),
// sorted by name, status, remaining credit, usage or expiry. Details opens the key beside the list.
import { useMemo, useState } from 'react'
import type { AccountKeyView } from '../../../preload/account-contract'
import { CopyIcon, InfoIcon } from '../components/Icons'
import { KeyTable, type RowAction } from '../list/KeyTable'
import { NoResults } from '../list/NoResults'
import { SearchBox } from '../list/SearchBox'
import { NO_FILTER, filterRows, type RowFilter } from '../list/list-model'
import { ACCOUNT_SORTS, sortAccountKeys, type AccountSort } from './account-sort'
import { accountKeyRow, type AccountKeyRow } from './account-rows'
import type { AccountKeyAction } from './AccountKeyDetails'

export interface AccountKeyListProps {
  keys: readonly AccountKeyView[]
  showWorkspace: boolean
  onOpen(key: AccountKeyView): void
  onAction(action: AccountKeyAction, key: AccountKeyView): void
}

export function AccountKeyList({ keys, showWorkspace, onOpen, onAction }: AccountKeyListProps) {
  const [sort, setSort] = useState<AccountSort>('name')
  const [filter, setFilter] = useState<RowFilter>(NO_FILTER)
  const rows = useMemo(() => sortAccountKeys(keys, sort).map((key) => accountKeyRow(key, showWorkspace)), [keys, sort, showWorkspace])
  const shown = useMemo(() => filterRows(rows, filter), [rows, filter])

  const actions = useMemo<RowAction<AccountKeyRow>[]>(
    () => [
      {
        id: 'copy',
        text: 'Copy',
        icon: <CopyIcon />,
        label: (row) => `Copy ${row.name}`,
        unavailable: (row) => (row.key.deviceKeyId ? null : 'Its secret is not on this device: OpenRouter shows a key only once, when it is created.'),
        run: (row) => onAction('copy', row.key),
      },
      { id: 'details', text: 'Details', icon: <InfoIcon />, label: (row) => `Details of ${row.name}`, run: (row) => onOpen(row.key) },
    ],
    [onOpen, onAction],
  )

  return (
    <div className="account-list">
      <div className="account-list-tools">
        <SearchBox filter={filter} onChange={setFilter} noun="account keys" shown={shown.length} total={rows.length} />
        <div className="account-sort">
          <label htmlFor="account-sort">Sort by</label>
          <select id="account-sort" className="input" value={sort} onChange={(event) => setSort(event.target.value as AccountSort)}>
            {ACCOUNT_SORTS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {shown.length === 0 ? (
        <NoResults query={filter.query} onClear={() => setFilter(NO_FILTER)} />
      ) : (
        <KeyTable rows={shown} label="Keys on your account" actions={actions} onOpen={(row) => onOpen(row.key)} />
      )}
    </div>
  )
}

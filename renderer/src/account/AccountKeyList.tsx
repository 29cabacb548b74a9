// The account's keys as rows (name, status, on this device or not, remaining / limit, this month, expiry).
// Opening a row shows its details and actions beside the list.
import { startTransition, useEffect, useMemo, useState } from 'react'
import type { AccountKeyView } from '../../../preload/account-contract'
import { formatLimit, formatUsd } from '../format/money'
import { ExpiryText } from '../components/RelativeTime'
import { STATUS_TONE } from '../status/status-text'
import { ACCOUNT_SORTS, sortAccountKeys, type AccountSort } from './account-sort'
import { accountStatusText, type AccountKeyAction } from './AccountKeyDetails'

export interface AccountKeyListProps {
  keys: readonly AccountKeyView[]
  showWorkspace: boolean
  selectedHash: string | null
  onOpen(key: AccountKeyView): void
  onAction(action: AccountKeyAction, key: AccountKeyView): void
}

const FIRST_ROWS = 60

export function AccountKeyList({ keys, showWorkspace, selectedHash, onOpen }: AccountKeyListProps) {
  const [sort, setSort] = useState<AccountSort>('name')
  const sorted = useMemo(() => sortAccountKeys(keys, sort), [keys, sort])
  const [rendered, setRendered] = useState(FIRST_ROWS)
  useEffect(() => {
    if (rendered < sorted.length) startTransition(() => setRendered(sorted.length))
  }, [sorted.length, rendered])
  const visible = rendered < sorted.length ? sorted.slice(0, rendered) : sorted
  return (
    <div className="account-list">
      <div className="account-list-tools">
        <label htmlFor="account-sort">Sort by</label>
        <select id="account-sort" className="input" value={sort} onChange={(event) => setSort(event.target.value as AccountSort)}>
          {ACCOUNT_SORTS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <ul className="account-rows" aria-label="Keys on your account">
        {visible.map((key) => {
          const name = key.name || key.label
          const tone = key.disabled ? 'muted' : STATUS_TONE[key.status.kind]
          return (
            <li key={key.hash} data-hash={key.hash} aria-label={name} className={key.hash === selectedHash ? 'account-row selected' : 'account-row'}>
              <button type="button" className="account-row-open" aria-expanded={key.hash === selectedHash} onClick={() => onOpen(key)}>
                <span className="account-row-name">
                  {name}
                  <span className="row-remote">
                    {key.label}
                    {showWorkspace && key.workspaceName ? ` · ${key.workspaceName}` : ''}
                  </span>
                </span>
                <span className={`badge badge-${tone}`}>{accountStatusText(key)}</span>
                <span className={key.deviceKeyId ? 'device-mark on' : 'device-mark'} data-testid={key.deviceKeyId ? 'row-on-device' : 'row-not-on-device'}>
                  {key.deviceKeyId ? 'On this device' : 'Not on this device'}
                </span>
                <span className="account-row-money">
                  {key.limit === null ? 'No cap' : `${key.limitRemaining === null ? '—' : formatUsd(key.limitRemaining)} / ${formatLimit(key.limit)}`}
                </span>
                <span className="account-row-usage">{formatUsd(key.usageMonthly)} this month</span>
                <span className="account-row-expiry">
                  <ExpiryText expiresAt={key.expiresAt} />
                </span>
              </button>
            </li>
          )
        })}
      </ul>
    </div>
  )
}

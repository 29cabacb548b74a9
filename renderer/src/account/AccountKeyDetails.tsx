// One account key in full: every figure OpenRouter gives, whether its secret is on this device, its 30-day
// spend chart with the forecast, and the management actions (each opens a confirmation in AccountView).
import { useEffect, useRef } from 'react'
import type { AccountKeyView, SpendSeries } from '../../../preload/account-contract'
import { formatDate } from '../format/dates'
import { formatLimit, formatUsd } from '../format/money'
import { useNow } from '../hooks/useNow'
import { ExpiryText } from '../components/RelativeTime'
import { CloseIcon, CopyIcon, PencilIcon, RefreshIcon, Spinner, TrashIcon } from '../components/Icons'
import { STATUS_TONE, resetText } from '../status/status-text'
import { accountStatusText } from './account-rows'
import { SpendSparkline } from '../charts/SpendSparkline'

export type AccountKeyAction = 'copy' | 'disable' | 'enable' | 'edit' | 'rotate' | 'revoke'

export interface AccountKeyDetailsProps {
  accountKey: AccountKeyView
  showWorkspace: boolean
  spend: SpendSeries | 'loading' | null
  onAction(action: AccountKeyAction, key: AccountKeyView): void
  onClose(): void
}

export function OnDeviceBadge({ accountKey }: { accountKey: AccountKeyView }) {
  return accountKey.deviceKeyId ? (
    <span className="badge badge-default" data-testid="on-device" title={accountKey.matchedBy === 'label' ? 'Matched by its masked label' : 'Matched by its hash'}>
      On this device
    </span>
  ) : (
    <span className="badge badge-outline" data-testid="not-on-device">
      Not on this device
    </span>
  )
}


export function AccountKeyDetails({ accountKey: key, showWorkspace, spend, onAction, onClose }: AccountKeyDetailsProps) {
  const now = useNow()
  const panel = useRef<HTMLElement>(null)
  useEffect(() => {
    // Opened from the list (Enter, Details): the details are where the person reads next.
    panel.current?.focus({ preventScroll: true })
    panel.current?.scrollIntoView?.({ block: 'nearest' })
  }, [key.hash])
  const tone = key.disabled ? 'muted' : STATUS_TONE[key.status.kind]
  const name = key.name || key.label
  const figures: Array<[string, string, string]> = [
    ['Limit', formatLimit(key.limit), 'limit'],
    ['Remaining', key.limit === null || key.limitRemaining === null ? '—' : formatUsd(key.limitRemaining), 'remaining'],
    ['Resets', key.limit === null ? '—' : resetText(key.limitReset), 'reset'],
    ['Today', formatUsd(key.usageDaily), 'usage-daily'],
    ['This week', formatUsd(key.usageWeekly), 'usage-weekly'],
    ['This month', formatUsd(key.usageMonthly), 'usage-monthly'],
    ['All time', formatUsd(key.usage), 'usage-total'],
    ['BYOK usage', formatUsd(key.byokUsage), 'byok'],
  ]
  return (
    <article ref={panel} tabIndex={-1} className={`account-details card tone-${tone}`} aria-labelledby="account-details-title" data-testid="account-details" data-hash={key.hash}>
      <div className="account-details-head">
        <h3 id="account-details-title" className="card-label">
          {name}
        </h3>
        <span className="account-details-end">
          <OnDeviceBadge accountKey={key} />
          <button type="button" className="btn btn-ghost btn-icon btn-tiny" aria-label="Close details" title="Close details" onClick={onClose}>
            <CloseIcon />
          </button>
        </span>
      </div>
      <p className="status-line">
        <span className={`badge badge-${tone}`} data-testid="account-key-status">
          {accountStatusText(key)}
        </span>
        <span className="status-reason">{key.disabled ? 'Requests with this key fail until it is enabled again.' : key.status.reason}</span>
      </p>
      <p className="account-details-label">
        OpenRouter label <code data-testid="account-key-label">{key.label}</code>
        {showWorkspace && key.workspaceName ? <> · workspace {key.workspaceName}</> : null}
      </p>
      <dl className="account-figures">
        {figures.map(([label, value, id]) => (
          <div key={id}>
            <dt>{label}</dt>
            <dd data-testid={`account-key-${id}`}>{value}</dd>
          </div>
        ))}
        <div>
          <dt>BYOK in limit</dt>
          <dd>{key.includeByokInLimit ? 'Counted' : 'Not counted'}</dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{formatDate(key.createdAt, now)}</dd>
        </div>
        <div>
          <dt>Expires</dt>
          <dd data-testid="account-key-expiry">
            <ExpiryText expiresAt={key.expiresAt} />
          </dd>
        </div>
      </dl>
      {spend === 'loading' ? (
        <p className="help sparkline-loading">
          <Spinner /> Loading spend history…
        </p>
      ) : spend ? (
        <SpendSparkline series={spend} label={`Daily spend of ${name}`} />
      ) : (
        <p className="help">No spend history for this key yet.</p>
      )}
      <div className="card-actions">
        {key.deviceKeyId ? (
          <button type="button" className="btn btn-small" onClick={() => onAction('copy', key)} aria-label={`Copy ${name}`}>
            <CopyIcon />
            Copy
          </button>
        ) : null}
        <button type="button" className="btn btn-small" onClick={() => onAction(key.disabled ? 'enable' : 'disable', key)} aria-label={`${key.disabled ? 'Enable' : 'Disable'} ${name}`}>
          {key.disabled ? 'Enable' : 'Disable'}
        </button>
        <button type="button" className="btn btn-small" onClick={() => onAction('edit', key)} aria-label={`Edit ${name}`}>
          <PencilIcon />
          Edit
        </button>
        <button type="button" className="btn btn-small" onClick={() => onAction('rotate', key)} aria-label={`Rotate ${name}`}>
          <RefreshIcon />
          Rotate
        </button>
        <button type="button" className="btn btn-small btn-danger-quiet" onClick={() => onAction('revoke', key)} aria-label={`Revoke ${name}`}>
          <TrashIcon />
          Revoke
        </button>
      </div>
    </article>
  )
}

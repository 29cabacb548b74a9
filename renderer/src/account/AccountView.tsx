// The account as a management key sees it: balance, every key on the account (on this device or not), the
// spend chart, and the management actions, each behind a plain-words confirmation. Loaded lazily (with the
// chart code) the first time the Account tab opens, so the first window does not pay for it.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import type { AccountKeyView, AccountSpend, AccountView as AccountViewModel, SpendSeries } from '../../../preload/account-contract'
import type { AppError, CopyFormat, KeyView } from '../../../preload/contract'
import { ErrorMessage } from '../components/ErrorMessage'
import { KeyIcon, PlusIcon, RefreshIcon, Spinner } from '../components/Icons'
import { CheckedText } from '../components/RelativeTime'
import { formatUsd } from '../format/money'
import { useToaster } from '../hooks/useToasts'
import { AccountSpendChart } from '../charts/AccountSpendChart'
import type { AccountApi } from './account-api'
import { AccountKeyDetails, type AccountKeyAction } from './AccountKeyDetails'
import { CreateAccountKeyDialog, EditAccountKeyDialog } from './AccountKeyFormDialogs'
import { AccountKeyList } from './AccountKeyList'
import { ConfirmActionDialog } from './ConfirmActionDialog'
import { MANAGEMENT_KEY_WHY, ManagementKeyLink } from './ManagementKeyDialog'
import type { AccountState } from './useAccount'
import './account.css'

type AccountDialog =
  | { kind: 'create' }
  | { kind: 'edit' | 'revoke' | 'disable' | 'enable' | 'rotate'; key: AccountKeyView }
  | { kind: 'finish-rotation'; oldHash: string; oldName: string }
  | null

export interface AccountViewProps {
  api: AccountApi
  account: AccountState
  /** The device's stored keys: names for rows that exist only here (revoked or gone on OpenRouter). */
  deviceKeys: readonly KeyView[]
  onCopy(keyId: string, format: CopyFormat): void
  onRemoveDeviceKey(keyId: string): Promise<AppError | null>
  onManageManagementKey(): void
  /** A dialog of the account view opened or closed (the app makes the rest of the window inert meanwhile). */
  onModalChange?(open: boolean): void
}

const errorOf = (result: { ok: true } | { ok: false; error: AppError }): AppError | null => (result.ok ? null : result.error)

/** The name a person knows a key by: its name on OpenRouter, else its label. */
export const accountKeyName = (key: AccountKeyView): string => key.name || key.label

function useSpendOf(api: AccountApi, key: AccountKeyView | null, checkedAt: string | null): SpendSeries | 'loading' | null {
  // Cached per key and per UTC day (main caches the activity itself; this saves the IPC when flipping between keys).
  const [cache, setCache] = useState<ReadonlyMap<string, SpendSeries | null>>(() => new Map())
  const day = new Date().toISOString().slice(0, 10)
  const cacheKey = key ? `${key.hash}|${day}|${checkedAt ?? ''}` : null
  const hash = key?.hash ?? null
  useEffect(() => {
    if (hash === null || cacheKey === null || cache.has(cacheKey)) return
    let live = true
    void api.call('account:spend', [{ hash }]).then((result) => {
      if (live) setCache((current) => new Map(current).set(cacheKey, result.ok ? (result.value[0] ?? null) : null))
    })
    return () => {
      live = false
    }
  }, [api, hash, cacheKey, cache])
  if (cacheKey === null) return null
  return cache.has(cacheKey) ? (cache.get(cacheKey) ?? null) : 'loading'
}

function useAccountSpend(api: AccountApi, checkedAt: string | null) {
  const [groupBy, setGroupBy] = useState<AccountSpend['groupBy']>('key')
  const [loaded, setLoaded] = useState<{ request: string; spend: AccountSpend | null }>({ request: '', spend: null })
  const request = `${groupBy}|${checkedAt ?? ''}`
  useEffect(() => {
    let live = true
    void api.call('account:spend-chart', groupBy).then((result) => {
      if (live) setLoaded((current) => ({ request, spend: result.ok ? result.value : current.spend }))
    })
    return () => {
      live = false
    }
  }, [api, groupBy, request])
  return { spend: loaded.spend, busy: loaded.request !== request, setGroupBy }
}

function AccountHeader({ view, onRefresh, onCreate, onManage }: { view: AccountViewModel; onRefresh(): void; onCreate(): void; onManage(): void }) {
  const credits = view.credits
  return (
    <section className="account-header" aria-labelledby="account-balance-title">
      <div className="account-balance">
        <h2 id="account-balance-title" className="figure-label">
          Account balance
        </h2>
        <p className="figure-big" data-testid="account-balance">
          {credits ? formatUsd(credits.balance) : '—'}
        </p>
        {credits ? (
          <p className="help" data-testid="account-credits">
            {formatUsd(credits.totalCredits)} bought − {formatUsd(credits.totalUsage)} used
          </p>
        ) : (
          <p className="help">Not read yet.</p>
        )}
      </div>
      <div className="account-header-side">
        <p className="help account-management-key">
          <KeyIcon /> Management key <code>{view.managementKey?.maskedKey}</code>
          {view.managementKey?.remoteLabel ? <> (“{view.managementKey.remoteLabel}”)</> : null}
        </p>
        <p className="help" data-testid="account-checked">
          {view.refreshing ? 'Reading your account…' : <CheckedText checkedAt={view.checkedAt} />}
        </p>
        <div className="button-row">
          <button type="button" className="btn btn-small" onClick={onRefresh} disabled={view.refreshing} aria-busy={view.refreshing || undefined}>
            {view.refreshing ? <Spinner /> : <RefreshIcon />}
            Refresh account
          </button>
          <button type="button" className="btn btn-small btn-primary" onClick={onCreate}>
            <PlusIcon />
            Create key
          </button>
          <button type="button" className="btn btn-small" onClick={onManage}>
            Management key…
          </button>
        </div>
      </div>
    </section>
  )
}

/** Rows that need the person: pending rotations, keys revoked but still in the keychain, keys gone from the account. */
function AccountNotices(props: {
  view: AccountViewModel
  deviceKeys: readonly KeyView[]
  onFinishRotation(oldHash: string, oldName: string): void
  onRemoveDeviceKey(keyId: string): void
}) {
  const { view, deviceKeys, onFinishRotation, onRemoveDeviceKey } = props
  const labelOf = (keyId: string) => deviceKeys.find((key) => key.id === keyId)?.label ?? 'A stored key'
  const newName = (keyId: string) => deviceKeys.find((key) => key.id === keyId)?.label ?? 'the new key'
  return (
    <>
      {view.listingProblem ? (
        <div className="callout callout-warn" role="status" data-testid="listing-problem">
          <p>
            <strong>The account’s key list is incomplete</strong>: {view.listingProblem.message}
            {view.listingProblem.hint ? ` ${view.listingProblem.hint}` : ''} Nothing is concluded from a partial list: no key is marked as gone.
          </p>
        </div>
      ) : null}
      {view.lastError && view.lastError !== view.listingProblem ? <ErrorMessage error={view.lastError} /> : null}
      {view.pendingRotations.map((rotation) => (
        <div className="callout callout-info account-notice" key={rotation.oldHash} data-testid="pending-rotation">
          <p>
            <strong>“{rotation.oldName}” was rotated.</strong> Its replacement, {newName(rotation.newKeyId)}, is stored here. The old key keeps working
            until you revoke it: update your tools to the new key first.
          </p>
          <button type="button" className="btn btn-small" onClick={() => onFinishRotation(rotation.oldHash, rotation.oldName)}>
            Revoke the old key…
          </button>
        </div>
      ))}
      {view.revokedStillStored.map((keyId) => (
        <div className="callout callout-danger account-notice" key={keyId} data-testid="revoked-still-stored">
          <p>
            <strong>{labelOf(keyId)}</strong>: revoked on OpenRouter, still in your keychain (the keychain refused to delete it).
          </p>
          <button type="button" className="btn btn-small" onClick={() => onRemoveDeviceKey(keyId)}>
            Remove from this device
          </button>
        </div>
      ))}
      {view.goneFromAccount.map((keyId) => (
        <div className="callout callout-warn account-notice" key={keyId} data-testid="gone-from-account">
          <p>
            <strong>{labelOf(keyId)}</strong> is stored here but was deleted or revoked on OpenRouter.
          </p>
          <button type="button" className="btn btn-small" onClick={() => onRemoveDeviceKey(keyId)}>
            Remove from this device
          </button>
        </div>
      ))}
    </>
  )
}

/** Dialogs go beside the window's content (not inside it), so the content can be made inert while one is open. */
function DialogHost({ children }: { children: ReactNode }) {
  return createPortal(children, document.querySelector('.app') ?? document.body)
}

export function NoManagementKey({ onAdd }: { onAdd(): void }) {
  return (
    <section className="account-empty" aria-labelledby="account-empty-title">
      <h2 id="account-empty-title">See and manage every key on your account</h2>
      <p>{MANAGEMENT_KEY_WHY}</p>
      <p className="help">Without one, this app manages only the keys stored on this device, as before.</p>
      <div className="button-row">
        <button type="button" className="btn btn-primary" onClick={onAdd}>
          <KeyIcon />
          Add management key…
        </button>
        <ManagementKeyLink />
      </div>
    </section>
  )
}

export default function AccountView({ api, account, deviceKeys, onCopy, onRemoveDeviceKey, onManageManagementKey, onModalChange }: AccountViewProps) {
  const toaster = useToaster()
  const [dialog, setDialog] = useState<AccountDialog>(null)
  const [selectedHash, setSelectedHash] = useState<string | null>(null)
  const view = account.load.phase === 'ready' ? account.load.view : null
  const keys = useMemo(() => view?.keys ?? [], [view])
  const selected = keys.find((key) => key.hash === selectedHash) ?? null
  const spend = useSpendOf(api, selected, view?.checkedAt ?? null)
  const chart = useAccountSpend(api, view?.checkedAt ?? null)
  const showWorkspace = (view?.workspaces.length ?? 0) > 1

  const modalOpen = dialog !== null
  useEffect(() => {
    onModalChange?.(modalOpen)
  }, [modalOpen, onModalChange])
  useEffect(() => () => onModalChange?.(false), [onModalChange])

  const { act } = account
  const refresh = useCallback(async () => {
    const failure = errorOf(await act('account:refresh'))
    if (failure) toaster.error(failure)
  }, [act, toaster])

  const onAction = useCallback(
    (action: AccountKeyAction, key: AccountKeyView) => {
      if (action === 'copy') {
        if (key.deviceKeyId) onCopy(key.deviceKeyId, 'plain')
        return
      }
      setDialog({ kind: action, key })
    },
    [onCopy],
  )

  const openDetails = useCallback((key: AccountKeyView) => setSelectedHash(key.hash), [])

  const removeDeviceKey = useCallback(
    async (keyId: string) => {
      const failure = await onRemoveDeviceKey(keyId)
      if (failure) toaster.error(failure)
      else void account.reload()
    },
    [onRemoveDeviceKey, toaster, account],
  )

  if (account.load.phase === 'loading') {
    return (
      <p className="help" role="status">
        <Spinner /> Reading your account…
      </p>
    )
  }
  if (account.load.phase === 'failed') {
    return (
      <ErrorMessage error={account.load.error}>
        <button type="button" className="btn btn-small" onClick={() => void account.reload()}>
          Try again
        </button>
      </ErrorMessage>
    )
  }
  if (!view || view.managementKey === null) return <NoManagementKey onAdd={onManageManagementKey} />

  const close = () => setDialog(null)
  const done = (message: string) => (failure: AppError | null) => {
    if (!failure) toaster.notify(message)
    return failure
  }

  const dialogElement = (
    <>
      {dialog?.kind === 'create' ? (
        <CreateAccountKeyDialog
          workspaces={view.workspaces}
          onCreate={async (request) => {
            const result = await api.call('account:create', request)
            if (result.ok) {
              toaster.notify(`Created “${result.value.label}” on your account. It is stored in your keychain.`)
              void account.reload()
            }
            return errorOf(result)
          }}
          onClose={close}
        />
      ) : null}
      {dialog?.kind === 'edit' ? (
        <EditAccountKeyDialog
          accountKey={dialog.key}
          onSave={async (edit) => done(`Saved “${edit.name ?? accountKeyName(dialog.key)}” on OpenRouter.`)(errorOf(await act('account:edit', { hash: dialog.key.hash }, edit)))}
          onClose={close}
        />
      ) : null}
      {dialog?.kind === 'revoke' ? (
        <ConfirmActionDialog
          title={`Revoke “${accountKeyName(dialog.key)}”?`}
          danger
          confirmText="Revoke key"
          typeToConfirm={accountKeyName(dialog.key)}
          description={
            <>
              <p>
                OpenRouter deletes the key <code>{dialog.key.label}</code>: every app that uses it stops working at once. This cannot be undone.
              </p>
              {dialog.key.deviceKeyId ? <p>It is also removed from this device and your keychain.</p> : null}
            </>
          }
          onConfirm={async () => done(`Revoked “${accountKeyName(dialog.key)}” on OpenRouter.`)(errorOf(await act('account:revoke', { hash: dialog.key.hash })))}
          onClose={close}
        />
      ) : null}
      {dialog?.kind === 'disable' || dialog?.kind === 'enable' ? (
        <ConfirmActionDialog
          title={`${dialog.kind === 'disable' ? 'Disable' : 'Enable'} “${accountKeyName(dialog.key)}”?`}
          confirmText={dialog.kind === 'disable' ? 'Disable key' : 'Enable key'}
          danger={dialog.kind === 'disable'}
          description={
            <p>
              {dialog.kind === 'disable'
                ? 'Requests with this key fail until you enable it again. The key itself is kept.'
                : 'Requests with this key work again, within its limit.'}
            </p>
          }
          onConfirm={async () =>
            done(`${dialog.kind === 'disable' ? 'Disabled' : 'Enabled'} “${accountKeyName(dialog.key)}”.`)(
              errorOf(await act('account:set-disabled', { hash: dialog.key.hash }, dialog.kind === 'disable')),
            )
          }
          onClose={close}
        />
      ) : null}
      {dialog?.kind === 'rotate' ? (
        <ConfirmActionDialog
          title={`Rotate “${accountKeyName(dialog.key)}”?`}
          confirmText="Create replacement"
          description={
            <>
              <p>
                A new key is created with the same name, limit, reset period, expiry, BYOK setting and workspace, and stored in your keychain
                {dialog.key.deviceKeyId ? ' (and made the default if the old one was)' : ''}.
              </p>
              <p>The old key keeps working until you confirm, so you can update your tools first.</p>
            </>
          }
          onConfirm={async () => done(`Created a replacement for “${accountKeyName(dialog.key)}”. Revoke the old key once your tools use the new one.`)(errorOf(await act('account:rotate', { hash: dialog.key.hash })))}
          onClose={close}
        />
      ) : null}
      {dialog?.kind === 'finish-rotation' ? (
        <ConfirmActionDialog
          title={`Revoke the old “${dialog.oldName}”?`}
          danger
          confirmText="Revoke old key"
          acknowledge="My tools now use the new key."
          description={<p>Anything still using the old key stops working once it is revoked. If revoking fails, both keys are kept.</p>}
          onConfirm={async () => done(`Revoked the old “${dialog.oldName}”.`)(errorOf(await act('account:finish-rotation', dialog.oldHash)))}
          onClose={close}
        />
      ) : null}
    </>
  )
  const hasDialog = dialog !== null

  return (
    <div className="account" data-testid="account-view">
      <AccountHeader view={view} onRefresh={() => void refresh()} onCreate={() => setDialog({ kind: 'create' })} onManage={onManageManagementKey} />
      <AccountNotices
        view={view}
        deviceKeys={deviceKeys}
        onFinishRotation={(oldHash, oldName) => setDialog({ kind: 'finish-rotation', oldHash, oldName })}
        onRemoveDeviceKey={(keyId) => void removeDeviceKey(keyId)}
      />
      {chart.spend ? <AccountSpendChart spend={chart.spend} busy={chart.busy} onGroupBy={chart.setGroupBy} /> : null}
      <section className="account-keys" aria-labelledby="account-keys-title">
        <div className="keys-head">
          <h2 id="account-keys-title">
            Keys on your account <span className="count">{keys.length}</span>
          </h2>
          {!view.complete ? <p className="help">Partial list (see above).</p> : null}
        </div>
        <div className="account-keys-body">
          {selected ? <AccountKeyDetails accountKey={selected} showWorkspace={showWorkspace} spend={spend} onAction={onAction} onClose={() => setSelectedHash(null)} /> : null}
          <AccountKeyList keys={keys} showWorkspace={showWorkspace} onOpen={openDetails} onAction={onAction} />
        </div>
      </section>

      {hasDialog ? <DialogHost>{dialogElement}</DialogHost> : null}
    </div>
  )
}

// The whole window: top bar, connection panel, banners, the key list (or its empty state), settings, dialogs, toasts.
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { AppError, ConnectOptions, ConnectRequest as ConnectRequestFromMain, KeyView, MenuCommand, MintRequest, Result, Settings } from '../../preload/contract'
import type { OrkmApi } from './api'
import { accountApiOf, type AccountApi } from './account/account-api'
import { ManagementKeyDialog } from './account/ManagementKeyDialog'
import { useAccount } from './account/useAccount'
import { ViewTabs, type MainView } from './account/ViewTabs'
import { NoticesBanner, WarningsBanner } from './components/Banners'
import { ConnectPanel } from './components/ConnectPanel'
import { EmptyState } from './components/EmptyState'
import { ErrorMessage } from './components/ErrorMessage'
import type { KeyCardActions } from './components/KeyCard'
import { KeyListSkeleton } from './components/KeyList'
import { KeysSection } from './components/KeysSection'
import { SettingsBar } from './components/SettingsBar'
import { Toasts } from './components/Toasts'
import { UpdateBanner } from './components/UpdateBanner'
import { TopBar } from './components/TopBar'
import { AddKeyDialog } from './components/dialogs/AddKeyDialog'
import { ConnectDialog, type ConnectRequest } from './components/dialogs/ConnectDialog'
import { MintKeyDialog } from './components/dialogs/MintKeyDialog'
import { RemoveKeyDialog } from './components/dialogs/RemoveKeyDialog'
import { isFlowRunning } from './connect/connect-text'
import { useAutoRefresh } from './hooks/useAutoRefresh'
import type { TakeEarlyList } from './startup/early-list'
import { useConnectFlow } from './hooks/useConnectFlow'
import { useKeyList } from './hooks/useKeyList'
import { ToastContext, copiedMessage, useToastQueue } from './hooks/useToasts'

type OpenDialog = { kind: 'connect'; request: ConnectRequest } | { kind: 'add' } | { kind: 'mint' } | { kind: 'remove'; keyId: string } | { kind: 'management-key' } | null

// Account mode (and its charts) load the first time the Account tab opens.
const AccountView = lazy(() => import('./account/AccountView'))

const errorOf = <T,>(result: Result<T>): AppError | null => (result.ok ? null : result.error)

/** "OpenRouter key N" with the first N no stored key is called yet (main names an unnamed key the same way). */
export function suggestedKeyName(keys: readonly KeyView[]): string {
  const taken = new Set(keys.map((key) => key.label))
  let n = keys.length + 1
  while (taken.has(`OpenRouter key ${n}`)) n += 1
  return `OpenRouter key ${n}`
}

/** The element that stands for a key in either view: its list row, or its card. */
function keyElement(keyId: string): HTMLElement | null {
  const item = document.querySelector<HTMLElement>(`[data-key-id="${keyId}"]`)
  if (!item) return null
  return item.getAttribute('role') === 'row' ? item : item.querySelector<HTMLElement>('article')
}

export interface AppProps {
  api: OrkmApi
  /** Period of the automatic refresh; tests shorten it. */
  autoRefreshMs?: number
  /** Account mode's calls; by default those of `api` (none: no Account tab). */
  accountApi?: AccountApi | null
  /** The key list main.tsx asked for before React started (see startup/early-list.ts). */
  takeEarlyList?: TakeEarlyList
}

export function App({ api, autoRefreshMs, accountApi: givenAccountApi, takeEarlyList }: AppProps) {
  const { load, pendingRefresh, refreshingAll, actions: keyActions } = useKeyList(api, takeEarlyList)
  const accountApi = givenAccountApi === undefined ? accountApiOf(api) : givenAccountApi
  const account = useAccount(accountApi)
  const managementKey = account.load.phase === 'ready' ? account.load.view.managementKey : null
  const [mainView, setMainView] = useState<MainView>('device')
  const [accountModal, setAccountModal] = useState(false)
  const hasManagementKey = managementKey !== null
  useEffect(() => {
    // With a management key the Account tab is likely next: fetch its code while idle, not on the click.
    if (hasManagementKey) void import('./account/AccountView')
  }, [hasManagementKey])
  const { state: connectState, actions: connectActions } = useConnectFlow(api)
  const { toasts, toaster, close: closeToast } = useToastQueue()
  const [dialog, setDialog] = useState<OpenDialog>(null)
  const panel = useRef<HTMLElement>(null)
  const lastConnectOptions = useRef<ConnectOptions>({})
  const view = load.phase === 'ready' ? load.view : null
  const keys = useMemo(() => view?.keys ?? [], [view])
  const flowRunning = isFlowRunning(connectState)

  // ---- Connect ----------------------------------------------------------------------------------------------
  const focusPanel = useCallback(() => {
    const element = panel.current
    if (!element) return
    element.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' })
    element.focus({ preventScroll: true })
  }, [])

  /** Connect: the form first (a new key is created each time), or the running flow if there is one. */
  const openConnect = useCallback(
    (request: ConnectRequest = {}) => {
      if (flowRunning) focusPanel()
      else setDialog({ kind: 'connect', request })
    },
    [flowRunning, focusPanel],
  )

  const startConnect = useCallback(
    async (options: ConnectOptions): Promise<AppError | null> => {
      lastConnectOptions.current = options
      const failure = errorOf(await connectActions.start(options))
      if (!failure) toaster.resolved('connect')
      return failure
    },
    [connectActions, toaster],
  )

  const tryConnectAgain = useCallback(async () => {
    const failure = await startConnect(lastConnectOptions.current)
    if (failure) toaster.error(failure, 'connect')
  }, [startConnect, toaster])

  const previousPhase = useRef(connectState.phase)
  useEffect(() => {
    // The panel just appeared: bring it into view.
    if (previousPhase.current === 'idle' && connectState.phase !== 'idle') panel.current?.scrollIntoView?.({ block: 'nearest' })
    previousPhase.current = connectState.phase
  }, [connectState.phase])

  // ---- Key actions ------------------------------------------------------------------------------------------
  const keysRef = useRef<KeyView[]>(keys)
  useEffect(() => {
    keysRef.current = keys
  }, [keys])
  const pendingFocus = useRef<{ keyId: string; action: 'move-up' | 'move-down' } | null>(null)

  const cardActions = useMemo<KeyCardActions>(
    () => ({
      async refresh(keyId) {
        const failure = errorOf(await keyActions.refreshKey(keyId))
        if (failure) toaster.error(failure, `refresh:${keyId}`)
        else toaster.resolved(`refresh:${keyId}`)
      },
      async copy(keyId, format) {
        const result = await keyActions.copy(keyId, format)
        if (result.ok) toaster.notify(copiedMessage(result.value.clearsAfterSeconds))
        else toaster.error(result.error)
      },
      async rename(keyId, label) {
        const failure = errorOf(await keyActions.rename(keyId, label))
        return failure ? `${failure.message}${failure.hint ? ` ${failure.hint}` : ''}` : null
      },
      async setDefault(keyId) {
        const result = await keyActions.setDefault(keyId)
        if (!result.ok) toaster.error(result.error)
      },
      async confirmAccount(keyId) {
        const result = await keyActions.confirmAccount(keyId)
        if (!result.ok) toaster.error(result.error)
      },
      async move(keyId, direction) {
        const ids = keysRef.current.map((key) => key.id)
        const from = ids.indexOf(keyId)
        const to = from + direction
        if (from < 0 || to < 0 || to >= ids.length) return
        ;[ids[from], ids[to]] = [ids[to]!, ids[from]!]
        pendingFocus.current = { keyId, action: direction < 0 ? 'move-up' : 'move-down' }
        const result = await keyActions.reorder(ids)
        if (!result.ok) {
          pendingFocus.current = null
          toaster.error(result.error)
        }
      },
      remove(key) {
        setDialog({ kind: 'remove', keyId: key.id })
      },
    }),
    [keyActions, toaster],
  )

  useEffect(() => {
    // After a move the card's DOM node moved and lost focus: put it back on the same button (or its twin at an end).
    const target = pendingFocus.current
    if (!target) return
    pendingFocus.current = null
    const item = document.querySelector(`[data-key-id="${target.keyId}"]`)
    const button = item?.querySelector<HTMLButtonElement>(`[data-action="${target.action}"]`)
    const twin = item?.querySelector<HTMLButtonElement>(`[data-action="${target.action === 'move-up' ? 'move-down' : 'move-up'}"]`)
    ;(button && !button.disabled ? button : twin)?.focus()
  }, [keys])

  const showKey = useCallback((keyId: string) => {
    const card = document.querySelector<HTMLElement>(`[data-key-id="${keyId}"] article`)
    card?.scrollIntoView?.({ block: 'center', behavior: 'smooth' })
    card?.focus({ preventScroll: true })
  }, [])

  const updateSettings = useCallback(
    async (patch: Partial<Settings>) => {
      const failure = errorOf(await keyActions.updateSettings(patch))
      if (failure) toaster.error(failure)
    },
    [keyActions, toaster],
  )

  const refreshAllManually = useCallback(async () => {
    const failure = errorOf(await keyActions.refreshAll('manual'))
    if (failure) toaster.error(failure, 'refresh-all')
    else toaster.resolved('refresh-all')
  }, [keyActions, toaster])

  useEffect(() => {
    // A key that checks fine again makes its earlier refresh error stale: take that toast away.
    for (const key of keys) if (key.lastError === null) toaster.resolved(`refresh:${key.id}`)
  }, [keys, toaster])

  // ---- Automatic refresh and menu commands ---------------------------------------------------------------------
  const autoRefresh = useCallback(() => void keyActions.refreshAll('automatic'), [keyActions])
  useAutoRefresh(autoRefresh, load.phase === 'ready', autoRefreshMs)

  const onMenu = useRef<(command: MenuCommand) => void>(() => {})
  useEffect(() => {
    onMenu.current = (command) => {
      switch (command) {
        case 'connect':
          openConnect()
          break
        case 'refresh-all':
          void refreshAllManually()
          break
        case 'add-key':
          setDialog({ kind: 'add' })
          break
        case 'mint-key':
          setDialog({ kind: 'mint' })
          break
      }
    }
  })
  useEffect(() => api.onMenuCommand((command) => onMenu.current(command)), [api])

  // ---- Links (openrouter-key-manager://connect) ---------------------------------------------------------------------
  // A link only opens the connect form, prefilled and saying where it came from; the person decides.
  const onLink = useRef<(request: ConnectRequestFromMain) => void>(() => {})
  useEffect(() => {
    onLink.current = (request) => openConnect({ fromLink: { limit: request.limit } })
  })
  useEffect(() => {
    const take = async () => {
      const pending = await api.takeConnectRequest()
      if (pending.ok && pending.value) onLink.current(pending.value)
    }
    const unsubscribe = api.onConnectRequested(() => void take())
    void take() // a link that launched the app arrived before this window could listen
    return unsubscribe
  }, [api])

  // ---- Dialog handlers ------------------------------------------------------------------------------------------
  const closeDialog = useCallback(() => setDialog(null), [])

  const addKey = useCallback(
    async (secret: string, label: string) => {
      const result = await keyActions.add(secret, label)
      if (result.ok) {
        const outcome = result.value
        if (outcome.kind === 'management-key') {
          void account.reload()
          if (accountApi) setMainView('account')
        }
        toaster.notify(
          outcome.kind === 'management-key'
            ? 'This is a management key: it manages your keys but cannot call models. It is stored in your keychain.'
            : `Added “${outcome.key.label}”. It is stored in your keychain.`,
        )
      }
      return errorOf(result)
    },
    [keyActions, toaster, account, accountApi],
  )

  const mintKey = useCallback(
    async (request: MintRequest) => {
      const result = await keyActions.mint(request)
      if (result.ok) toaster.notify(`Created “${result.value.label}”. It is stored in your keychain.`)
      return errorOf(result)
    },
    [keyActions, toaster],
  )

  /** After a removal, focus goes to the key that followed it on screen (or the one before, at the end). */
  const focusAfterRemove = useRef<string | null>(null)
  const removeKey = useCallback(
    async (keyId: string) => {
      const label = keysRef.current.find((key) => key.id === keyId)?.label ?? 'The key'
      const shownIds = [...document.querySelectorAll<HTMLElement>('[data-key-id]')].map((element) => element.dataset['keyId'] ?? '')
      const position = shownIds.indexOf(keyId)
      focusAfterRemove.current = shownIds[position + 1] ?? shownIds[position - 1] ?? null
      const result = await keyActions.remove(keyId)
      if (!result.ok) focusAfterRemove.current = null
      if (result.ok) toaster.notify(`Removed “${label}” from this device. It still works on OpenRouter until you revoke it there.`)
      return errorOf(result)
    },
    [keyActions, toaster],
  )

  const setManagementKey = useCallback(
    async (secret: string) => {
      const result = await account.act('account:set-management-key', secret)
      if (result.ok) {
        toaster.notify('Management key stored in your keychain. The Account tab shows every key on your account.')
        setMainView('account')
      }
      return errorOf(result)
    },
    [account, toaster],
  )

  const removeManagementKey = useCallback(async () => {
    const result = await account.act('account:remove-management-key')
    if (result.ok) toaster.notify('Management key removed from your keychain.')
    return errorOf(result)
  }, [account, toaster])

  const revokeStoredKey = useCallback(
    async (keyId: string) => {
      const label = keysRef.current.find((key) => key.id === keyId)?.label ?? 'The key'
      const result = await account.act('account:revoke', { keyId })
      if (result.ok) toaster.notify(`Revoked “${label}” on OpenRouter and removed it from this device.`)
      return errorOf(result)
    },
    [account, toaster],
  )

  const focusNextKey = useCallback(() => {
    const next = focusAfterRemove.current
    focusAfterRemove.current = null
    return next ? keyElement(next) : null
  }, [])

  const openRevokePage = useCallback(async (keyId: string) => errorOf(await keyActions.openRevokePage(keyId)), [keyActions])

  const removing = dialog?.kind === 'remove' ? keys.find((key) => key.id === dialog.keyId) : undefined
  const modalOpen = (dialog !== null && (dialog.kind !== 'remove' || removing !== undefined)) || accountModal

  // ---- Layout -----------------------------------------------------------------------------------------------
  let content
  if (load.phase === 'loading') {
    content = (
      <>
        <p className="visually-hidden" role="status">
          Loading your keys…
        </p>
        <KeyListSkeleton />
      </>
    )
  } else if (load.phase === 'failed') {
    content = (
      <ErrorMessage error={load.error}>
        <button type="button" className="btn btn-small" onClick={() => void keyActions.reload()}>
          Reload keys
        </button>
      </ErrorMessage>
    )
  } else if (keys.length === 0) {
    content = connectState.phase === 'idle' ? <EmptyState onConnect={() => openConnect()} onAddKey={() => setDialog({ kind: 'add' })} /> : null
  } else {
    content = (
      <KeysSection
        keys={keys}
        lowCreditPercent={view!.settings.lowCreditPercent}
        manualOrder={view!.settings.sortOrder === 'manual'}
        pendingRefresh={pendingRefresh}
        actions={cardActions}
        view={view!.settings.keyView}
        onViewChange={(keyView) => void updateSettings({ keyView })}
        onOpenKey={(keyId) => void updateSettings({ keyView: 'cards' }).then(() => setTimeout(() => showKey(keyId), 0))}
      />
    )
  }

  if (mainView === 'account' && accountApi) {
    content = (
      <Suspense
        fallback={
          <p className="help" role="status">
            Loading account view…
          </p>
        }
      >
        <AccountView
          api={accountApi}
          account={account}
          deviceKeys={keys}
          onCopy={(keyId, format) => void cardActions.copy(keyId, format)}
          onRemoveDeviceKey={removeKey}
          onManageManagementKey={() => setDialog({ kind: 'management-key' })}
          onModalChange={setAccountModal}
        />
      </Suspense>
    )
  }

  return (
    <ToastContext value={toaster}>
      <div className="app">
        <div className="shell" inert={modalOpen} aria-hidden={modalOpen || undefined}>
          <TopBar
            connectRunning={flowRunning}
            refreshingAll={refreshingAll}
            onConnect={() => openConnect()}
            onAddKey={() => setDialog({ kind: 'add' })}
            onMintKey={() => setDialog({ kind: 'mint' })}
            onRefreshAll={() => void refreshAllManually()}
          />
          <main id="main" className="main" tabIndex={-1}>
            {connectState.phase !== 'idle' ? (
              <ConnectPanel ref={panel} state={connectState} actions={connectActions} onTryAgain={() => void tryConnectAgain()} />
            ) : null}
            {view ? <WarningsBanner warnings={view.warnings} onShowKey={showKey} /> : null}
            {view ? <NoticesBanner notices={view.notices} /> : null}
            <UpdateBanner api={api} />
            {accountApi ? <ViewTabs view={mainView} onChange={setMainView} /> : null}
            <div id="view-panel" role={accountApi ? 'tabpanel' : undefined} aria-labelledby={accountApi ? `tab-${mainView}` : undefined} className="view-panel">
              {content}
            </div>
          </main>
          {view ? (
            <footer className="footer">
              <SettingsBar settings={view.settings} onChange={(patch) => void updateSettings(patch)} />
              {accountApi ? (
                <button type="button" className="btn btn-small" onClick={() => setDialog({ kind: 'management-key' })}>
                  {managementKey ? 'Management key…' : 'Add management key…'}
                </button>
              ) : null}
              <p className="footer-note">Keys live in your OS keychain. Copied keys are cleared from the clipboard after a short while.</p>
            </footer>
          ) : null}
        </div>
        {dialog?.kind === 'connect' ? (
          <ConnectDialog storedKeys={keys.length} suggestedName={suggestedKeyName(keys)} request={dialog.request} onConnect={startConnect} onClose={closeDialog} />
        ) : null}
        {dialog?.kind === 'add' ? <AddKeyDialog keys={keys} onAdd={addKey} onClose={closeDialog} /> : null}
        {dialog?.kind === 'mint' ? (
          <MintKeyDialog
            keys={keys}
            managementKeyPresent={managementKey !== null}
            onAddManagementKey={accountApi ? () => setDialog({ kind: 'management-key' }) : undefined}
            onMint={mintKey}
            onUseBrowser={(carried) => setDialog({ kind: 'connect', request: carried })}
            onClose={closeDialog}
          />
        ) : null}
        {removing ? (
          <RemoveKeyDialog
            keyView={removing}
            onRemove={removeKey}
            onOpenRevokePage={openRevokePage}
            onRevoke={managementKey ? revokeStoredKey : undefined}
            onClose={closeDialog}
            returnFocusTo={focusNextKey}
          />
        ) : null}
        {dialog?.kind === 'management-key' ? (
          <ManagementKeyDialog current={managementKey} onSet={setManagementKey} onRemove={removeManagementKey} onClose={closeDialog} />
        ) : null}
        <Toasts toasts={toasts} onClose={closeToast} />
      </div>
    </ToastContext>
  )
}

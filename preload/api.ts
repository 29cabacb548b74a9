// The API object the renderer sees as `window.orkm`: one narrow function per channel, built on a Bridge.
// It imports nothing from Electron so the harness's browser backend exposes this very object.
import { ACCOUNT_INVOKE_CHANNELS, type AccountEventContract, type AccountInvokeContract } from './account-contract'
import type {
  Bridge,
  ConnectOptions,
  ConnectRequest,
  ConnectState,
  CopyFormat,
  KeyListView,
  MenuCommand,
  MintRequest,
  RefreshMode,
  Result,
  Settings,
  UpdateStatus,
} from './contract'

type AccountChannel = keyof AccountInvokeContract
const ACCOUNT_CHANNELS = new Set<string>(ACCOUNT_INVOKE_CHANNELS)

export function createOrkmApi(bridge: Bridge) {
  return {
    listKeys: () => bridge.invoke('keys:list'),
    refreshKey: (keyId: string) => bridge.invoke('keys:refresh', keyId),
    refreshAll: (mode: RefreshMode = 'manual') => bridge.invoke('keys:refresh-all', mode),
    renameKey: (keyId: string, label: string) => bridge.invoke('keys:rename', keyId, label),
    setDefaultKey: (keyId: string) => bridge.invoke('keys:set-default', keyId),
    confirmKeyAccount: (keyId: string) => bridge.invoke('keys:confirm-account', keyId),
    reorderKeys: (keyIds: string[]) => bridge.invoke('keys:reorder', keyIds),
    copyKey: (keyId: string, format: CopyFormat) => bridge.invoke('keys:copy', keyId, format),
    removeKey: (keyId: string) => bridge.invoke('keys:remove', keyId),
    addKey: (secret: string, label: string) => bridge.invoke('keys:add', secret, label),
    mintKey: (request: MintRequest) => bridge.invoke('keys:mint', request),
    openRevokePage: (keyId: string) => bridge.invoke('keys:open-revoke-page', keyId),
    updateSettings: (patch: Partial<Settings>) => bridge.invoke('settings:update', patch),
    checkStorage: () => bridge.invoke('storage:check'),
    takeConnectRequest: () => bridge.invoke('connect:take-request'),
    startConnect: (options: ConnectOptions = {}) => bridge.invoke('connect:start', options),
    getConnectState: () => bridge.invoke('connect:state'),
    cancelConnect: () => bridge.invoke('connect:cancel'),
    openAuthPageAgain: () => bridge.invoke('connect:open-again'),
    copyAuthLink: () => bridge.invoke('connect:copy-link'),
    submitRedirect: (redirectUrlOrCode: string) => bridge.invoke('connect:submit-redirect', redirectUrlOrCode),
    retrySave: () => bridge.invoke('connect:retry-save'),
    copyUnsavedKey: () => bridge.invoke('connect:copy-unsaved-key'),
    dismissConnect: () => bridge.invoke('connect:dismiss'),
    getUpdateStatus: () => bridge.invoke('update:state'),
    restartToUpdate: () => bridge.invoke('update:restart'),
    openReleasePage: () => bridge.invoke('update:open-release-page'),
    onConnectChanged: (listener: (state: ConnectState) => void) => bridge.on('connect:changed', listener),
    onKeysChanged: (listener: (list: KeyListView) => void) => bridge.on('keys:changed', listener),
    onMenuCommand: (listener: (command: MenuCommand) => void) => bridge.on('menu:command', listener),
    onUpdateChanged: (listener: (status: UpdateStatus) => void) => bridge.on('update:changed', listener),
    /** Account mode: one call per channel of the account contract (no other channel passes), and its change event. */
    account: {
      call<C extends AccountChannel>(channel: C, ...args: AccountInvokeContract[C]['args']): Promise<Result<AccountInvokeContract[C]['result']>> {
        if (!ACCOUNT_CHANNELS.has(channel)) return Promise.resolve({ ok: false, error: { code: 'invalid-argument', message: 'Unknown request.' } })
        return bridge.invoke(channel, ...args)
      },
      onChanged: (listener: (view: AccountEventContract['account:changed']) => void) => bridge.on('account:changed', listener),
    },
    onConnectRequested: (listener: (request: ConnectRequest) => void) => bridge.on('connect:requested', listener),
  }
}

export type OrkmApi = ReturnType<typeof createOrkmApi>

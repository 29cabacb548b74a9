// The composition root shared by the Electron shell, the test harness, the demo and the benchmark:
// the same services, wired the same way, whatever hosts them.
import { join } from 'node:path'
import { isAppFailure } from '../base/app-failure'
import type { ConnectRequest, EventChannel, EventContract, MintRequest } from '../../../preload/contract'
import type { AppConfig } from './config'
import { ConnectFlow } from '../connect/connect-flow'
import { createDispatcher, type Dispatch } from '../ipc/ipc-dispatcher'
import { ClipboardGuard } from '../keys/clipboard-guard'
import { KeyService } from '../keys/key-service'
import { createFileLogger, type Logger } from '../base/logger'
import { createMetadataStore, type MetadataStore } from '../keys/metadata-store'
import { KeyIntake } from '../new-keys/key-intake'
import { createMinter } from '../new-keys/mint'
import { createOpenRouterGateway, type OpenRouterGateway } from '../openrouter/openrouter-gateway'
import { systemClock, type ClipboardPort, type Clock, type ExternalOpener, type NotifierPort } from '../base/ports'
import { createKeytarVault, type SecretVault } from '../keys/secret-vault'
import { UpdateController, type UpdateMode, type UpdaterPort } from '../updates/update-controller'
import type { WorkInProgress } from '../updates/update-policy'
import { AccountService } from '../account/account-service'
import { createAccountStore } from '../account/account-store'
import { SpendHistory } from '../history/spend-history'
import { createManagementGateway, type ManagementGateway } from '../openrouter/management-gateway'

export interface HostAdapters {
  opener: ExternalOpener
  clipboard: ClipboardPort
  notifier: NotifierPort
  clock?: Clock
  logger?: Logger
  vault?: SecretVault
  /** The key list file's store; by default `keys.json` in the data folder. */
  metadata?: MetadataStore
  gateway?: OpenRouterGateway
  managementGateway?: ManagementGateway
  refreshConcurrency?: number
  /** The installed app's updater; absent in development, the harness and the demo (nothing to update). */
  updates?: { updater: UpdaterPort; mode: UpdateMode }
}

export type EventSink = <E extends EventChannel>(channel: E, payload: EventContract[E]) => void

export interface AppServices {
  readonly config: AppConfig & { dataDir: string }
  readonly keys: KeyService
  readonly intake: KeyIntake
  readonly account: AccountService
  readonly history: SpendHistory
  readonly clipboardGuard: ClipboardGuard
  readonly connect: ConnectFlow
  readonly dispatch: Dispatch
  readonly logger: Logger
  readonly updates: UpdateController
  /** Subscribes to every main → renderer event. */
  onEvent(sink: EventSink): () => void
  /**
   * A link asked to connect: the window shows the connect form, prefilled; nothing starts until the person
   * continues. Kept until the window takes it, so a link that launched the app is not lost before it loads.
   */
  requestConnect(limit: number | null): void
  shutdown(): Promise<void>
}

export function logFileOf(dataDir: string): string {
  return join(dataDir, 'logs', 'main.log')
}

export async function createAppServices(config: AppConfig & { dataDir: string }, adapters: HostAdapters): Promise<AppServices> {
  const clock = adapters.clock ?? systemClock
  const logger = adapters.logger ?? createFileLogger(logFileOf(config.dataDir))
  const gateway =
    adapters.gateway ??
    createOpenRouterGateway({ apiBaseUrl: config.apiBaseUrl, httpTimeoutMs: config.httpTimeoutMs, retryBudgetMs: config.retryBudgetMs })
  const managementGateway =
    adapters.managementGateway ??
    createManagementGateway({ apiBaseUrl: config.apiBaseUrl, httpTimeoutMs: config.httpTimeoutMs, retryBudgetMs: config.retryBudgetMs })
  const vault = adapters.vault ?? createKeytarVault(config.keychainService)
  const history = await SpendHistory.open(config.dataDir, { clock, logger })
  const keys = await KeyService.open({
    vault,
    metadata: adapters.metadata ?? createMetadataStore(config.dataDir),
    gateway,
    notifier: adapters.notifier,
    opener: adapters.opener,
    clock,
    logger,
    onFigures: (keyId, figures, atMs) => history.record(keyId, figures, atMs),
    ...(adapters.refreshConcurrency === undefined ? {} : { refreshConcurrency: adapters.refreshConcurrency }),
  })
  const clipboardGuard = new ClipboardGuard({ clipboard: adapters.clipboard, clock, logger, clearAfterSeconds: config.clipboardClearSeconds })
  // The intake and the account service need each other (a pasted management key; a created key): the intake asks
  // the account service only once both exist.
  let account: AccountService | null = null
  const intake = new KeyIntake({
    keys,
    checkKey: (secret) => managementGateway.checkKey(secret),
    isOnManagedAccount: (secret) => account?.isOnManagedAccount(secret) ?? Promise.resolve(null),
    logger,
  })
  const connect = new ConnectFlow({
    callbackPort: config.callbackPort,
    authTimeoutMs: config.authTimeoutMs,
    gateway,
    intake,
    keys,
    copier: clipboardGuard,
    opener: adapters.opener,
    clipboard: adapters.clipboard,
    clock,
    logger,
    checkStorage: () => keys.checkStorage(),
  })
  const accountService = await AccountService.open({
    store: createAccountStore(config.dataDir, vault, logger),
    gateway: managementGateway,
    keys,
    vault,
    intake,
    history,
    holdUnsavedKey: (secret, userId, label, error) => connect.holdUnsavedKey(secret, userId, label, error, 'create'),
    assertCanHoldKey: () => connect.assertCanTakeNewKey(),
    clock,
    logger,
  })
  account = accountService
  const mintDeps = {
    gateway,
    keys,
    intake,
    management: managementGateway,
    managementKey: () => accountService.managementKey(),
    clock,
    callbackPort: config.callbackPort,
    holdUnsavedKey: (secret: string, userId: string | null, label: string, error: unknown) =>
      connect.holdUnsavedKey(secret, userId, label, error),
    assertCanHoldKey: () => connect.assertCanTakeNewKey(),
  }
  const mintOneAtATime = createMinter(mintDeps)
  // Calls that create a key on OpenRouter and hold it until stored: an update restart waits for them.
  const running = { mint: 0, create: 0, rotation: 0 }
  const tracked = async <T>(kind: keyof typeof running, call: () => Promise<T>): Promise<T> => {
    running[kind] += 1
    try {
      return await call()
    } finally {
      running[kind] -= 1
    }
  }
  const mint = (request: MintRequest) => tracked('mint', () => mintOneAtATime(request))
  const CONNECT_RUNNING = new Set(['awaiting-browser', 'exchanging', 'saving'])
  const work: WorkInProgress = {
    current() {
      const connectRunning = CONNECT_RUNNING.has(connect.current.phase)
      return {
        // hasWorkAtRisk is an unsaved, uncopied key or a key mid-exchange/save; the latter counts as connectRunning.
        keyUnsaved: connect.hasWorkAtRisk() && !connectRunning,
        connectRunning,
        mintRunning: running.mint > 0 || running.create > 0,
        rotationRunning: running.rotation > 0,
      }
    },
  }
  const updates = new UpdateController({
    updater: adapters.updates?.updater ?? null,
    mode: adapters.updates?.mode ?? { kind: 'install' },
    autoUpdateEnabled: () => keys.list().settings.autoUpdate,
    work,
    clock,
    logger,
  })

  const dispatch = createDispatcher(
    {
      'keys:list': () => keys.list(),
      'keys:refresh': (keyId) => keys.refresh(keyId),
      'keys:refresh-all': async (mode) => {
        // The balance and the account's keys are refreshed with the keys, in the background.
        if (accountService.hasManagementKey) void accountService.refresh().catch(() => {})
        return keys.refreshAll(mode)
      },
      'keys:rename': (keyId, label) => keys.rename(keyId, label),
      'keys:set-default': (keyId) => keys.setDefault(keyId),
      'keys:reorder': (keyIds) => keys.reorder(keyIds),
      'keys:copy': async (keyId, format) => clipboardGuard.copySecret(await keys.secretOf(keyId), format),
      'keys:remove': (keyId) => keys.remove(keyId),
      'keys:add': async (secret, label) => {
        const outcome = await intake.paste(secret, label)
        if (outcome.kind === 'api-key') return outcome
        return { kind: 'management-key', managementKey: await accountService.adoptManagementKey(outcome.check) }
      },
      'keys:mint': (request) => mint(request),
      'keys:open-revoke-page': async (keyId) => {
        await keys.openRevokePage(keyId, gateway.origin)
        return null
      },
      'keys:confirm-account': (keyId) => keys.confirmAccount(keyId),
      'settings:update': async (patch) => {
        const view = await keys.updateSettings(patch)
        updates.poke() // turning automatic updates on checks soon, not hours later
        return view
      },
      'connect:take-request': () => {
        const request = pendingConnectRequest
        pendingConnectRequest = null
        return request
      },
      'storage:check': async () => {
        await keys.checkStorage()
        return null
      },
      'connect:start': (options) => connect.start(options),
      'connect:state': () => connect.current,
      'connect:cancel': () => connect.cancel(),
      'connect:open-again': async () => {
        await connect.openAgain()
        return null
      },
      'connect:copy-link': async () => {
        await connect.copyLink()
        return null
      },
      'connect:submit-redirect': (text) => connect.submitRedirect(text),
      'connect:retry-save': () => connect.retrySave(),
      'connect:copy-unsaved-key': () => connect.copyUnsavedKey(),
      'connect:dismiss': () => connect.dismiss(),
      'update:state': () => updates.current,
      'update:restart': () => updates.restartToInstall(),
      'update:open-release-page': () => updates.openReleasePage(),
      'account:state': () => accountService.state(),
      'account:refresh': () => accountService.refresh(),
      'account:set-management-key': (secret) => accountService.setManagementKey(secret),
      'account:remove-management-key': () => accountService.removeManagementKey(),
      'account:revoke': (ref) => accountService.revoke(ref),
      'account:set-disabled': (ref, disabled) => accountService.setDisabled(ref, disabled),
      'account:edit': (ref, edit) => accountService.edit(ref, edit),
      'account:create': (request) => tracked('create', () => accountService.create(request)),
      'account:rotate': (ref) => tracked('rotation', () => accountService.rotate(ref)),
      'account:finish-rotation': (oldHash) => accountService.finishRotation(oldHash),
      'account:spend': (refs) => accountService.spend(refs),
      'account:spend-chart': (groupBy) => accountService.spendChart(groupBy),
    },
    logger,
  )

  const sinks = new Set<EventSink>()
  let pendingConnectRequest: ConnectRequest | null = null
  keys.onChange((view) => sinks.forEach((sink) => sink('keys:changed', view)))
  connect.onChange((state) => sinks.forEach((sink) => sink('connect:changed', state)))
  // The consent page takes no name, so a connected key's name is local; with a management key the app names the key
  // the same on OpenRouter, so the keys page and this list agree (issue 12).
  connect.onChange((state) => {
    if (state.phase !== 'connected' || !accountService.hasManagementKey) return
    accountService.edit({ keyId: state.keyId }, { name: state.label }).catch((error: unknown) => {
      logger.warn('could not name the new key on OpenRouter', { code: isAppFailure(error) ? error.appError.code : 'internal' })
    })
  })
  updates.onChange((status) => sinks.forEach((sink) => sink('update:changed', status)))
  accountService.onChange((view) => sinks.forEach((sink) => sink('account:changed', view)))
  logger.info('services started', { storage: vault.description })

  return {
    config,
    keys,
    intake,
    account: accountService,
    history,
    clipboardGuard,
    connect,
    dispatch,
    logger,
    updates,
    onEvent(sink) {
      sinks.add(sink)
      return () => sinks.delete(sink)
    },
    requestConnect(limit) {
      pendingConnectRequest = { source: 'link', limit }
      sinks.forEach((sink) => sink('connect:requested', pendingConnectRequest!))
    },
    async shutdown() {
      try {
        sinks.clear()
        updates.stop()
        await connect.shutdown()
        await clipboardGuard.clearCopiedKey()
        await history.flush()
      } finally {
        // Whatever failed above, a key saved just now gets its file written before the process goes.
        await keys.flush()
      }
    },
  }
}

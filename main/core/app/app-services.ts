// The composition root shared by the Electron shell, the test harness, the demo and the benchmark:
// the same services, wired the same way, whatever hosts them.
import { join } from 'node:path'
import type { ConnectRequest, EventChannel, EventContract } from '../../../preload/contract'
import type { AppConfig } from './config'
import { ConnectFlow } from '../connect/connect-flow'
import { createDispatcher, type Dispatch } from '../ipc/ipc-dispatcher'
import { ClipboardGuard } from '../keys/clipboard-guard'
import { KeyService } from '../keys/key-service'
import { createFileLogger, type Logger } from '../base/logger'
import { createMetadataStore } from '../keys/metadata-store'
import { KeyIntake } from '../new-keys/key-intake'
import { mintLimitedKey } from '../new-keys/mint'
import { createOpenRouterGateway, type OpenRouterGateway } from '../openrouter/openrouter-gateway'
import { systemClock, type ClipboardPort, type Clock, type ExternalOpener, type NotifierPort } from '../base/ports'
import { createKeytarVault, type SecretVault } from '../keys/secret-vault'

export interface HostAdapters {
  opener: ExternalOpener
  clipboard: ClipboardPort
  notifier: NotifierPort
  clock?: Clock
  logger?: Logger
  vault?: SecretVault
  gateway?: OpenRouterGateway
  refreshConcurrency?: number
}

export type EventSink = <E extends EventChannel>(channel: E, payload: EventContract[E]) => void

export interface AppServices {
  readonly config: AppConfig & { dataDir: string }
  readonly keys: KeyService
  readonly intake: KeyIntake
  readonly clipboardGuard: ClipboardGuard
  readonly connect: ConnectFlow
  readonly dispatch: Dispatch
  readonly logger: Logger
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
  const vault = adapters.vault ?? createKeytarVault(config.keychainService)
  const keys = await KeyService.open({
    vault,
    metadata: createMetadataStore(config.dataDir),
    gateway,
    notifier: adapters.notifier,
    opener: adapters.opener,
    clock,
    logger,
    ...(adapters.refreshConcurrency === undefined ? {} : { refreshConcurrency: adapters.refreshConcurrency }),
  })
  const clipboardGuard = new ClipboardGuard({ clipboard: adapters.clipboard, clock, logger, clearAfterSeconds: config.clipboardClearSeconds })
  const intake = new KeyIntake({ keys, gateway, logger })
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
  const mintDeps = {
    gateway,
    keys,
    intake,
    clock,
    callbackPort: config.callbackPort,
    holdUnsavedKey: (secret: string, userId: string | null, label: string, error: unknown) =>
      connect.holdUnsavedKey(secret, userId, label, error),
    assertCanHoldKey: () => connect.assertCanTakeNewKey(),
  }

  const dispatch = createDispatcher(
    {
      'keys:list': () => keys.list(),
      'keys:refresh': (keyId) => keys.refresh(keyId),
      'keys:refresh-all': (mode) => keys.refreshAll(mode),
      'keys:rename': (keyId, label) => keys.rename(keyId, label),
      'keys:set-default': (keyId) => keys.setDefault(keyId),
      'keys:reorder': (keyIds) => keys.reorder(keyIds),
      'keys:copy': async (keyId, format) => clipboardGuard.copySecret(await keys.secretOf(keyId), format),
      'keys:remove': (keyId) => keys.remove(keyId),
      'keys:add': (secret, label) => intake.add(secret, label),
      'keys:mint': (request) => mintLimitedKey(mintDeps, request),
      'keys:open-revoke-page': async (keyId) => {
        await keys.openRevokePage(keyId, gateway.origin)
        return null
      },
      'keys:confirm-account': (keyId) => keys.confirmAccount(keyId),
      'settings:update': (patch) => keys.updateSettings(patch),
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
    },
    logger,
  )

  const sinks = new Set<EventSink>()
  let pendingConnectRequest: ConnectRequest | null = null
  keys.onChange((view) => sinks.forEach((sink) => sink('keys:changed', view)))
  connect.onChange((state) => sinks.forEach((sink) => sink('connect:changed', state)))
  logger.info('services started', { storage: vault.description })

  return {
    config,
    keys,
    intake,
    clipboardGuard,
    connect,
    dispatch,
    logger,
    onEvent(sink) {
      sinks.add(sink)
      return () => sinks.delete(sink)
    },
    requestConnect(limit) {
      pendingConnectRequest = { source: 'link', limit }
      sinks.forEach((sink) => sink('connect:requested', pendingConnectRequest!))
    },
    async shutdown() {
      sinks.clear()
      await connect.shutdown()
      await clipboardGuard.clearCopiedKey()
    },
  }
}

// The real services wired for Node-level integration tests: real keychain (own service name), real files,
// the SDK against the double, an in-memory clipboard and a recording notifier.
import { createAppServices, logFileOf, type AppServices, type HostAdapters } from '../../main/core/app/app-services'
import { loadConfig } from '../../main/core/app/config'
import { createFileLogger, silentLogger } from '../../main/core/base/logger'
import type { ExternalOpener } from '../../main/core/base/ports'
import { createMetadataStore, type MetadataStore } from '../../main/core/keys/metadata-store'
import { createKeytarVault, type SecretVault } from '../../main/core/keys/secret-vault'
import { createOpenRouterGateway, type OpenRouterGateway } from '../../main/core/openrouter/openrouter-gateway'
import { MemoryClipboard, RecordingNotifier } from '../harness/node-host'
import { purgeKeychainService, uniqueKeychainService } from './keychain'
import { makeTempDir } from './temp-dir'

export interface TestServices {
  services: AppServices
  clipboard: MemoryClipboard
  notifier: RecordingNotifier
  opened: string[]
  dataDir: string
  keychainService: string
  /** A new start on the same keychain and folder; by default waits for the start-up keychain reconciliation. */
  restart(options?: { reconcile?: boolean }): Promise<AppServices>
  dispose(): Promise<void>
}

export async function startTestServices(options: {
  apiBaseUrl: string
  env?: Record<string, string>
  opener?: ExternalOpener
  keychainService?: string
  dataDir?: string
  /** Wraps the real keychain, e.g. to make writes fail. */
  wrapVault?: (vault: SecretVault) => SecretVault
  /** Wraps the real key list file's store, e.g. to hold or fail a write. */
  wrapMetadata?: (store: MetadataStore) => MetadataStore
  /** Wraps the real SDK gateway, e.g. to hand back a hostile value the double cannot produce. */
  wrapGateway?: (gateway: OpenRouterGateway) => OpenRouterGateway
  /** An updater, as an installed build has. */
  updates?: HostAdapters['updates']
  /** The app's real file log in the data folder (for the no-secret sweeps) instead of silence. */
  fileLog?: boolean
}): Promise<TestServices> {
  const temp = options.dataDir ? null : await makeTempDir('orkm-services-')
  const dataDir = options.dataDir ?? temp!.path
  const keychainService = options.keychainService ?? uniqueKeychainService()
  const clipboard = new MemoryClipboard()
  const notifier = new RecordingNotifier()
  const opened: string[] = []
  const config = loadConfig({
    OPENROUTER_BASE_URL: options.apiBaseUrl,
    ORKM_KEYCHAIN_SERVICE: keychainService,
    ORKM_DATA_DIR: dataDir,
    ORKM_CALLBACK_PORT: '0',
    ORKM_RETRY_BUDGET_MS: '2000',
    ORKM_HTTP_TIMEOUT_MS: '2000',
    ...options.env,
  })
  const opener: ExternalOpener = {
    async openExternal(url) {
      opened.push(url)
      await options.opener?.openExternal(url)
    },
  }
  const vault = createKeytarVault(keychainService)
  const gateway = options.wrapGateway
    ? options.wrapGateway(createOpenRouterGateway({ apiBaseUrl: config.apiBaseUrl, httpTimeoutMs: config.httpTimeoutMs, retryBudgetMs: config.retryBudgetMs }))
    : undefined
  const start = () =>
    createAppServices(
      { ...config, dataDir },
      {
        clipboard,
        notifier,
        opener,
        logger: options.fileLog ? createFileLogger(logFileOf(dataDir)) : silentLogger,
        vault: options.wrapVault ? options.wrapVault(vault) : vault,
        ...(options.wrapMetadata ? { metadata: options.wrapMetadata(createMetadataStore(dataDir)) } : {}),
        ...(gateway ? { gateway } : {}),
        ...(options.updates ? { updates: options.updates } : {}),
      },
    )
  const handle: TestServices = {
    services: await start(),
    clipboard,
    notifier,
    opened,
    dataDir,
    keychainService,
    async restart({ reconcile = true } = {}) {
      await handle.services.shutdown()
      handle.services = await start()
      if (reconcile) await handle.services.keys.whenReconciled()
      return handle.services
    },
    async dispose() {
      await handle.services.shutdown()
      await purgeKeychainService(keychainService)
      await temp?.remove()
    },
  }
  await handle.services.keys.whenReconciled()
  return handle
}

// The management key's own OpenRouter client: the only code that sends a management key. It talks to the
// management endpoints (/workspaces, /keys…, /credits, /activity, /auth/keys/code) and GET /key for the key's own
// check, each through @openrouter/sdk with the same settings as the API-key gateway (sdk-client.ts): no ambient
// bearer, a per-request timeout, bounded retries. Reads are repeated on 5xx and waited out on 429 (bounded);
// calls that create or change something are never repeated: a failure is reported, with what may have happened.
import type { OpenRouter } from '@openrouter/sdk'
import type { ActivityItem } from '@openrouter/sdk/models'
import type { GetCurrentKeyData, ListData } from '@openrouter/sdk/models/operations'
import { limitResetOf, type KeyFigures, type LimitReset } from '../../../preload/contract'
import { AppFailure, isAppFailure } from '../base/app-failure'
import { runWithConcurrency } from '../base/concurrency'
import { ManagementKey, revealManagementKey } from './management-key'
import { authCodeRequestBody, toKeyFigures, type AuthCodeRequest } from './openrouter-gateway'
import { toAppFailure, type OpenRouterOperation, type SdkErrorClasses } from './openrouter-errors'
import { defaultRateLimitPolicy, withRateLimitRetries, type RateLimitPolicy } from './rate-limit'
import { boundedRetries, loadSdk, makeSdkClient, type SdkClientOptions } from './sdk-client'

export { ManagementKey } from './management-key'

/** [DOC] "List the most recent 100 API keys… paginate using the offset parameter". */
export const KEYS_PAGE_SIZE = 100
/** The most the spec allows per /workspaces page. */
export const WORKSPACES_PAGE_SIZE = 100
/** Workspaces listed at once; pages within one workspace are sequential (each depends on the last one's size). */
export const LISTING_CONCURRENCY = 3
/** A guard against a server that never sends a short page. */
const MAX_PAGES = 1000

/** What GET /key says about a pasted key. */
export type KeyCheck =
  | {
      kind: 'management'
      key: ManagementKey
      /** OpenRouter's label for the management key (its masked form or its name). */
      remoteLabel: string
      creatorUserId: string | null
      workspaceId: string | null
    }
  | { kind: 'api-key'; figures: KeyFigures }

export interface Workspace {
  id: string
  name: string
  slug: string
}

/** A key on the account, as /keys describes it. Money in USD; dates ISO 8601. */
export interface AccountKey {
  /** OpenRouter's identifier for the key; whether it is the SHA-256 of the key is UNCONFIRMED. */
  hash: string
  name: string
  /** OpenRouter's label, e.g. the masked key 'sk-or-v1-abc...xyz'. */
  label: string
  disabled: boolean
  limit: number | null
  limitRemaining: number | null
  limitReset: LimitReset | null
  includeByokInLimit: boolean
  usage: number
  usageDaily: number
  usageWeekly: number
  usageMonthly: number
  byokUsage: number
  byokUsageDaily: number
  byokUsageWeekly: number
  byokUsageMonthly: number
  createdAt: string
  updatedAt: string | null
  expiresAt: string | null
  creatorUserId: string | null
  workspaceId: string
}

export interface AccountKeyListing {
  workspaces: Workspace[]
  /** Every key found, deduplicated by hash, in the order OpenRouter listed them. */
  keys: AccountKey[]
  /** True only when the workspaces and every page of every workspace were read. */
  complete: boolean
  /** Set when the workspaces themselves could not be listed (then keys is empty). */
  workspacesError: AppFailure['appError'] | null
  failedWorkspaces: Array<{ workspaceId: string; error: AppFailure['appError'] }>
}

export interface Credits {
  totalCredits: number
  totalUsage: number
}

/** One row of /activity: spend of one day, model and endpoint. */
export interface ActivityRow {
  date: string
  model: string
  modelPermaslug: string
  endpointId: string
  providerName: string
  usage: number
  byokUsageInference: number
  requests: number
  promptTokens: number
  completionTokens: number
  reasoningTokens: number
}

export interface CreateKeyRequest {
  name: string
  limit: number | null
  limitReset: LimitReset | null
  /** Whole seconds, UTC; cannot be changed after creation. */
  expiresAt: Date | null
  includeByokInLimit: boolean
  /** The default workspace when absent. */
  workspaceId?: string
}

export interface CreatedKey {
  /** The plaintext key: OpenRouter sends it in this answer only. */
  secret: string
  /** Null when the answer carried the key but failed the SDK's schema otherwise. */
  key: AccountKey | null
}

/** Only the fields given are changed. The expiry cannot be changed after creation. */
export interface UpdateKeyRequest {
  name?: string
  disabled?: boolean
  limit?: number | null
  limitReset?: LimitReset | null
  includeByokInLimit?: boolean
}

export interface ActivityFilter {
  /** Only this key's rows (its OpenRouter hash). */
  apiKeyHash?: string
  /** One UTC day, YYYY-MM-DD, within the last 30 completed days. */
  date?: string
}

export interface ManagementGateway {
  /**
   * GET /key with a pasted key: a management key comes back wrapped as a ManagementKey, any other key with its
   * figures. 401 → 'key-rejected' (nothing should be stored).
   */
  checkKey(candidate: string): Promise<KeyCheck>
  /** Every workspace, all pages. */
  listWorkspaces(key: ManagementKey): Promise<Workspace[]>
  /** One page of up to 100 keys, disabled ones included; null workspace = OpenRouter's default workspace. */
  listKeysPage(key: ManagementKey, workspaceId: string | null, offset: number): Promise<AccountKey[]>
  /** Workspaces, then each workspace's pages until one has fewer than 100 keys; never throws for a partial listing. */
  listAllKeys(key: ManagementKey): Promise<AccountKeyListing>
  getKey(key: ManagementKey, hash: string): Promise<AccountKey>
  /** Never repeated, not on 5xx, not on 429: a lost answer may mean a key exists, and the failure says so. */
  createKey(key: ManagementKey, request: CreateKeyRequest): Promise<CreatedKey>
  updateKey(key: ManagementKey, hash: string, patch: UpdateKeyRequest): Promise<AccountKey>
  deleteKey(key: ManagementKey, hash: string): Promise<void>
  getCredits(key: ManagementKey): Promise<Credits>
  getActivity(key: ManagementKey, filter?: ActivityFilter): Promise<ActivityRow[]>
  /** create_auth_code signed with the management key, every parameter of the API-key path; never repeated. */
  createAuthCode(key: ManagementKey, request: AuthCodeRequest): Promise<{ code: string }>
}

export interface ManagementGatewayOptions extends SdkClientOptions {
  /** Budget for repeating reads on 5xx/connection errors, and separately for waiting out 429s. */
  retryBudgetMs: number
  rateLimit?: Partial<RateLimitPolicy>
  listingConcurrency?: number
}

/** The key object of list/get/create/update (the SDK has one type per operation, all the same shape). */
export function toAccountKey(data: ListData): AccountKey {
  return {
    hash: data.hash,
    name: data.name,
    label: data.label,
    disabled: data.disabled,
    limit: data.limit,
    limitRemaining: data.limitRemaining,
    limitReset: limitResetOf(data.limitReset),
    includeByokInLimit: data.includeByokInLimit,
    usage: data.usage,
    usageDaily: data.usageDaily,
    usageWeekly: data.usageWeekly,
    usageMonthly: data.usageMonthly,
    byokUsage: data.byokUsage,
    byokUsageDaily: data.byokUsageDaily,
    byokUsageWeekly: data.byokUsageWeekly,
    byokUsageMonthly: data.byokUsageMonthly,
    createdAt: data.createdAt,
    updatedAt: data.updatedAt,
    expiresAt: data.expiresAt ? data.expiresAt.toISOString() : null,
    creatorUserId: data.creatorUserId,
    workspaceId: data.workspaceId,
  }
}

function toActivityRow(item: ActivityItem): ActivityRow {
  return {
    date: item.date,
    model: item.model,
    modelPermaslug: item.modelPermaslug,
    endpointId: item.endpointId,
    providerName: item.providerName,
    usage: item.usage,
    byokUsageInference: item.byokUsageInference,
    requests: item.requests,
    promptTokens: item.promptTokens,
    completionTokens: item.completionTokens,
    reasoningTokens: item.reasoningTokens,
  }
}

function isManagement(data: GetCurrentKeyData): boolean {
  // is_provisioning_key is the deprecated name of the same flag.
  return data.isManagementKey || data.isProvisioningKey
}

export function createManagementGateway(options: ManagementGatewayOptions): ManagementGateway {
  const readRetries = { retries: boundedRetries(options.retryBudgetMs), retryCodes: ['5XX'] }
  const noRetries = { retries: { strategy: 'none' as const } }
  const rateLimit = defaultRateLimitPolicy(options.retryBudgetMs, options.rateLimit)
  const concurrency = Math.max(1, options.listingConcurrency ?? LISTING_CONCURRENCY)

  // One client per management key, reused across pages: building one per request showed in the listing's cost.
  const clients = new WeakMap<ManagementKey, OpenRouter>()
  const clientFor = async (bearer: string): Promise<{ client: OpenRouter; errors: SdkErrorClasses }> => {
    const { sdk, errors } = await loadSdk()
    return { client: makeSdkClient(sdk, options, bearer), errors }
  }
  const managementClient = async (key: ManagementKey): Promise<{ client: OpenRouter; errors: SdkErrorClasses }> => {
    const { sdk, errors } = await loadSdk()
    let client = clients.get(key)
    if (!client) {
      client = makeSdkClient(sdk, options, revealManagementKey(key))
      clients.set(key, client)
    }
    return { client, errors }
  }

  /** A call that is safe to repeat: 5xx retried by the SDK within the budget, 429 waited out (bounded). */
  const read = async <T>(key: ManagementKey, run: (client: OpenRouter) => Promise<T>): Promise<T> => {
    const { client, errors } = await managementClient(key)
    try {
      return await withRateLimitRetries(rateLimit, errors, () => run(client))
    } catch (error) {
      throw toAppFailure('management', error, errors, rateLimit.now())
    }
  }

  /** A call that creates or changes something: sent once; its failure is reported as it is. */
  const once = async <T>(operation: OpenRouterOperation, key: ManagementKey, run: (client: OpenRouter) => Promise<T>): Promise<T> => {
    const { client, errors } = await managementClient(key)
    try {
      return await run(client)
    } catch (error) {
      throw toAppFailure(operation, error, errors, rateLimit.now())
    }
  }

  const listWorkspaces = async (key: ManagementKey): Promise<Workspace[]> => {
    const workspaces: Workspace[] = []
    for (let page = 0, offset = 0; page < MAX_PAGES; page += 1) {
      const response = await read(key, (client) => client.workspaces.list({ offset, limit: WORKSPACES_PAGE_SIZE }, readRetries))
      const { data, totalCount } = response.result
      workspaces.push(...data.map(({ id, name, slug }) => ({ id, name, slug })))
      offset += data.length
      if (data.length < WORKSPACES_PAGE_SIZE || offset >= totalCount) break
    }
    return workspaces
  }

  const listKeysPage = async (key: ManagementKey, workspaceId: string | null, offset: number): Promise<AccountKey[]> => {
    const response = await read(key, (client) =>
      client.apiKeys.list({ includeDisabled: true, offset, ...(workspaceId === null ? {} : { workspaceId }) }, readRetries),
    )
    return response.data.map(toAccountKey)
  }

  /** A workspace's keys, page by page, continuing after `firstPages` when they are already known. */
  const listWorkspaceKeys = async (key: ManagementKey, workspaceId: string, firstPages: AccountKey[] | null = null): Promise<AccountKey[]> => {
    const keys: AccountKey[] = [...(firstPages ?? [])]
    if (firstPages !== null && firstPages.length < KEYS_PAGE_SIZE) return keys
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const batch = await listKeysPage(key, workspaceId, keys.length)
      keys.push(...batch)
      if (batch.length < KEYS_PAGE_SIZE) return keys
    }
    throw new AppFailure('bad-response', 'OpenRouter kept sending full pages of keys.', 'Try again later.')
  }

  return {
    async checkKey(candidate) {
      const { client, errors } = await clientFor(candidate)
      try {
        const response = await withRateLimitRetries(rateLimit, errors, () => client.apiKeys.getCurrentKeyMetadata(undefined, readRetries))
        const data = response.data
        if (!isManagement(data)) return { kind: 'api-key', figures: toKeyFigures(data) }
        return {
          kind: 'management',
          key: ManagementKey.fromSecret(candidate),
          remoteLabel: data.label,
          creatorUserId: data.creatorUserId,
          workspaceId: data.workspaceId,
        }
      } catch (error) {
        throw toAppFailure('check-key', error, errors, rateLimit.now())
      }
    },

    listWorkspaces,
    listKeysPage,

    async listAllKeys(key) {
      // The default workspace's first page needs no workspace id: fetch it while the workspaces are listed, so a
      // one-workspace account costs one round trip per page and no more. Its keys name the default workspace.
      const [listed, defaultFirstPage] = await Promise.allSettled([listWorkspaces(key), listKeysPage(key, null, 0)])
      if (listed.status === 'rejected') {
        return { workspaces: [], keys: [], complete: false, workspacesError: appErrorOf(listed.reason), failedWorkspaces: [] }
      }
      const workspaces = listed.value
      const prefetched = defaultFirstPage.status === 'fulfilled' ? defaultFirstPage.value : []
      const defaultId = prefetched[0]?.workspaceId
      // Used only when every key of the page names one listed workspace; otherwise that workspace is listed anew.
      const usable = defaultId !== undefined && prefetched.every((item) => item.workspaceId === defaultId) && workspaces.some(({ id }) => id === defaultId)
      const perWorkspace = new Map<string, AccountKey[]>()
      const failedWorkspaces: AccountKeyListing['failedWorkspaces'] = []
      await runWithConcurrency(workspaces, concurrency, async (workspace) => {
        try {
          perWorkspace.set(workspace.id, await listWorkspaceKeys(key, workspace.id, usable && workspace.id === defaultId ? prefetched : null))
        } catch (error) {
          failedWorkspaces.push({ workspaceId: workspace.id, error: appErrorOf(error) })
        }
      })
      const byHash = new Map<string, AccountKey>()
      for (const workspace of workspaces) {
        for (const accountKey of perWorkspace.get(workspace.id) ?? []) {
          if (!byHash.has(accountKey.hash)) byHash.set(accountKey.hash, accountKey)
        }
      }
      // An account always has a workspace; none listed means the listing cannot be trusted to be complete.
      const complete = failedWorkspaces.length === 0 && workspaces.length > 0
      return { workspaces, keys: [...byHash.values()], complete, workspacesError: null, failedWorkspaces }
    },

    async getKey(key, hash) {
      const response = await read(key, (client) => client.apiKeys.get({ hash }, readRetries))
      return toAccountKey(response.data)
    },

    async createKey(key, request) {
      const { client, errors } = await managementClient(key)
      try {
        const response = await client.apiKeys.create(
          {
            requestBody: {
              name: request.name,
              limit: request.limit,
              limitReset: request.limitReset,
              expiresAt: request.expiresAt,
              includeByokInLimit: request.includeByokInLimit,
              ...(request.workspaceId === undefined ? {} : { workspaceId: request.workspaceId }),
            },
          },
          noRetries,
        )
        return { secret: response.key, key: toAccountKey(response.data) }
      } catch (error) {
        // The plaintext comes back once: a 201 that breaks the SDK's schema elsewhere still carries it.
        const recovered = keyFromInvalidCreate(error, errors)
        if (recovered) return { secret: recovered, key: null }
        throw toAppFailure('management-create', error, errors, rateLimit.now())
      }
    },

    async updateKey(key, hash, patch) {
      const response = await once('management', key, (client) => client.apiKeys.update({ hash, requestBody: patch }, noRetries))
      return toAccountKey(response.data)
    },

    async deleteKey(key, hash) {
      await once('management', key, (client) => client.apiKeys.delete({ hash }, noRetries))
    },

    async getCredits(key) {
      const response = await read(key, (client) => client.credits.getCredits(undefined, readRetries))
      return { totalCredits: response.data.totalCredits, totalUsage: response.data.totalUsage }
    },

    async getActivity(key, filter = {}) {
      const response = await read(key, (client) =>
        client.analytics.getUserActivity(
          {
            ...(filter.apiKeyHash === undefined ? {} : { apiKeyHash: filter.apiKeyHash }),
            ...(filter.date === undefined ? {} : { date: filter.date }),
          },
          readRetries,
        ),
      )
      return response.data.map(toActivityRow)
    },

    createAuthCode(key, request) {
      return once('management-create-code', key, async (client) => {
        const response = await client.oAuth.createAuthCode({ requestBody: authCodeRequestBody(request) }, noRetries)
        return { code: response.data.id }
      })
    },
  }
}

function appErrorOf(error: unknown): AppFailure['appError'] {
  return isAppFailure(error) ? error.appError : { code: 'internal', message: 'Something went wrong listing the keys.', hint: 'Try again.' }
}

/**
 * The plaintext key from a create answer the SDK refused: a 201 whose key object breaks its schema, or a 2xx
 * other than the documented 201 (the SDK treats that as an error). Either way the key exists and is shown once.
 */
function keyFromInvalidCreate(error: unknown, errors: SdkErrorClasses): string | null {
  let raw: unknown = null
  if (error instanceof errors.ResponseValidationError) raw = error.rawValue
  else if (error instanceof errors.OpenRouterError && error.statusCode >= 200 && error.statusCode < 300) {
    try {
      raw = JSON.parse(error.body)
    } catch {
      return null
    }
  }
  if (raw && typeof raw === 'object' && 'key' in raw && typeof raw.key === 'string' && /^sk-or-[A-Za-z0-9_-]{16,200}$/.test(raw.key)) return raw.key
  return null
}

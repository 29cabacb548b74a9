// Every OpenRouter call goes through @openrouter/sdk here, with the app's own safety settings:
// bounded retries and timeouts (the SDK default retries for an hour), no bearer taken from the environment,
// and no SDK debug logging (it would print headers).
import type { HTTPClient, OpenRouter } from '@openrouter/sdk'
import type { RetryConfig } from '@openrouter/sdk/lib/retries.js'
import type { GetCurrentKeyData } from '@openrouter/sdk/models/operations'
import type { KeyFigures, LimitReset } from '../../preload/contract'
import { AppFailure } from './app-failure'
import { toAppFailure, type OpenRouterOperation, type SdkErrorClasses } from './openrouter-errors'

type SdkModule = typeof import('@openrouter/sdk')

/** The SDK is imported on first use, not at start-up: importing it takes most of a second. */
let sdkModules: Promise<{ sdk: SdkModule; errors: SdkErrorClasses }> | null = null
export function loadSdk(): Promise<{ sdk: SdkModule; errors: SdkErrorClasses }> {
  sdkModules ??= Promise.all([import('@openrouter/sdk'), import('@openrouter/sdk/models/errors')]).then(([sdk, errors]) => ({ sdk, errors }))
  return sdkModules
}

export interface ExchangeResult {
  key: string
  userId: string | null
}

export interface AuthCodeRequest {
  callbackUrl: string
  codeChallenge: string
  label: string
  limit: number
  limitReset: LimitReset | null
  expiresAt: Date | null
}

export interface OpenRouterGateway {
  readonly origin: string
  authorizationUrl(params: { callbackUrl: string; codeChallenge: string; limit?: number }): Promise<string>
  /**
   * No AbortSignal on purpose: the SDK drops its per-request timeout when given one. A cancelled flow lets an
   * exchange in flight finish and keeps the key (it exists on OpenRouter by then).
   */
  exchangeCode(params: { code: string; codeVerifier: string }): Promise<ExchangeResult>
  getKeyFigures(key: string): Promise<KeyFigures>
  createAuthCode(bearerKey: string, request: AuthCodeRequest): Promise<{ code: string }>
}

export interface GatewayOptions {
  apiBaseUrl: string
  httpTimeoutMs: number
  retryBudgetMs: number
}

const silentDebugLogger = { log: () => {}, group: () => {}, groupEnd: () => {} }

/** An HTTP client that sends exactly the Authorization the app chose: none for anonymous calls. */
function httpClientWithoutAmbientAuth(sdk: SdkModule, anonymous: boolean): HTTPClient {
  const client = new sdk.HTTPClient()
  client.addHook('beforeRequest', (request) => {
    if (!anonymous) return request
    const headers = new Headers(request.headers)
    headers.delete('authorization')
    return new Request(request, { headers })
  })
  return client
}

export function createOpenRouterGateway(options: GatewayOptions): OpenRouterGateway {
  const exchangeRetries: RetryConfig =
    options.retryBudgetMs > 0
      ? {
          strategy: 'backoff',
          backoff: { initialInterval: 500, maxInterval: 4000, exponent: 1.5, maxElapsedTime: options.retryBudgetMs },
          retryConnectionErrors: true,
        }
      : { strategy: 'none' }

  const makeClient = (sdk: SdkModule, bearer: string | null): OpenRouter =>
    new sdk.OpenRouter({
      serverURL: options.apiBaseUrl,
      // An explicit empty key stops the SDK from falling back to OPENROUTER_API_KEY from the environment.
      apiKey: bearer ?? '',
      httpClient: httpClientWithoutAmbientAuth(sdk, bearer === null),
      timeoutMs: options.httpTimeoutMs,
      retryConfig: { strategy: 'none' },
      debugLogger: silentDebugLogger,
    })

  let anonymousClient: OpenRouter | null = null
  const anonymous = async () => {
    const { sdk } = await loadSdk()
    anonymousClient ??= makeClient(sdk, null)
    return anonymousClient
  }
  const withBearer = async (key: string) => makeClient((await loadSdk()).sdk, key)

  const call = async <T>(operation: OpenRouterOperation, run: () => Promise<T>): Promise<T> => {
    const { errors } = await loadSdk()
    try {
      return await run()
    } catch (error) {
      throw toAppFailure(operation, error, errors)
    }
  }

  return {
    origin: new URL(options.apiBaseUrl).origin,

    async authorizationUrl({ callbackUrl, codeChallenge, limit }) {
      const url = await (await anonymous()).oAuth.createAuthorizationUrl({
        callbackUrl,
        codeChallenge,
        codeChallengeMethod: 'S256',
        ...(limit === undefined ? {} : { limit }),
      })
      return url
    },

    exchangeCode({ code, codeVerifier }) {
      return call('exchange', async () => {
        const response = await (await anonymous()).oAuth.exchangeAuthCodeForAPIKey(
          { requestBody: { code, codeVerifier, codeChallengeMethod: 'S256' } },
          { retries: exchangeRetries, retryCodes: ['5XX'] },
        )
        if (typeof response.key !== 'string' || response.key.length === 0) {
          throw new AppFailure('bad-response', 'OpenRouter answered without a key.', 'Start the connection again.')
        }
        return { key: response.key, userId: response.userId }
      })
    },

    getKeyFigures(key) {
      return call('key', async () => {
        const response = await (await withBearer(key)).apiKeys.getCurrentKeyMetadata()
        return toKeyFigures(response.data)
      })
    },

    createAuthCode(bearerKey, request) {
      return call('create-code', async () => {
        const response = await (await withBearer(bearerKey)).oAuth.createAuthCode({
          requestBody: {
            callbackUrl: request.callbackUrl,
            codeChallenge: request.codeChallenge,
            codeChallengeMethod: 'S256',
            keyLabel: request.label,
            limit: request.limit,
            ...(request.limitReset === null ? {} : { usageLimitType: request.limitReset }),
            ...(request.expiresAt === null ? {} : { expiresAt: request.expiresAt }),
          },
        })
        return { code: response.data.id }
      })
    },
  }
}

const LIMIT_RESETS = new Set<string>(['daily', 'weekly', 'monthly'])

export function toKeyFigures(data: GetCurrentKeyData): KeyFigures {
  const reset = data.limitReset !== null && LIMIT_RESETS.has(data.limitReset) ? (data.limitReset as LimitReset) : null
  return {
    remoteLabel: data.label,
    limit: data.limit,
    limitRemaining: data.limitRemaining,
    limitReset: reset,
    usage: data.usage,
    usageDaily: data.usageDaily,
    usageWeekly: data.usageWeekly,
    usageMonthly: data.usageMonthly,
    byokUsage: data.byokUsage,
    byokUsageMonthly: data.byokUsageMonthly,
    includeByokInLimit: data.includeByokInLimit,
    isFreeTier: data.isFreeTier,
    freeModelDailyRequests: data.freeModelDailyRequests
      ? {
          limit: data.freeModelDailyRequests.limit,
          remaining: data.freeModelDailyRequests.remaining,
          used: data.freeModelDailyRequests.used,
        }
      : null,
    expiresAt: data.expiresAt ? data.expiresAt.toISOString() : null,
    creatorUserId: data.creatorUserId,
  }
}

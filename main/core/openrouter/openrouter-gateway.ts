// Every OpenRouter call made with an API key (or none) goes through @openrouter/sdk here, with the app's own
// safety settings from sdk-client.ts. The management key has its own client: management-gateway.ts.
import type { OpenRouter } from '@openrouter/sdk'
import type { CreateAuthKeysCodeRequestBody, GetCurrentKeyData } from '@openrouter/sdk/models/operations'
import { limitResetOf, type KeyFigures, type LimitReset } from '../../../preload/contract'
import { AppFailure } from '../base/app-failure'
import { toAppFailure, type OpenRouterOperation, type SdkErrorClasses } from './openrouter-errors'
import { cleanLabel } from '../keys/labels'
import { defaultRateLimitPolicy, withRateLimitRetries, type RateLimitPolicy } from './rate-limit'
import { boundedRetries, loadSdk, makeSdkClient, type SdkModule } from './sdk-client'

export { loadSdk } from './sdk-client'

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
  /** How 429s are waited out on GET /key; tests inject the clock and sleep. */
  rateLimit?: Partial<RateLimitPolicy>
}

export function createOpenRouterGateway(options: GatewayOptions): OpenRouterGateway {
  const exchangeRetries = boundedRetries(options.retryBudgetMs)
  const rateLimit = defaultRateLimitPolicy(options.retryBudgetMs, options.rateLimit)
  const makeClient = (sdk: SdkModule, bearer: string | null, onAttempt?: () => void): OpenRouter => makeSdkClient(sdk, options, bearer, onAttempt)

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
      throw toAppFailure(operation, error, errors, rateLimit.now())
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

    async exchangeCode({ code, codeVerifier }) {
      const { sdk, errors } = await loadSdk()
      let attempts = 0
      const client = makeClient(sdk, null, () => (attempts += 1))
      try {
        const response = await client.oAuth.exchangeAuthCodeForAPIKey(
          { requestBody: { code, codeVerifier, codeChallengeMethod: 'S256' } },
          { retries: exchangeRetries, retryCodes: ['5XX'] },
        )
        if (typeof response.key !== 'string' || response.key.length === 0) {
          throw new AppFailure('bad-response', 'OpenRouter answered without a key.', 'Start the connection again.')
        }
        return { key: response.key, userId: response.userId }
      } catch (error) {
        // A 200 whose other fields break the schema still carries the key: keep it rather than lose it.
        const recovered = keyFromInvalidResponse(error, errors)
        if (recovered) return recovered
        const failure = toAppFailure('exchange', error, errors)
        if (failure.appError.code === 'code-rejected' && attempts > 1) {
          // The code is single use: a retry is refused if an earlier attempt reached OpenRouter and made a key.
          throw new AppFailure(
            'code-rejected',
            'OpenRouter refused the code on a retry; an earlier attempt may already have created a key.',
            'Check your keys on OpenRouter and revoke any you do not recognise, then connect again.',
            { cause: error },
          )
        }
        throw failure
      }
    },

    getKeyFigures(key) {
      return call('key', async () => {
        const client = await withBearer(key)
        const { errors } = await loadSdk()
        // A read, safe to repeat: a 429 is waited out (bounded), then reported with its retryAt.
        const response = await withRateLimitRetries(rateLimit, errors, () => client.apiKeys.getCurrentKeyMetadata())
        return toKeyFigures(response.data)
      })
    },

    createAuthCode(bearerKey, request) {
      return call('create-code', async () => {
        const response = await (await withBearer(bearerKey)).oAuth.createAuthCode({ requestBody: authCodeRequestBody(request) })
        return { code: response.data.id }
      })
    },
  }
}

/** create_auth_code's body, shared with the management key's path so both send every parameter. */
export function authCodeRequestBody(request: AuthCodeRequest): CreateAuthKeysCodeRequestBody {
  return {
    callbackUrl: request.callbackUrl,
    codeChallenge: request.codeChallenge,
    codeChallengeMethod: 'S256',
    keyLabel: request.label,
    limit: request.limit,
    ...(request.limitReset === null ? {} : { usageLimitType: request.limitReset }),
    ...(request.expiresAt === null ? {} : { expiresAt: request.expiresAt }),
  }
}

export function toKeyFigures(data: GetCurrentKeyData): KeyFigures {
  return {
    remoteLabel: cleanLabel(data.label),
    limit: data.limit,
    limitRemaining: data.limitRemaining,
    limitReset: limitResetOf(data.limitReset),
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

/** The key from a 200 answer that failed the SDK's schema (e.g. no user_id), when the body really has one. */
function keyFromInvalidResponse(error: unknown, errors: SdkErrorClasses): ExchangeResult | null {
  if (!(error instanceof errors.ResponseValidationError)) return null
  const raw: unknown = error.rawValue
  if (raw && typeof raw === 'object' && 'key' in raw && typeof raw.key === 'string' && /^sk-or-[A-Za-z0-9_-]{16,200}$/.test(raw.key)) {
    const userId = 'user_id' in raw && typeof raw.user_id === 'string' ? raw.user_id : null
    return { key: raw.key, userId }
  }
  return null
}

// One place that builds @openrouter/sdk clients with the app's safety settings, shared by the API-key gateway
// and the management gateway: no bearer taken from the environment (OPENROUTER_API_KEY), a per-request timeout,
// no SDK-level retries unless a call asks for them (the SDK default retries for an hour), no debug logging even
// with OPENROUTER_DEBUG set (it would print headers).
import type { HTTPClient, OpenRouter } from '@openrouter/sdk'
import type { RetryConfig } from '@openrouter/sdk/lib/retries.js'
import type { SdkErrorClasses } from './openrouter-errors'

export type SdkModule = typeof import('@openrouter/sdk')

/** The SDK is imported on first use, not at start-up: importing it takes most of a second. */
let sdkModules: Promise<{ sdk: SdkModule; errors: SdkErrorClasses }> | null = null
/** Whether OPENROUTER_DEBUG asks the SDK to print every request and response (headers included) to the console. */
let debugRequestedByEnvironment = true
export function loadSdk(): Promise<{ sdk: SdkModule; errors: SdkErrorClasses }> {
  sdkModules ??= Promise.all([import('@openrouter/sdk'), import('@openrouter/sdk/models/errors'), import('@openrouter/sdk/lib/env.js')]).then(
    ([sdk, errors, sdkEnvironment]) => {
      // The SDK's own reading of the environment (it is read once and kept), so the answer is the one it will use.
      try {
        debugRequestedByEnvironment = sdkEnvironment.env().OPENROUTER_DEBUG === true
      } catch {
        debugRequestedByEnvironment = true // unreadable: silence it anyway
      }
      return { sdk, errors }
    },
  )
  return sdkModules
}

export interface SdkClientOptions {
  apiBaseUrl: string
  httpTimeoutMs: number
}

const silentDebugLogger = { log: () => {}, group: () => {}, groupEnd: () => {} }

/**
 * An anonymous request as sent: without any Authorization header. The SDK adds none for an empty key today; this
 * guards against one that would. The request is rebuilt only when there is a header to drop (rebuilding copies the
 * body, a measurable part of the exchange).
 */
export function withoutAuthorization(request: Request): Request {
  if (!request.headers.has('authorization')) return request
  const headers = new Headers(request.headers)
  headers.delete('authorization')
  return new Request(request, { headers })
}

/**
 * An HTTP client that sends exactly the Authorization the app chose (none for anonymous calls) and gives each
 * attempt `timeoutMs`. The timeout is the fetch's own signal rather than the SDK's `timeoutMs`, which rebuilds every
 * request to attach its signal, copying the body: 0.13 ms of a 1.4 ms exchange here, twice on the connect path. An
 * attempt that times out fails with a TimeoutError, which the SDK reports as its RequestTimeoutError, as before.
 */
function httpClientWithoutAmbientAuth(sdk: SdkModule, anonymous: boolean, timeoutMs: number, onAttempt?: () => void): HTTPClient {
  // The app never passes its own AbortSignal (see OpenRouterGateway.exchangeCode), so there is none to combine.
  const client = new sdk.HTTPClient({ fetcher: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) }) })
  client.addHook('beforeRequest', (request) => {
    onAttempt?.()
    return anonymous ? withoutAuthorization(request) : request
  })
  return client
}

/** A client whose bearer is `bearer`, or none at all when it is null. */
export function makeSdkClient(sdk: SdkModule, options: SdkClientOptions, bearer: string | null, onAttempt?: () => void): OpenRouter {
  return new sdk.OpenRouter({
    serverURL: options.apiBaseUrl,
    // An explicit empty key stops the SDK from falling back to OPENROUTER_API_KEY from the environment.
    apiKey: bearer ?? '',
    httpClient: httpClientWithoutAmbientAuth(sdk, bearer === null, options.httpTimeoutMs, onAttempt),
    retryConfig: { strategy: 'none' },
    // Only where OPENROUTER_DEBUG would make the SDK print to the console: any debug logger, even a silent one, makes
    // the SDK copy and parse every request and response body (a tenth of a connect).
    ...(debugRequestedByEnvironment ? { debugLogger: silentDebugLogger } : {}),
  })
}

/** Bounded backoff for calls that are safe to repeat (5xx and connection errors); none when the budget is 0. */
export function boundedRetries(retryBudgetMs: number): RetryConfig {
  return retryBudgetMs > 0
    ? {
        strategy: 'backoff',
        backoff: { initialInterval: 500, maxInterval: 4000, exponent: 1.5, maxElapsedTime: retryBudgetMs },
        retryConnectionErrors: true,
      }
    : { strategy: 'none' }
}

// Shared by the double's own tests: a fresh double per test on an injectable clock, raw HTTP helpers, and an
// SDK client that never picks up credentials from the environment.
import { OpenRouter } from '@openrouter/sdk'
import { afterEach, beforeEach } from 'vitest'
import { startOpenRouterDouble } from './server'
import type { OpenRouterDouble } from './types'

// The SDK sends `Authorization: Bearer $OPENROUTER_API_KEY` whenever that is set (api-facts §6.3) and reads
// it once; clearing it before any SDK call keeps every test independent of the machine's environment.
delete process.env['OPENROUTER_API_KEY']

/** RFC 7636 Appendix B: a verifier and its S256 challenge, computed independently of the double. */
export const RFC_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'
export const RFC_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'

export const T0 = Date.parse('2026-11-26T12:00:00Z')
export const MINUTE = 60_000

export interface DoubleFixture {
  readonly double: OpenRouterDouble
  /** The double's clock in ms; tests move it forward. */
  clock: number
}

/** Registers hooks that start a double before each test and close it after. */
export function useDouble(): DoubleFixture {
  let current: OpenRouterDouble | null = null
  const fixture = {
    clock: T0,
    get double(): OpenRouterDouble {
      if (!current) throw new Error('the double is only available inside a test')
      return current
    },
  }
  beforeEach(async () => {
    delete process.env['OPENROUTER_API_KEY']
    fixture.clock = T0
    current = await startOpenRouterDouble({ now: () => fixture.clock })
  })
  afterEach(async () => {
    await current?.close()
    current = null
  })
  return fixture
}

export interface RawResponse {
  status: number
  contentType: string | null
  headers: Headers
  text: string
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown
}

export async function toRaw(response: Response): Promise<RawResponse> {
  const text = await response.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: response.status, contentType: response.headers.get('content-type'), headers: response.headers, text, json }
}

export interface CallInit {
  method?: string
  body?: unknown
  bearer?: string
  headers?: Record<string, string>
}

/** A raw request to `apiBaseUrl + path`, JSON in, RawResponse out. */
export async function callApi(double: OpenRouterDouble, path: string, init: CallInit = {}): Promise<RawResponse> {
  const headers: Record<string, string> = { ...init.headers }
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  if (init.bearer !== undefined) headers['authorization'] = `Bearer ${init.bearer}`
  const response = await fetch(`${double.apiBaseUrl}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    ...(init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
  })
  return toRaw(response)
}

export function exchange(double: OpenRouterDouble, body: Record<string, unknown>): Promise<RawResponse> {
  return callApi(double, '/auth/keys', { method: 'POST', body })
}

/** An SDK client against the double; no retries, so an injected 5xx is seen once. */
export function sdkClient(double: OpenRouterDouble, apiKey?: string): OpenRouter {
  return new OpenRouter({ serverURL: double.apiBaseUrl, retryConfig: { strategy: 'none' }, ...(apiKey === undefined ? {} : { apiKey }) })
}

/** Resolves to 'pending' if `promise` has not settled within `ms`. */
export async function settledWithin(promise: Promise<unknown>, ms: number): Promise<'settled' | 'pending'> {
  let timer: NodeJS.Timeout | undefined
  const pending = new Promise<'pending'>((resolve) => {
    timer = setTimeout(() => resolve('pending'), ms)
  })
  const settled = promise.then(
    () => 'settled' as const,
    () => 'settled' as const,
  )
  try {
    return await Promise.race([settled, pending])
  } finally {
    clearTimeout(timer)
  }
}

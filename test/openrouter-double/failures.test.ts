// Fault injection: each failure kind on each of the three routes, as raw HTTP and as the SDK surfaces it,
// plus the one-shot / persistent semantics of failNext and setFailure.
import {
  ConnectionError,
  InternalServerResponseError,
  OpenRouterDefaultError,
  RequestTimeoutError,
  ResponseValidationError,
} from '@openrouter/sdk/models/errors'
import { describe, expect, it } from 'vitest'
import { loadSpecValidator } from './spec-validator'
import { callApi, RFC_CHALLENGE, RFC_VERIFIER, sdkClient, settledWithin, toRaw, useDouble, type DoubleFixture } from './test-support'
import type { Route } from './types'

/** The OAuth-path routes; the management routes' faults are in management-failures.test.ts. */
type OAuthRoute = Extract<Route, 'exchange' | 'create-code' | 'key'>

const fixture = useDouble()
const spec = loadSpecValidator()

/** A request that would succeed with 200 if nothing were injected. */
function goodRequest({ double }: DoubleFixture, route: OAuthRoute): Promise<Response> {
  switch (route) {
    case 'exchange': {
      const code = double.issueCode({ codeChallenge: RFC_CHALLENGE, codeChallengeMethod: 'S256' })
      return fetch(`${double.apiBaseUrl}/auth/keys`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, code_verifier: RFC_VERIFIER, code_challenge_method: 'S256' }),
      })
    }
    case 'create-code':
      return fetch(`${double.apiBaseUrl}/auth/keys/code`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${double.createKey()}` },
        body: JSON.stringify({ callback_url: 'http://localhost:3000/cb' }),
      })
    case 'key':
      return fetch(`${double.apiBaseUrl}/key`, { headers: { authorization: `Bearer ${double.createKey()}` } })
  }
}

const SPEC_PATHS: Record<OAuthRoute, ['/auth/keys' | '/auth/keys/code' | '/key', 'get' | 'post']> = {
  exchange: ['/auth/keys', 'post'],
  'create-code': ['/auth/keys/code', 'post'],
  key: ['/key', 'get'],
}
const ROUTES: OAuthRoute[] = ['exchange', 'create-code', 'key']

describe.each(ROUTES)('route %s', (route) => {
  it('status: the chosen status, enveloped, with the given or the spec’s default message', async () => {
    fixture.double.failNext(route, { kind: 'status', status: 502, message: 'Upstream fell over' })
    expect(await toRaw(await goodRequest(fixture, route))).toMatchObject({
      status: 502,
      contentType: 'application/json',
      json: { error: { code: 502, message: 'Upstream fell over' } },
    })
    fixture.double.failNext(route, { kind: 'status', status: 409 })
    expect((await toRaw(await goodRequest(fixture, route))).json).toEqual({ error: { code: 409, message: 'Resource conflict. Please try again later.' } })
    expect((await goodRequest(fixture, route)).status).toBe(200)
  })

  it('hang: accepted, never answered, ended by close()', async () => {
    fixture.double.failNext(route, { kind: 'hang' })
    const pending = goodRequest(fixture, route)
    expect(await settledWithin(pending, 300)).toBe('pending')
    await fixture.double.close()
    await expect(pending).rejects.toThrow()
  })

  it('reset: the socket is destroyed without a response', async () => {
    fixture.double.failNext(route, { kind: 'reset' })
    await expect(goodRequest(fixture, route)).rejects.toThrow(/fetch failed/)
    expect((await goodRequest(fixture, route)).status).toBe(200)
  })

  it('malformed-json: 200, application/json, a body that does not parse', async () => {
    fixture.double.failNext(route, { kind: 'malformed-json' })
    const response = await toRaw(await goodRequest(fixture, route))
    expect(response).toMatchObject({ status: 200, contentType: 'application/json', json: undefined })
    expect(() => JSON.parse(response.text)).toThrow(SyntaxError)
  })

  it('non-json: 200 with an HTML body', async () => {
    fixture.double.failNext(route, { kind: 'non-json' })
    const response = await toRaw(await goodRequest(fixture, route))
    expect(response.status).toBe(200)
    expect(response.contentType).toMatch(/^text\/html/)
    expect(response.text).toContain('<html>')
  })

  it('schema-violation: 200 JSON that the spec rejects', async () => {
    fixture.double.failNext(route, { kind: 'schema-violation' })
    const response = await toRaw(await goodRequest(fixture, route))
    expect(response).toMatchObject({ status: 200, contentType: 'application/json' })
    expect(response.json).toBeTypeOf('object')
    const [path, method] = SPEC_PATHS[route]
    expect(spec.validateResponse(path, method, 200, response.json)).not.toEqual([])
  })

  it('failNext(…, n) fails exactly the next n requests; a persistent failure stays until cleared', async () => {
    const { double } = fixture
    double.failNext(route, { kind: 'status', status: 500 }, 3)
    const statuses: number[] = []
    for (let index = 0; index < 4; index += 1) statuses.push((await goodRequest(fixture, route)).status)
    expect(statuses).toEqual([500, 500, 500, 200])
    double.setFailure(route, { kind: 'status', status: 503 })
    double.failNext(route, { kind: 'status', status: 400 }) // one-shot failures go first
    expect((await goodRequest(fixture, route)).status).toBe(400)
    expect((await goodRequest(fixture, route)).status).toBe(503)
    expect((await goodRequest(fixture, route)).status).toBe(503)
    double.setFailure(route, null)
    expect((await goodRequest(fixture, route)).status).toBe(200)
  })
})

describe('scope', () => {
  it('a failure on one route leaves the others and /credits alone', async () => {
    const { double } = fixture
    double.setFailure('key', { kind: 'status', status: 500 })
    expect((await goodRequest(fixture, 'exchange')).status).toBe(200)
    expect((await goodRequest(fixture, 'create-code')).status).toBe(200)
    expect((await callApi(double, '/credits', { bearer: double.createKey() })).status).toBe(403)
    expect((await goodRequest(fixture, 'key')).status).toBe(500)
  })

  it('a failed exchange does not consume the code or create a key', async () => {
    const { double } = fixture
    const code = double.issueCode({ codeChallenge: RFC_CHALLENGE, codeChallengeMethod: 'S256' })
    const body = { code, code_verifier: RFC_VERIFIER, code_challenge_method: 'S256' }
    double.failNext('exchange', { kind: 'status', status: 500 })
    expect((await callApi(double, '/auth/keys', { body })).status).toBe(500)
    expect(double.keys()).toEqual([])
    expect((await callApi(double, '/auth/keys', { body })).status).toBe(200)
  })

  it('refuses a non-positive count', () => {
    expect(() => fixture.double.failNext('key', { kind: 'reset' }, 0)).toThrow(RangeError)
  })
})

describe('as the SDK sees each kind (api-facts §6.4)', () => {
  it('status → the typed error the SDK maps that status to on that operation', async () => {
    const { double } = fixture
    const sdk = sdkClient(double, double.createKey())
    double.failNext('key', { kind: 'status', status: 500 })
    await expect(sdk.apiKeys.getCurrentKeyMetadata()).rejects.toMatchObject({ constructor: InternalServerResponseError, statusCode: 500 })
    double.failNext('key', { kind: 'status', status: 503 })
    // getCurrentKeyMetadata maps only 401 and 500 to typed classes; anything else is the default error.
    await expect(sdk.apiKeys.getCurrentKeyMetadata()).rejects.toMatchObject({ constructor: OpenRouterDefaultError, statusCode: 503 })
  })

  it('reset → ConnectionError; hang → RequestTimeoutError', async () => {
    const { double } = fixture
    const sdk = sdkClient(double, double.createKey())
    double.failNext('key', { kind: 'reset' })
    await expect(sdk.apiKeys.getCurrentKeyMetadata()).rejects.toBeInstanceOf(ConnectionError)
    double.failNext('key', { kind: 'hang' })
    await expect(sdk.apiKeys.getCurrentKeyMetadata({}, { timeoutMs: 200 })).rejects.toBeInstanceOf(RequestTimeoutError)
  })

  it('malformed-json → SyntaxError; non-json → OpenRouterDefaultError; schema-violation → ResponseValidationError', async () => {
    const { double } = fixture
    const sdk = sdkClient(double)
    const exchangeOnce = () => {
      const code = double.issueCode({})
      return sdk.oAuth.exchangeAuthCodeForAPIKey({ requestBody: { code } })
    }
    double.failNext('exchange', { kind: 'malformed-json' })
    await expect(exchangeOnce()).rejects.toBeInstanceOf(SyntaxError)
    double.failNext('exchange', { kind: 'non-json' })
    await expect(exchangeOnce()).rejects.toBeInstanceOf(OpenRouterDefaultError)
    double.failNext('exchange', { kind: 'schema-violation' })
    await expect(exchangeOnce()).rejects.toBeInstanceOf(ResponseValidationError)
    expect(double.keys()).toEqual([])
    await expect(exchangeOnce()).resolves.toMatchObject({ key: expect.stringMatching(/^sk-or-v1-/) })
  })
})

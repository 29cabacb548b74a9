// The pipeline around the handlers: unknown routes, wrong methods, CORS, request recording and latency.
import { describe, expect, it } from 'vitest'
import { startOpenRouterDouble } from './server'
import { callApi, exchange, RFC_CHALLENGE, RFC_VERIFIER, useDouble } from './test-support'

const fixture = useDouble()

describe('unknown routes and wrong methods', () => {
  it.each(['/api/v1/models', '/api/v1', '/api/v2/key', '/favicon.ico', '/api/v1/key/extra'])('%s → 404 enveloped JSON', async (path) => {
    const response = await fetch(`${fixture.double.origin}${path}`)
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.json()).toEqual({ error: { code: 404, message: 'Not Found' } })
  })

  it.each([
    ['GET', '/auth/keys', 'POST'],
    ['PUT', '/auth/keys/code', 'POST'],
    ['POST', '/key', 'GET'],
    ['DELETE', '/credits', 'GET'],
  ])('%s %s → 405 enveloped, with Allow: %s', async (method, path, allow) => {
    const response = await callApi(fixture.double, path, { method })
    expect(response).toMatchObject({ status: 405, contentType: 'application/json', json: { error: { code: 405, message: 'Method Not Allowed' } } })
    expect(response.headers.get('allow')).toBe(allow)
  })
})

describe('CORS', () => {
  it('answers a preflight on each API route permissively', async () => {
    for (const [path, method] of [['/auth/keys', 'POST'], ['/auth/keys/code', 'POST'], ['/key', 'GET'], ['/credits', 'GET']] as const) {
      const response = await fetch(`${fixture.double.apiBaseUrl}${path}`, {
        method: 'OPTIONS',
        headers: { origin: 'http://localhost:5173', 'access-control-request-method': method, 'access-control-request-headers': 'authorization, content-type, x-openrouter-title' },
      })
      expect(response.status).toBe(204)
      expect(response.headers.get('access-control-allow-origin')).toBe('*')
      expect(response.headers.get('access-control-allow-methods')).toBe(`${method}, OPTIONS`)
      expect(response.headers.get('access-control-allow-headers')).toBe('authorization, content-type, x-openrouter-title')
    }
  })

  it('without Access-Control-Request-Headers still allows the headers the SDK sends', async () => {
    const response = await fetch(`${fixture.double.apiBaseUrl}/key`, { method: 'OPTIONS' })
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization')
    expect(response.headers.get('access-control-allow-headers')).toContain('http-referer')
  })

  it('every API answer, errors included, allows any origin', async () => {
    const { double } = fixture
    expect((await callApi(double, '/key')).headers.get('access-control-allow-origin')).toBe('*')
    expect((await exchange(double, { code: 'nope' })).headers.get('access-control-allow-origin')).toBe('*')
  })

  it('a preflight does not use up an injected failure', async () => {
    const { double } = fixture
    double.failNext('key', { kind: 'status', status: 503 })
    expect((await fetch(`${double.apiBaseUrl}/key`, { method: 'OPTIONS' })).status).toBe(204)
    expect((await callApi(double, '/key', { bearer: double.createKey() })).status).toBe(503)
  })
})

describe('request recording', () => {
  it('records every request: method, path without query, Authorization verbatim, parsed body, wall-clock arrival', async () => {
    const { double } = fixture
    const before = Date.now()
    const code = double.issueCode({ codeChallenge: RFC_CHALLENGE, codeChallengeMethod: 'S256' })
    await exchange(double, { code, code_verifier: RFC_VERIFIER, code_challenge_method: 'S256' })
    fixture.clock += 1234
    await callApi(double, '/key?x=1', { headers: { authorization: 'Bearer  odd-spacing' } })
    await fetch(`${double.origin}/auth?callback_url=${encodeURIComponent('http://localhost:3000/cb')}`)
    await callApi(double, '/auth/keys', { method: 'POST', body: 'not json' })
    const after = Date.now()
    // `at` is Date.now() on arrival, not the injected clock (which the test moved to T0 + 1234).
    const arrival = expect.toSatisfy((at: number) => at >= before && at <= after)
    expect(double.requests).toEqual([
      { method: 'POST', path: '/api/v1/auth/keys', authorization: null, body: { code, code_verifier: RFC_VERIFIER, code_challenge_method: 'S256' }, at: arrival },
      { method: 'GET', path: '/api/v1/key', authorization: 'Bearer  odd-spacing', body: undefined, at: arrival },
      { method: 'GET', path: '/auth', authorization: null, body: undefined, at: arrival },
      { method: 'POST', path: '/api/v1/auth/keys', authorization: null, body: 'not json', at: arrival },
    ])
    const times = double.requests.map((request) => request.at)
    expect(times).toEqual([...times].sort((a, b) => a - b))
  })
})

describe('latency', () => {
  it('is added to API answers and not to the consent page', async () => {
    const { double } = fixture
    double.setLatency(600)
    const secret = double.createKey()
    let started = performance.now()
    expect((await callApi(double, '/key', { bearer: secret })).status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(590)
    started = performance.now()
    await fetch(`${double.origin}/auth?callback_url=${encodeURIComponent('http://localhost:3000/cb')}`)
    expect(performance.now() - started).toBeLessThan(400)
    double.setLatency(0)
    started = performance.now()
    await callApi(double, '/key', { bearer: secret })
    expect(performance.now() - started).toBeLessThan(400)
  })

  it('can be set at start, and close() does not wait for a delayed answer', async () => {
    const slow = await startOpenRouterDouble({ latencyMs: 5_000 })
    const pending = fetch(`${slow.apiBaseUrl}/key`).then((response) => response.status)
    await new Promise((resolve) => setTimeout(resolve, 50))
    const started = performance.now()
    await slow.close()
    expect(performance.now() - started).toBeLessThan(1_000)
    await expect(pending).rejects.toThrow()
  })

  it('refuses a negative or non-finite latency', async () => {
    expect(() => fixture.double.setLatency(-1)).toThrow(RangeError)
    expect(() => fixture.double.setLatency(Number.NaN)).toThrow(RangeError)
  })
})

describe('lifecycle', () => {
  it('binds 127.0.0.1 on a free port, serves /api/v1 below it, and close() is idempotent', async () => {
    const { double } = fixture
    expect(double.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(double.apiBaseUrl).toBe(`${double.origin}/api/v1`)
    const other = await startOpenRouterDouble()
    expect(other.origin).not.toBe(double.origin)
    await other.close()
    await other.close()
    await expect(fetch(`${other.apiBaseUrl}/key`)).rejects.toThrow()
  })

  it('can take a fixed port', async () => {
    const probe = await startOpenRouterDouble()
    const port = Number(new URL(probe.origin).port)
    await probe.close()
    const fixed = await startOpenRouterDouble({ port })
    expect(fixed.origin).toBe(`http://127.0.0.1:${port}`)
    await fixed.close()
  })
})

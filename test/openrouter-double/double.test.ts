// The double is held to OpenRouter's spec and to the SDK's own schemas, so tests against it mean something.
import { OpenRouter } from '@openrouter/sdk'
import {
  BadRequestResponseError,
  ForbiddenResponseError,
  UnauthorizedResponseError,
} from '@openrouter/sdk/models/errors'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { s256Challenge } from '../../main/core/pkce'
import { startOpenRouterDouble, type OpenRouterDouble } from './index'
import { loadSpecValidator } from './spec-validator'

const validate = loadSpecValidator()
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'
let double: OpenRouterDouble
let clock = Date.parse('2026-11-26T12:00:00Z')

beforeEach(async () => {
  delete process.env['OPENROUTER_API_KEY']
  clock = Date.parse('2026-11-26T12:00:00Z')
  double = await startOpenRouterDouble({ now: () => clock })
})
afterEach(async () => double.close())

const sdk = (apiKey?: string) => new OpenRouter({ serverURL: double.apiBaseUrl, apiKey: apiKey ?? '', retryConfig: { strategy: 'none' } })

async function call(path: string, init: { method?: string; body?: unknown; bearer?: string } = {}) {
  const response = await fetch(`${double.apiBaseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.bearer ? { authorization: `Bearer ${init.bearer}` } : {}) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  })
  return { status: response.status, contentType: response.headers.get('content-type'), body: (await response.json()) as unknown }
}

describe('responses match the OpenAPI spec', () => {
  it('POST /auth/keys: 200, 400 and 403', async () => {
    const code = double.issueCode({ codeChallenge: s256Challenge(VERIFIER), codeChallengeMethod: 'S256' })
    const ok = await call('/auth/keys', { method: 'POST', body: { code, code_verifier: VERIFIER, code_challenge_method: 'S256' } })
    expect(ok.status).toBe(200)
    expect(validate('/auth/keys', 'post', 200, ok.body)).toEqual([])
    const used = await call('/auth/keys', { method: 'POST', body: { code, code_verifier: VERIFIER } })
    expect(used).toMatchObject({ status: 403, body: { error: { code: 403, message: 'Invalid code or code_verifier' } } })
    expect(validate('/auth/keys', 'post', 403, used.body)).toEqual([])
    const other = double.issueCode({ codeChallenge: s256Challenge(VERIFIER), codeChallengeMethod: 'S256' })
    const mismatch = await call('/auth/keys', { method: 'POST', body: { code: other, code_verifier: VERIFIER, code_challenge_method: 'plain' } })
    expect(mismatch).toMatchObject({ status: 400, body: { error: { message: 'Invalid code_challenge_method' } } })
    expect(validate('/auth/keys', 'post', 400, mismatch.body)).toEqual([])
  })

  it('GET /key: 200 with every required field, 401 without a valid bearer', async () => {
    const secret = double.createKey({ limit: 100, usage: 25.5, limitReset: 'monthly', expiresAt: '2027-12-31T23:59:59Z' })
    const ok = await call('/key', { bearer: secret })
    expect(ok.contentType).toContain('application/json')
    expect(validate('/key', 'get', 200, ok.body)).toEqual([])
    expect(ok.body).toMatchObject({ data: { limit: 100, limit_remaining: 74.5, limit_reset: 'monthly', usage: 25.5 } })
    const missing = await call('/key')
    expect(missing).toMatchObject({ status: 401, body: { error: { message: 'No auth credentials found' } } })
    expect(validate('/key', 'get', 401, missing.body)).toEqual([])
    double.revokeKey(secret)
    expect(await call('/key', { bearer: secret })).toMatchObject({ status: 401, body: { error: { message: 'User not found.' } } })
  })

  it('POST /auth/keys/code: 200, 400, 401; GET /credits: 403 for a user key', async () => {
    const bearer = double.createKey()
    const ok = await call('/auth/keys/code', { method: 'POST', bearer, body: { callback_url: 'http://localhost:3000/callback', limit: 5 } })
    expect(validate('/auth/keys/code', 'post', 200, ok.body)).toEqual([])
    const bad = await call('/auth/keys/code', { method: 'POST', bearer, body: { callback_url: 'http://example.com/cb' } })
    expect(bad.status).toBe(400)
    expect(validate('/auth/keys/code', 'post', 400, bad.body)).toEqual([])
    const anonymous = await call('/auth/keys/code', { method: 'POST', body: { callback_url: 'https://a.example' } })
    expect(validate('/auth/keys/code', 'post', 401, anonymous.body)).toEqual([])
    const credits = await call('/credits', { bearer })
    expect(credits.status).toBe(403)
    expect(validate('/credits', 'get', 403, credits.body)).toEqual([])
  })

  it('the validator itself rejects a body that breaks the spec', () => {
    expect(validate('/auth/keys', 'post', 200, { key: 42 })).not.toEqual([])
    expect(validate('/key', 'get', 401, { error: { message: 'x' } })).not.toEqual([])
  })
})

describe('round trips through @openrouter/sdk 1.3.19', () => {
  it('exchanges S256 and plain codes, then reads the new key', async () => {
    const s256 = double.issueCode({ codeChallenge: s256Challenge(VERIFIER), codeChallengeMethod: 'S256', key: { limit: 3 } })
    const exchanged = await sdk().oAuth.exchangeAuthCodeForAPIKey({ requestBody: { code: s256, codeVerifier: VERIFIER, codeChallengeMethod: 'S256' } })
    expect(exchanged.key).toMatch(/^sk-or-v1-[0-9a-f]{64}$/)
    const info = await sdk(exchanged.key).apiKeys.getCurrentKeyMetadata()
    expect(info.data).toMatchObject({ limit: 3, limitRemaining: 3, usage: 0, allowedDataRegions: [] })
    const plain = double.issueCode({ codeChallenge: 'plain-verifier', codeChallengeMethod: 'plain' })
    expect((await sdk().oAuth.exchangeAuthCodeForAPIKey({ requestBody: { code: plain, codeVerifier: 'plain-verifier', codeChallengeMethod: 'plain' } })).userId).toBeTruthy()
  })

  it('creates a code with a cap, reset, label and expiry that the exchanged key then carries', async () => {
    const bearer = double.createKey({ userId: 'user_owner' })
    const created = await sdk(bearer).oAuth.createAuthCode({
      requestBody: {
        callbackUrl: 'http://localhost:3000/callback',
        codeChallenge: s256Challenge(VERIFIER),
        codeChallengeMethod: 'S256',
        limit: 5,
        usageLimitType: 'monthly',
        keyLabel: 'CI',
        expiresAt: new Date('2026-12-26T12:00:00Z'),
      },
    })
    expect(created.data.id).toMatch(/^auth_code_/)
    const { key } = await sdk().oAuth.exchangeAuthCodeForAPIKey({ requestBody: { code: created.data.id, codeVerifier: VERIFIER, codeChallengeMethod: 'S256' } })
    const info = await sdk(key).apiKeys.getCurrentKeyMetadata()
    expect(info.data).toMatchObject({ limit: 5, limitReset: 'monthly', label: 'CI', creatorUserId: 'user_owner' })
    expect(info.data.expiresAt?.toISOString()).toBe('2026-12-26T12:00:00.000Z')
  })

  it('surfaces typed SDK errors', async () => {
    await expect(sdk().oAuth.exchangeAuthCodeForAPIKey({ requestBody: { code: 'nope' } })).rejects.toBeInstanceOf(ForbiddenResponseError)
    double.setInvalidCodeStatus(400)
    await expect(sdk().oAuth.exchangeAuthCodeForAPIKey({ requestBody: { code: 'nope' } })).rejects.toBeInstanceOf(BadRequestResponseError)
    await expect(sdk('sk-or-v1-unknown').apiKeys.getCurrentKeyMetadata()).rejects.toBeInstanceOf(UnauthorizedResponseError)
    await expect(sdk(double.createKey()).credits.getCredits()).rejects.toBeInstanceOf(ForbiddenResponseError)
  })
})

describe('behaviour', () => {
  it('codes are single use and expire after 10 minutes', async () => {
    const code = double.issueCode({ codeChallenge: s256Challenge(VERIFIER), codeChallengeMethod: 'S256' })
    clock += 10 * 60 * 1000 + 1
    const expired = await call('/auth/keys', { method: 'POST', body: { code, code_verifier: VERIFIER } })
    expect(expired).toMatchObject({ status: 403, body: { error: { message: 'Authorization code expired' } } })
  })

  it('a wrong verifier is refused', async () => {
    const code = double.issueCode({ codeChallenge: s256Challenge(VERIFIER), codeChallengeMethod: 'S256' })
    expect((await call('/auth/keys', { method: 'POST', body: { code, code_verifier: `${VERIFIER}x` } })).status).toBe(403)
    expect((await call('/auth/keys', { method: 'POST', body: { code } })).status).toBe(403)
  })

  it('validates create-code bodies as the API does', async () => {
    const bearer = double.createKey()
    const post = (body: Record<string, unknown>) => call('/auth/keys/code', { method: 'POST', bearer, body: { callback_url: 'https://app.example/cb', ...body } })
    expect((await post({ expires_at: '2026-12-01T10:00Z' })).status).toBe(400) // minute precision
    expect((await post({ expires_at: '2026-11-01T10:00:00Z' })).status).toBe(400) // in the past
    expect((await post({ key_label: 'x'.repeat(101) })).status).toBe(400)
    expect((await post({ limit: -1 })).status).toBe(400)
    expect((await post({ expires_at: '2026-12-01T10:00:00Z', key_label: 'x'.repeat(100) })).status).toBe(200)
    expect((await call('/auth/keys/code', { method: 'POST', bearer: 'sk-or-v1-unknown', body: { callback_url: 'https://a.example' } })).status).toBe(401)
  })

  it('plays each injected failure, once or until cleared', async () => {
    const secret = double.createKey()
    double.failNext('key', { kind: 'status', status: 500 }, 2)
    expect((await call('/key', { bearer: secret })).status).toBe(500)
    expect((await call('/key', { bearer: secret })).status).toBe(500)
    expect((await call('/key', { bearer: secret })).status).toBe(200)
    double.setFailure('key', { kind: 'non-json' })
    const nonJson = await fetch(`${double.apiBaseUrl}/key`, { headers: { authorization: `Bearer ${secret}` } })
    expect(nonJson.headers.get('content-type')).toContain('text/html')
    double.setFailure('key', { kind: 'malformed-json' })
    await expect((await fetch(`${double.apiBaseUrl}/key`, { headers: { authorization: `Bearer ${secret}` } })).json()).rejects.toThrow()
    double.setFailure('key', { kind: 'reset' })
    await expect(fetch(`${double.apiBaseUrl}/key`, { headers: { authorization: `Bearer ${secret}` } })).rejects.toThrow()
    double.setFailure('key', { kind: 'hang' })
    const hanging = fetch(`${double.apiBaseUrl}/key`, { headers: { authorization: `Bearer ${secret}` } })
    await new Promise((resolve) => setTimeout(resolve, 100))
    await double.close()
    await expect(hanging).rejects.toThrow()
    double = await startOpenRouterDouble()
  })

  it('the consent page escapes what it shows, and redirects with a code or an error', async () => {
    const hostile = 'https://evil.example/<script>alert(1)</script>'
    const page = await (await fetch(`${double.origin}/auth?callback_url=${encodeURIComponent(hostile)}&code_challenge=abc&code_challenge_method=S256`)).text()
    expect(page).not.toContain('<script>alert(1)</script>')
    expect(page).toContain('Authorize')
    expect((await fetch(`${double.origin}/auth?callback_url=${encodeURIComponent('http://example.com/cb')}`)).status).toBe(400)
    double.setConsentMode('auto-approve')
    const approved = await fetch(`${double.origin}/auth?callback_url=${encodeURIComponent('http://localhost:3000/callback/n?x=1')}&code_challenge=abc&code_challenge_method=S256`, { redirect: 'manual' })
    expect(approved.status).toBe(302)
    const location = new URL(approved.headers.get('location')!)
    expect(location.searchParams.get('x')).toBe('1')
    expect(location.searchParams.get('code')).toMatch(/^auth_code_[A-Za-z0-9_-]+$/)
    double.setConsentMode('auto-deny')
    const denied = await fetch(`${double.origin}/auth?callback_url=${encodeURIComponent('http://localhost:3000/cb')}`, { redirect: 'manual' })
    expect(new URL(denied.headers.get('location')!).searchParams.get('error')).toBe('access_denied')
  })
})

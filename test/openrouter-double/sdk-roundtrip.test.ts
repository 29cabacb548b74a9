// Round trips through the real @openrouter/sdk 1.3.19: what the app will see from the double is what the
// SDK parses, including its typed errors.
import {
  BadRequestResponseError,
  ConflictResponseError,
  ForbiddenResponseError,
  UnauthorizedResponseError,
} from '@openrouter/sdk/models/errors'
import { describe, expect, it } from 'vitest'
import { RFC_CHALLENGE, RFC_VERIFIER, sdkClient, useDouble } from './test-support'

const fixture = useDouble()

describe('oAuth.exchangeAuthCodeForAPIKey', () => {
  it('S256 with the SDK’s own challenge: returns the new key and its user, and sends no bearer', async () => {
    const { double } = fixture
    const sdk = sdkClient(double)
    const { codeChallenge, codeVerifier } = await sdk.oAuth.createSHA256CodeChallenge()
    const code = double.issueCode({ codeChallenge, codeChallengeMethod: 'S256', key: { limit: 3, userId: 'user_sdk_s256' } })
    const result = await sdk.oAuth.exchangeAuthCodeForAPIKey({ requestBody: { code, codeVerifier, codeChallengeMethod: 'S256' } })
    expect(result.key).toMatch(/^sk-or-v1-[0-9a-f]{64}$/)
    expect(result.userId).toBe('user_sdk_s256')
    expect(double.keys()).toEqual([expect.objectContaining({ secret: result.key, limit: 3, userId: 'user_sdk_s256' })])
    const recorded = double.requests.find((request) => request.path === '/api/v1/auth/keys')
    expect(recorded?.authorization).toBeNull()
    expect(recorded?.body).toEqual({ code, code_verifier: codeVerifier, code_challenge_method: 'S256' })
  })

  it('plain: the verifier is the challenge', async () => {
    const { double } = fixture
    const verifier = 'plain-verifier-0123456789-0123456789-abcdefgh'
    const code = double.issueCode({ codeChallenge: verifier, codeChallengeMethod: 'plain' })
    const result = await sdkClient(double).oAuth.exchangeAuthCodeForAPIKey({ requestBody: { code, codeVerifier: verifier, codeChallengeMethod: 'plain' } })
    expect(double.keys().map((key) => key.secret)).toEqual([result.key])
  })

  it('typed errors: 403 (or 400 when so configured) for a bad verifier, 400 for a method mismatch', async () => {
    const { double } = fixture
    const sdk = sdkClient(double)
    const code = double.issueCode({ codeChallenge: RFC_CHALLENGE, codeChallengeMethod: 'S256' })
    const wrong = sdk.oAuth.exchangeAuthCodeForAPIKey({ requestBody: { code, codeVerifier: `${RFC_VERIFIER}x`, codeChallengeMethod: 'S256' } })
    await expect(wrong).rejects.toBeInstanceOf(ForbiddenResponseError)
    await expect(wrong).rejects.toMatchObject({ statusCode: 403, message: 'Invalid code or code_verifier', error: { code: 403 } })
    double.setInvalidCodeStatus(400)
    await expect(sdk.oAuth.exchangeAuthCodeForAPIKey({ requestBody: { code: 'auth_code_unknown' } })).rejects.toMatchObject({
      constructor: BadRequestResponseError,
      statusCode: 400,
      message: 'Invalid code or code_verifier',
    })
    const mismatch = sdk.oAuth.exchangeAuthCodeForAPIKey({ requestBody: { code, codeVerifier: RFC_VERIFIER, codeChallengeMethod: 'plain' } })
    await expect(mismatch).rejects.toBeInstanceOf(BadRequestResponseError)
    await expect(mismatch).rejects.toMatchObject({ message: 'Invalid code_challenge_method' })
    expect(double.keys()).toEqual([])
  })
})

describe('the browser flow end to end, as the app drives it', () => {
  it('createAuthorizationUrl → consent (auto-approve) → exchange → getCurrentKeyMetadata carries the limit', async () => {
    const { double } = fixture
    double.setConsentMode('auto-approve')
    const sdk = sdkClient(double)
    const { codeChallenge, codeVerifier } = await sdk.oAuth.createSHA256CodeChallenge()
    const authUrl = await sdk.oAuth.createAuthorizationUrl({ callbackUrl: 'http://127.0.0.1:51423/callback', codeChallenge, codeChallengeMethod: 'S256', limit: 7.5 })
    expect(authUrl.startsWith(`${double.origin}/auth?`)).toBe(true)
    const consent = await fetch(authUrl, { redirect: 'manual' })
    expect(consent.status).toBe(302)
    const location = new URL(consent.headers.get('location')!)
    expect(`${location.origin}${location.pathname}`).toBe('http://127.0.0.1:51423/callback')
    const code = location.searchParams.get('code')!
    const { key } = await sdk.oAuth.exchangeAuthCodeForAPIKey({ requestBody: { code, codeVerifier, codeChallengeMethod: 'S256' } })
    const metadata = await sdkClient(double, key).apiKeys.getCurrentKeyMetadata()
    expect(metadata.data).toMatchObject({ limit: 7.5, limitRemaining: 7.5, limitReset: null, usage: 0 })
  })
})

describe('oAuth.createAuthCode', () => {
  it('mints a code whose key carries the cap, reset, label, expiry and the bearer’s user', async () => {
    const { double } = fixture
    const bearer = double.createKey({ userId: 'user_owner_1' })
    const created = await sdkClient(double, bearer).oAuth.createAuthCode({
      requestBody: {
        callbackUrl: 'http://localhost:3000/callback',
        codeChallenge: RFC_CHALLENGE,
        codeChallengeMethod: 'S256',
        limit: 5,
        usageLimitType: 'weekly',
        keyLabel: 'CI runner',
        expiresAt: new Date('2026-12-26T12:00:00Z'),
      },
    })
    expect(created.data).toEqual({ id: expect.stringMatching(/^auth_code_/), appId: 1001, createdAt: '2026-11-26T12:00:00.000Z' })
    const recorded = double.requests.find((request) => request.path === '/api/v1/auth/keys/code')
    expect(recorded?.authorization).toBe(`Bearer ${bearer}`)
    expect(recorded?.body).toMatchObject({ expires_at: '2026-12-26T12:00:00.000Z', usage_limit_type: 'weekly', key_label: 'CI runner' })

    const { key, userId } = await sdkClient(double).oAuth.exchangeAuthCodeForAPIKey({
      requestBody: { code: created.data.id, codeVerifier: RFC_VERIFIER, codeChallengeMethod: 'S256' },
    })
    expect(userId).toBe('user_owner_1')
    const { data } = await sdkClient(double, key).apiKeys.getCurrentKeyMetadata()
    expect(data).toMatchObject({ limit: 5, limitRemaining: 5, limitReset: 'weekly', label: 'CI runner', creatorUserId: 'user_owner_1' })
    expect(data.expiresAt?.toISOString()).toBe('2026-12-26T12:00:00.000Z')
  })

  it('typed errors: 401 without or with an unknown bearer, 400 for a bad body, 409 when injected', async () => {
    const { double } = fixture
    const requestBody = { callbackUrl: 'https://app.example/cb' }
    await expect(sdkClient(double).oAuth.createAuthCode({ requestBody })).rejects.toMatchObject({
      constructor: UnauthorizedResponseError,
      message: 'No auth credentials found',
    })
    await expect(sdkClient(double, 'sk-or-v1-unknown').oAuth.createAuthCode({ requestBody })).rejects.toMatchObject({
      constructor: UnauthorizedResponseError,
      message: 'User not found.',
    })
    const sdk = sdkClient(double, double.createKey())
    await expect(sdk.oAuth.createAuthCode({ requestBody: { callbackUrl: 'http://example.com/cb' } })).rejects.toBeInstanceOf(BadRequestResponseError)
    await expect(sdk.oAuth.createAuthCode({ requestBody: { ...requestBody, expiresAt: new Date('2020-01-01T00:00:00Z') } })).rejects.toMatchObject({
      constructor: BadRequestResponseError,
      message: 'expires_at must be in the future',
    })
    double.failNext('create-code', { kind: 'status', status: 409 })
    await expect(sdk.oAuth.createAuthCode({ requestBody })).rejects.toMatchObject({
      constructor: ConflictResponseError,
      message: 'Resource conflict. Please try again later.',
    })
  })
})

describe('apiKeys.getCurrentKeyMetadata', () => {
  it('parses every value the double holds for the key', async () => {
    const { double } = fixture
    const secret = double.createKey({
      label: 'sk-or-v1-abc...890',
      limit: 100,
      limitReset: 'monthly',
      usage: 25.5,
      usageDaily: 1.25,
      usageWeekly: 6.5,
      usageMonthly: 20,
      byokUsage: 17.38,
      byokUsageDaily: 0.5,
      byokUsageWeekly: 2.5,
      byokUsageMonthly: 10,
      includeByokInLimit: true,
      isFreeTier: true,
      expiresAt: '2027-12-31T23:59:59Z',
      userId: 'user_metadata',
    })
    const { data } = await sdkClient(double, secret).apiKeys.getCurrentKeyMetadata()
    expect(data).toEqual({
      label: 'sk-or-v1-abc...890',
      limit: 100,
      limitRemaining: 74.5,
      limitReset: 'monthly',
      usage: 25.5,
      usageDaily: 1.25,
      usageWeekly: 6.5,
      usageMonthly: 20,
      byokUsage: 17.38,
      byokUsageDaily: 0.5,
      byokUsageWeekly: 2.5,
      byokUsageMonthly: 10,
      isFreeTier: true,
      isManagementKey: false,
      isProvisioningKey: false,
      includeByokInLimit: true,
      creatorUserId: 'user_metadata',
      expiresAt: new Date('2027-12-31T23:59:59Z'),
      rateLimit: { requests: 1000, interval: '1h', note: 'This field is deprecated and safe to ignore.' },
      allowedDataRegions: [],
      freeModelDailyRequests: { limit: 50, remaining: 50, used: 0 },
      organizationId: null,
      workspaceId: double.defaultWorkspaceId,
    })
    expect(double.requests.at(-1)?.authorization).toBe(`Bearer ${secret}`)
  })

  it('a revoked key is UnauthorizedResponseError "User not found."', async () => {
    const { double } = fixture
    const secret = double.createKey()
    double.revokeKey(secret)
    await expect(sdkClient(double, secret).apiKeys.getCurrentKeyMetadata()).rejects.toMatchObject({
      constructor: UnauthorizedResponseError,
      statusCode: 401,
      message: 'User not found.',
    })
  })
})

describe('credits.getCredits', () => {
  it('a user key gets ForbiddenResponseError; no key gets UnauthorizedResponseError', async () => {
    const { double } = fixture
    await expect(sdkClient(double, double.createKey()).credits.getCredits()).rejects.toMatchObject({
      constructor: ForbiddenResponseError,
      statusCode: 403,
      message: 'Only management keys can perform this operation',
    })
    await expect(sdkClient(double).credits.getCredits()).rejects.toMatchObject({ constructor: UnauthorizedResponseError, statusCode: 401 })
  })
})

// Every body the double sends on the four API routes is checked against OpenRouter's OpenAPI excerpt and,
// for 200s, against @openrouter/sdk 1.3.19's own zod schemas: the double is held to them, not to itself.
import {
  CreateAuthKeysCodeResponse$inboundSchema,
  ExchangeAuthCodeForAPIKeyResponse$inboundSchema,
  GetCurrentKeyResponse$inboundSchema,
} from '@openrouter/sdk/models/operations'
import { describe, expect, it } from 'vitest'
import { loadSpecValidator, type Json } from './spec-validator'
import { callApi, exchange, MINUTE, RFC_CHALLENGE, RFC_VERIFIER, useDouble, type RawResponse } from './test-support'

const spec = loadSpecValidator()
const fixture = useDouble()

/** Status = error.code, JSON content type, and the spec's schema for that status. */
function expectSpecError(path: string, method: 'get' | 'post', response: RawResponse, status: number, message?: string): void {
  expect(response.status).toBe(status)
  expect(response.contentType).toBe('application/json')
  expect(response.json).toMatchObject({ error: { code: status, ...(message === undefined ? {} : { message }) } })
  expect(spec.validateResponse(path, method, status, response.json)).toEqual([])
}

function propertiesOf(schema: Json): string[] {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return []
  const properties = schema['properties']
  return properties && typeof properties === 'object' && !Array.isArray(properties) ? Object.keys(properties) : []
}

describe('the validator itself', () => {
  it('knows which statuses the spec documents per operation', () => {
    expect(spec.documentedStatuses('/auth/keys', 'post')).toEqual([200, 400, 403, 500])
    expect(spec.documentedStatuses('/auth/keys/code', 'post')).toEqual([200, 400, 401, 403, 409, 500])
    expect(spec.documentedStatuses('/key', 'get')).toEqual([200, 401, 500])
    expect(spec.documentedStatuses('/credits', 'get')).toEqual([200, 401, 403, 500])
  })

  it('rejects bodies that break the spec, so a pass means something', () => {
    expect(spec.validateResponse('/auth/keys', 'post', 200, { key: 42, user_id: null })).not.toEqual([])
    expect(spec.validateResponse('/auth/keys', 'post', 200, { key: 'sk-or-v1-x' })).not.toEqual([]) // user_id required
    expect(spec.validateResponse('/auth/keys/code', 'post', 200, { data: { id: 'a', app_id: '1', created_at: 'x' } })).not.toEqual([])
    expect(spec.validateResponse('/key', 'get', 401, { error: { message: 'x' } })).not.toEqual([])
    expect(spec.validateResponse('/key', 'get', 200, { data: { label: 'x' } })).not.toEqual([])
    expect(spec.validateResponse('/auth/keys', 'post', 401, { error: { code: 401, message: 'x' } })).toEqual([
      'the spec documents no 401 response for POST /auth/keys',
    ])
    expect(spec.validateEnvelope({ error: { code: '404', message: 'x' } })).not.toEqual([])
  })
})

describe('POST /auth/keys', () => {
  it('200 matches the spec and the SDK schema, with a key in the documented format', async () => {
    const code = fixture.double.issueCode({ codeChallenge: RFC_CHALLENGE, codeChallengeMethod: 'S256' })
    const ok = await exchange(fixture.double, { code, code_verifier: RFC_VERIFIER, code_challenge_method: 'S256' })
    expect(ok.status).toBe(200)
    expect(ok.contentType).toBe('application/json')
    expect(spec.validateResponse('/auth/keys', 'post', 200, ok.json)).toEqual([])
    expect(ExchangeAuthCodeForAPIKeyResponse$inboundSchema.safeParse(ok.json).success).toBe(true)
    expect(ok.json).toEqual({ key: expect.stringMatching(/^sk-or-v1-[0-9a-f]{64}$/), user_id: 'user_2yOPcMpKoQhcd4bVgSMlELRaIah' })
  })

  it('400 and 403 bodies match the spec', async () => {
    const { double } = fixture
    const code = double.issueCode({ codeChallenge: RFC_CHALLENGE, codeChallengeMethod: 'S256' })
    expectSpecError('/auth/keys', 'post', await exchange(double, { code, code_verifier: RFC_VERIFIER, code_challenge_method: 'plain' }), 400, 'Invalid code_challenge_method')
    expectSpecError('/auth/keys', 'post', await exchange(double, { code: 'auth_code_unknown' }), 403, 'Invalid code or code_verifier')
    expectSpecError('/auth/keys', 'post', await exchange(double, { code_verifier: RFC_VERIFIER }), 400)
    fixture.clock += 10 * MINUTE
    expectSpecError('/auth/keys', 'post', await exchange(double, { code, code_verifier: RFC_VERIFIER, code_challenge_method: 'S256' }), 403, 'Authorization code expired')
    double.setInvalidCodeStatus(400)
    expectSpecError('/auth/keys', 'post', await exchange(double, { code: 'auth_code_unknown' }), 400, 'Invalid code or code_verifier')
  })

  it('an injected 500 matches the spec', async () => {
    fixture.double.failNext('exchange', { kind: 'status', status: 500 })
    expectSpecError('/auth/keys', 'post', await exchange(fixture.double, { code: 'x' }), 500, 'Internal Server Error')
  })
})

describe('POST /auth/keys/code', () => {
  const body = { callback_url: 'http://localhost:3000/callback', code_challenge: RFC_CHALLENGE, code_challenge_method: 'S256', limit: 5 }

  it('200 matches the spec and the SDK schema', async () => {
    const bearer = fixture.double.createKey()
    const ok = await callApi(fixture.double, '/auth/keys/code', { bearer, body })
    expect(ok.status).toBe(200)
    expect(ok.contentType).toBe('application/json')
    expect(spec.validateResponse('/auth/keys/code', 'post', 200, ok.json)).toEqual([])
    expect(CreateAuthKeysCodeResponse$inboundSchema.safeParse(ok.json).success).toBe(true)
  })

  it('400, 401, and injected 403, 409 and 500 bodies match the spec', async () => {
    const { double } = fixture
    const bearer = double.createKey()
    expectSpecError('/auth/keys/code', 'post', await callApi(double, '/auth/keys/code', { bearer, body: { ...body, callback_url: 'http://example.com/cb' } }), 400)
    expectSpecError('/auth/keys/code', 'post', await callApi(double, '/auth/keys/code', { body }), 401, 'No auth credentials found')
    expectSpecError('/auth/keys/code', 'post', await callApi(double, '/auth/keys/code', { bearer: 'sk-or-v1-nope', body }), 401, 'User not found.')
    for (const status of [403, 409, 500] as const) {
      double.failNext('create-code', { kind: 'status', status })
      expectSpecError('/auth/keys/code', 'post', await callApi(double, '/auth/keys/code', { bearer, body }), status)
    }
  })
})

describe('GET /key', () => {
  it('200 matches the spec and the SDK schema for keys in every shape', async () => {
    const { double } = fixture
    const inits = [
      {},
      { limit: 100, limitReset: 'monthly' as const, usage: 25.5, expiresAt: '2027-12-31T23:59:59Z' },
      { limit: 2, limitReset: 'daily' as const, usage: 3, byokUsage: 1.5, includeByokInLimit: true, isFreeTier: true },
      { limit: 10, limitReset: 'weekly' as const, usageWeekly: 4, expiresAt: '2026-01-01T00:00:00Z' },
    ]
    for (const init of inits) {
      const response = await callApi(double, '/key', { bearer: double.createKey(init) })
      expect(response.status).toBe(200)
      expect(response.contentType).toBe('application/json')
      expect(spec.validateResponse('/key', 'get', 200, response.json)).toEqual([])
      expect(GetCurrentKeyResponse$inboundSchema.safeParse(response.json).success).toBe(true)
    }
  })

  it('carries every property the spec lists, optional ones included, plus the four SDK 1.3.19 requires', async () => {
    const response = await callApi(fixture.double, '/key', { bearer: fixture.double.createKey() })
    const data = (response.json as { data: Record<string, unknown> }).data
    const schema = spec.responseSchema('/key', 'get', 200) as { properties: { data: Json } }
    const specProperties = propertiesOf(schema.properties.data)
    expect(specProperties).toContain('expires_at')
    expect(specProperties.length).toBeGreaterThanOrEqual(19)
    for (const property of [...specProperties, 'allowed_data_regions', 'free_model_daily_requests', 'organization_id', 'workspace_id']) {
      expect(data, property).toHaveProperty(property)
    }
  })

  it('401 and an injected 500 match the spec', async () => {
    const { double } = fixture
    expectSpecError('/key', 'get', await callApi(double, '/key'), 401, 'No auth credentials found')
    expectSpecError('/key', 'get', await callApi(double, '/key', { bearer: 'sk-or-v1-unknown' }), 401, 'User not found.')
    double.failNext('key', { kind: 'status', status: 500 })
    expectSpecError('/key', 'get', await callApi(double, '/key', { bearer: double.createKey() }), 500)
  })
})

describe('GET /credits', () => {
  it('401 without a bearer and 403 for a user key match the spec', async () => {
    const { double } = fixture
    expectSpecError('/credits', 'get', await callApi(double, '/credits'), 401, 'No auth credentials found')
    expectSpecError('/credits', 'get', await callApi(double, '/credits', { bearer: double.createKey() }), 403, 'Only management keys can perform this operation')
  })
})

describe('routes the spec does not list', () => {
  it('404 and 405 still use the error envelope', async () => {
    const notFound = await callApi(fixture.double, '/models')
    expect(notFound).toMatchObject({ status: 404, contentType: 'application/json', json: { error: { code: 404 } } })
    expect(spec.validateEnvelope(notFound.json)).toEqual([])
    const wrongMethod = await callApi(fixture.double, '/key', { method: 'DELETE' })
    expect(wrongMethod).toMatchObject({ status: 405, contentType: 'application/json', json: { error: { code: 405 } } })
    expect(spec.validateEnvelope(wrongMethod.json)).toEqual([])
  })
})

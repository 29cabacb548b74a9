// POST /api/v1/auth/keys/code: bearer rules, body validation per the spec and SDK docs, and the key that the
// minted code later turns into.
import { describe, expect, it } from 'vitest'
import { callApi, exchange, MINUTE, RFC_CHALLENGE, RFC_VERIFIER, useDouble } from './test-support'

const fixture = useDouble()
const base = { callback_url: 'https://app.example/callback', code_challenge: RFC_CHALLENGE, code_challenge_method: 'S256' }

function post(body: Record<string, unknown>, bearer?: string) {
  return callApi(fixture.double, '/auth/keys/code', { method: 'POST', body, ...(bearer === undefined ? {} : { bearer }) })
}

async function mint(body: Record<string, unknown>, bearer = fixture.double.createKey()) {
  const response = await post({ ...base, ...body }, bearer)
  expect(response.status).toBe(200)
  return (response.json as { data: { id: string; app_id: number; created_at: string } }).data
}

describe('bearer', () => {
  it('missing, empty or not a Bearer → 401 "No auth credentials found"', async () => {
    const { double } = fixture
    const cases: Array<Record<string, string>> = [{}, { authorization: 'Bearer ' }, { authorization: `Basic ${double.createKey()}` }]
    for (const headers of cases) {
      const response = await callApi(double, '/auth/keys/code', { method: 'POST', body: base, headers })
      expect(response).toMatchObject({ status: 401, json: { error: { code: 401, message: 'No auth credentials found' } } })
    }
  })

  it('unknown or revoked key → 401 "User not found."', async () => {
    const { double } = fixture
    const revoked = double.createKey()
    double.revokeKey(revoked)
    for (const bearer of ['sk-or-v1-unknown', revoked]) {
      expect(await post(base, bearer)).toMatchObject({ status: 401, json: { error: { code: 401, message: 'User not found.' } } })
    }
  })

  it('is checked before the body: a bad body without a bearer is 401', async () => {
    expect((await post({ callback_url: 'ftp://x' })).status).toBe(401)
  })
})

describe('callback_url', () => {
  it.each(['https://app.example/cb', 'https://app.example:8443/cb?x=1', 'http://localhost:5555/cb', 'http://127.0.0.1:1/cb', 'http://localhost/cb', 'http://[::1]:8080/cb'])(
    '%s is accepted',
    async (callbackUrl) => {
      await mint({ callback_url: callbackUrl })
    },
  )

  it.each(['http://example.com/cb', 'http://192.168.1.2:3000/cb', 'ftp://localhost/cb', 'vscode://ext/cb', 'not a url', '', 'javascript:alert(1)'])(
    '%s → 400',
    async (callbackUrl) => {
      const response = await post({ ...base, callback_url: callbackUrl }, fixture.double.createKey())
      expect(response).toMatchObject({ status: 400, json: { error: { code: 400, message: expect.stringContaining('callback_url') } } })
    },
  )

  it('is required', async () => {
    const response = await post({ limit: 1 }, fixture.double.createKey())
    expect(response).toMatchObject({ status: 400, json: { error: { message: expect.stringContaining('callback_url') } } })
  })
})

describe('limit, usage_limit_type, key_label, workspace_id', () => {
  it.each([
    ['limit 0', { limit: 0 }, 'limit'],
    ['limit −1', { limit: -1 }, 'limit'],
    ['limit as a string', { limit: '5' }, 'limit'],
    ['usage_limit_type yearly', { usage_limit_type: 'yearly' }, 'usage_limit_type'],
    ['key_label of 101 characters', { key_label: 'x'.repeat(101) }, 'key_label'],
    ['workspace_id not a uuid', { workspace_id: 'team-1' }, 'workspace_id'],
    ['code_challenge_method S512', { code_challenge_method: 'S512' }, 'code_challenge_method'],
  ])('%s → 400 naming the field', async (_name, body, field) => {
    const response = await post({ ...base, ...body }, fixture.double.createKey())
    expect(response).toMatchObject({ status: 400, json: { error: { code: 400, message: expect.stringContaining(field) } } })
  })

  it('accepts the edge values: a 100-character label, a tiny limit, a uuid workspace, extra telemetry fields', async () => {
    await mint({ key_label: 'x'.repeat(100), limit: 0.01, usage_limit_type: 'daily', workspace_id: '3f1c2b9e-8d7a-4c6b-9e5f-0a1b2c3d4e5f', spawn_agent: 'a' })
  })
})

describe('expires_at', () => {
  it.each([
    ['minute precision', '2026-12-01T10:00Z'],
    ['no zone', '2026-12-01T10:00:00'],
    ['a date only', '2026-12-01'],
    ['a space instead of T', '2026-12-01 10:00:00Z'],
    ['February 30th', '2027-02-30T10:00:00Z'],
    ['hour 24', '2026-12-01T24:00:00Z'],
    ['an epoch number as a string', '1798000000'],
  ])('%s → 400', async (_name, expiresAt) => {
    const response = await post({ ...base, expires_at: expiresAt }, fixture.double.createKey())
    expect(response).toMatchObject({ status: 400, json: { error: { code: 400, message: expect.stringContaining('expires_at') } } })
  })

  it('in the past, or exactly now → 400 "expires_at must be in the future"', async () => {
    for (const expiresAt of ['2026-11-26T11:59:59Z', '2026-11-26T12:00:00Z', '2026-11-26T13:00:00+02:00']) {
      const response = await post({ ...base, expires_at: expiresAt }, fixture.double.createKey())
      expect(response).toMatchObject({ status: 400, json: { error: { message: 'expires_at must be in the future' } } })
    }
  })

  it.each([
    ['Z', '2027-03-01T10:00:00Z', '2027-03-01T10:00:00Z'],
    ['a fraction', '2027-03-01T10:00:00.250Z', '2027-03-01T10:00:00.250Z'],
    ['Date.toISOString (what the SDK sends)', '2027-03-01T10:00:00.000Z', '2027-03-01T10:00:00Z'],
    ['an offset', '2027-03-01T12:30:00+02:30', '2027-03-01T10:00:00Z'],
    ['a negative offset', '2027-03-01T05:00:00-05:00', '2027-03-01T10:00:00Z'],
  ])('with %s is accepted and the key expires at that instant, in UTC', async (_name, expiresAt, stored) => {
    const { double } = fixture
    const { id } = await mint({ expires_at: expiresAt })
    await exchange(double, { code: id, code_verifier: RFC_VERIFIER, code_challenge_method: 'S256' })
    expect(double.keys().at(-1)?.expiresAt).toBe(stored)
  })

  it('null means no expiry', async () => {
    const { double } = fixture
    const { id } = await mint({ expires_at: null })
    await exchange(double, { code: id, code_verifier: RFC_VERIFIER, code_challenge_method: 'S256' })
    expect(double.keys().at(-1)?.expiresAt).toBeNull()
  })
})

describe('the response and the code it names', () => {
  it('data = { id, app_id (an integer, one per callback origin), created_at (now) }', async () => {
    const first = await mint({ callback_url: 'http://localhost:3000/a' })
    const sameApp = await mint({ callback_url: 'http://localhost:3000/b?x=1' })
    const otherApp = await mint({ callback_url: 'http://localhost:3001/a' })
    expect(first).toEqual({ id: expect.stringMatching(/^auth_code_[A-Za-z0-9_-]{24}$/), app_id: 1001, created_at: '2026-11-26T12:00:00.000Z' })
    expect(sameApp.app_id).toBe(1001)
    expect(otherApp.app_id).toBe(1002)
    expect(new Set([first.id, sameApp.id, otherApp.id]).size).toBe(3)
  })

  it('the exchanged key carries limit, reset, label, expiry and the bearer’s user', async () => {
    const { double } = fixture
    const bearer = double.createKey({ userId: 'user_mint_owner' })
    const { id } = await mint({ limit: 4.5, usage_limit_type: 'monthly', key_label: 'Nightly job', expires_at: '2027-01-02T03:04:05Z' }, bearer)
    const response = await exchange(double, { code: id, code_verifier: RFC_VERIFIER, code_challenge_method: 'S256' })
    expect(response.json).toEqual({ key: expect.any(String), user_id: 'user_mint_owner' })
    const { key } = response.json as { key: string }
    expect(double.keys().find((entry) => entry.secret === key)).toMatchObject({
      limit: 4.5,
      limitReset: 'monthly',
      label: 'Nightly job',
      expiresAt: '2027-01-02T03:04:05Z',
      userId: 'user_mint_owner',
      usage: 0,
      disabled: false,
    })
  })

  it('without optional fields the key has no cap, no reset, no expiry and the masked label', async () => {
    const { double } = fixture
    const { id } = await mint({})
    const { key } = (await exchange(double, { code: id, code_verifier: RFC_VERIFIER, code_challenge_method: 'S256' })).json as { key: string }
    expect(double.keys().find((entry) => entry.secret === key)).toMatchObject({ limit: null, limitReset: null, expiresAt: null, label: `${key.slice(0, 12)}...${key.slice(-3)}` })
  })

  it('is bound to its challenge and method, single use, and expires after 10 minutes like any code', async () => {
    const { double } = fixture
    const { id } = await mint({})
    expect((await exchange(double, { code: id, code_verifier: 'wrong', code_challenge_method: 'S256' })).status).toBe(403)
    expect((await exchange(double, { code: id, code_verifier: RFC_VERIFIER, code_challenge_method: 'plain' })).status).toBe(400)
    expect((await exchange(double, { code: id, code_verifier: RFC_VERIFIER, code_challenge_method: 'S256' })).status).toBe(200)
    expect((await exchange(double, { code: id, code_verifier: RFC_VERIFIER, code_challenge_method: 'S256' })).status).toBe(403)
    const { id: late } = await mint({})
    fixture.clock += 10 * MINUTE
    expect(await exchange(double, { code: late, code_verifier: RFC_VERIFIER, code_challenge_method: 'S256' })).toMatchObject({
      status: 403,
      json: { error: { message: 'Authorization code expired' } },
    })
  })
})

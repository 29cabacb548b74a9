// GET /api/v1/key and GET /api/v1/credits: bearer handling and the figures the app shows.
import { describe, expect, it } from 'vitest'
import { callApi, useDouble } from './test-support'

const fixture = useDouble()

interface KeyBody {
  data: Record<string, unknown>
}

describe('GET /key', () => {
  it('reports the key’s own state, field by field', async () => {
    const { double } = fixture
    const secret = double.createKey({ limit: 20, limitReset: 'weekly', usage: 7.25, usageDaily: 1, usageWeekly: 7.25, usageMonthly: 9, byokUsage: 2, byokUsageMonthly: 2, isFreeTier: true, userId: 'user_k1' })
    const response = await callApi(double, '/key', { bearer: secret })
    expect(response.status).toBe(200)
    expect((response.json as KeyBody).data).toMatchObject({
      label: `${secret.slice(0, 12)}...${secret.slice(-3)}`,
      limit: 20,
      limit_remaining: 12.75,
      limit_reset: 'weekly',
      usage: 7.25,
      usage_daily: 1,
      usage_weekly: 7.25,
      usage_monthly: 9,
      byok_usage: 2,
      byok_usage_monthly: 2,
      is_free_tier: true,
      is_management_key: false,
      is_provisioning_key: false,
      creator_user_id: 'user_k1',
      expires_at: null,
      allowed_data_regions: [],
      organization_id: null,
      workspace_id: '0df9e665-d932-5740-b2c7-b52af166bc11', // the default workspace
    })
  })

  it.each([
    ['no limit → null', { limit: null, usage: 5 }, null],
    ['limit above usage', { limit: 10, usage: 9.7 }, 0.3],
    ['limit reached', { limit: 2, usage: 2 }, 0],
    ['limit exceeded is clamped at 0', { limit: 2, usage: 2.5 }, 0],
  ])('limit_remaining: %s', async (_name, init, expected) => {
    const response = await callApi(fixture.double, '/key', { bearer: fixture.double.createKey(init) })
    expect((response.json as KeyBody).data['limit_remaining']).toBe(expected)
  })

  it('follows updateKey between requests', async () => {
    const { double } = fixture
    const secret = double.createKey({ limit: 10 })
    double.updateKey(secret, { usage: 4, label: 'renamed', expiresAt: '2027-05-05T05:05:05Z' })
    expect((await callApi(double, '/key', { bearer: secret })).json).toMatchObject({ data: { usage: 4, limit_remaining: 6, label: 'renamed', expires_at: '2027-05-05T05:05:05Z' } })
  })

  it('an expired key still answers 200 with its expires_at (the live answer is UNCONFIRMED)', async () => {
    const secret = fixture.double.createKey({ expiresAt: '2026-11-01T00:00:00Z' })
    const response = await callApi(fixture.double, '/key', { bearer: secret })
    expect(response).toMatchObject({ status: 200, json: { data: { expires_at: '2026-11-01T00:00:00Z' } } })
  })

  it.each([
    ['no header', {}, 'No auth credentials found'],
    ['an empty bearer', { authorization: 'Bearer ' }, 'No auth credentials found'],
    ['another scheme', { authorization: 'Token sk-or-v1-abc' }, 'No auth credentials found'],
    ['an unknown key', { authorization: 'Bearer sk-or-v1-0000' }, 'User not found.'],
  ])('%s → 401 "%s"', async (_name, headers, message) => {
    const response = await callApi(fixture.double, '/key', { headers })
    expect(response).toMatchObject({ status: 401, contentType: 'application/json', json: { error: { code: 401, message } } })
  })

  it('a revoked key → 401 "User not found.", and the scheme is case-insensitive', async () => {
    const { double } = fixture
    const secret = double.createKey()
    expect((await callApi(double, '/key', { headers: { authorization: `bearer ${secret}` } })).status).toBe(200)
    double.revokeKey(secret)
    expect(await callApi(double, '/key', { bearer: secret })).toMatchObject({ status: 401, json: { error: { message: 'User not found.' } } })
  })
})

describe('GET /credits', () => {
  it('403 for a valid user key, 401 for a missing, unknown or revoked one', async () => {
    const { double } = fixture
    const secret = double.createKey()
    expect(await callApi(double, '/credits', { bearer: secret })).toMatchObject({
      status: 403,
      json: { error: { code: 403, message: 'Only management keys can perform this operation' } },
    })
    expect(await callApi(double, '/credits')).toMatchObject({ status: 401, json: { error: { message: 'No auth credentials found' } } })
    expect(await callApi(double, '/credits', { bearer: 'sk-or-v1-zz' })).toMatchObject({ status: 401, json: { error: { message: 'User not found.' } } })
    double.revokeKey(secret)
    expect((await callApi(double, '/credits', { bearer: secret })).status).toBe(401)
  })
})

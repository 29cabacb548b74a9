// The test-facing controls: seeding keys directly, changing and revoking them, minting codes, demo seeds.
import { describe, expect, it } from 'vitest'
import { seedDemoKeys } from './seed'
import { callApi, exchange, T0, useDouble } from './test-support'

const fixture = useDouble()

describe('createKey / keys()', () => {
  it('returns sk-or-v1- + 64 hex and lists the key with OpenRouter-like defaults', () => {
    const { double } = fixture
    const secret = double.createKey()
    expect(secret).toMatch(/^sk-or-v1-[0-9a-f]{64}$/)
    expect(double.keys()).toEqual([
      {
        secret,
        label: `sk-or-v1-${secret.slice(9, 12)}...${secret.slice(-3)}`,
        limit: null,
        limitReset: null,
        usage: 0,
        usageDaily: 0,
        usageWeekly: 0,
        usageMonthly: 0,
        byokUsage: 0,
        byokUsageDaily: 0,
        byokUsageWeekly: 0,
        byokUsageMonthly: 0,
        includeByokInLimit: false,
        isFreeTier: false,
        expiresAt: null,
        userId: 'user_2yOPcMpKoQhcd4bVgSMlELRaIah',
        disabled: false,
        name: expect.stringMatching(/^sk-or-v1-[0-9a-f]{3}\.\.\.[0-9a-f]{3}$/),
        workspaceId: double.defaultWorkspaceId,
        createdAt: '2026-11-26T12:00:00Z',
        updatedAt: null,
        externalUser: null,
        isManagementKey: false,
      },
    ])
  })

  it('applies init, ignoring fields set to undefined, and makes a new secret every time', () => {
    const { double } = fixture
    const a = double.createKey({ limit: 3, label: undefined, userId: 'user_x' })
    const b = double.createKey()
    expect(a).not.toBe(b)
    expect(double.keys()[0]).toMatchObject({ secret: a, limit: 3, userId: 'user_x', label: expect.stringMatching(/^sk-or-v1-[0-9a-f]{3}\.\.\.[0-9a-f]{3}$/) })
  })

  it('keys() hands out copies: changing one does not change the double', async () => {
    const { double } = fixture
    const secret = double.createKey({ limit: 10 })
    const [copy] = double.keys()
    copy!.limit = 999
    copy!.disabled = true
    expect(double.keys()[0]).toMatchObject({ limit: 10, disabled: false })
    expect((await callApi(double, '/key', { bearer: secret })).status).toBe(200)
  })
})

describe('updateKey / revokeKey', () => {
  it('updateKey patches the live state, and undefined leaves a field alone', () => {
    const { double } = fixture
    const secret = double.createKey({ limit: 10, label: 'keep' })
    double.updateKey(secret, { usage: 2, label: undefined })
    expect(double.keys()[0]).toMatchObject({ usage: 2, label: 'keep', limit: 10 })
  })

  it('revokeKey disables the key for /key, create-code and /credits', async () => {
    const { double } = fixture
    const secret = double.createKey()
    double.revokeKey(secret)
    expect(double.keys()[0]!.disabled).toBe(true)
    for (const path of ['/key', '/credits']) expect((await callApi(double, path, { bearer: secret })).status).toBe(401)
    expect((await callApi(double, '/auth/keys/code', { bearer: secret, body: { callback_url: 'https://a.example/cb' } })).status).toBe(401)
    double.updateKey(secret, { disabled: false })
    expect((await callApi(double, '/key', { bearer: secret })).status).toBe(200)
  })

  it('both throw for a key the double does not know', () => {
    expect(() => fixture.double.updateKey('sk-or-v1-nope', { usage: 1 })).toThrow(/does not know/)
    expect(() => fixture.double.revokeKey('sk-or-v1-nope')).toThrow(/does not know/)
  })
})

describe('issueCode', () => {
  it('mints distinct, listed codes whose key state is applied on exchange', async () => {
    const { double } = fixture
    const first = double.issueCode({ key: { limit: 8, label: 'from issueCode' } })
    const second = double.issueCode({})
    expect(first).not.toBe(second)
    expect(double.issuedCodes()).toEqual([first, second])
    await exchange(double, { code: first })
    expect(double.keys()).toEqual([expect.objectContaining({ limit: 8, label: 'from issueCode' })])
  })
})

describe('seedDemoKeys', () => {
  it('creates one key of each status a person can meet and returns their secrets and labels', async () => {
    const { double } = fixture
    const seeds = seedDemoKeys(double, T0)
    expect(seeds.map((seed) => seed.label)).toEqual(['Work laptop', 'CI pipeline', 'Old experiment', 'Weekend project', 'Personal (no cap)', 'Shared with a friend'])
    const byLabel = (label: string) => {
      const secret = seeds.find((seed) => seed.label === label)!.secret
      return double.keys().find((key) => key.secret === secret)!
    }
    expect(byLabel('Work laptop')).toMatchObject({ limit: 25, limitReset: 'monthly', usage: 6.4, expiresAt: '2027-01-25T12:00:00Z', disabled: false })
    expect(byLabel('CI pipeline')).toMatchObject({ expiresAt: '2026-11-29T12:00:00Z', disabled: false }) // in 3 days
    expect(byLabel('Old experiment')).toMatchObject({ expiresAt: '2026-11-22T12:00:00Z' }) // expired
    expect(byLabel('Weekend project')).toMatchObject({ limit: 2, usage: 2 }) // limit reached
    expect(byLabel('Personal (no cap)')).toMatchObject({ limit: null, expiresAt: null })
    expect(byLabel('Shared with a friend')).toMatchObject({ disabled: true }) // revoked
    expect(new Set(seeds.map((seed) => seed.secret)).size).toBe(6)

    const remaining = await callApi(double, '/key', { bearer: seeds[3]!.secret })
    expect(remaining.json).toMatchObject({ data: { limit_remaining: 0 } })
    expect((await callApi(double, '/key', { bearer: seeds[5]!.secret })).status).toBe(401)
  })
})

// Minting a limited key: create_auth_code (authenticated by a stored key) then the exchange, against the double.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MintRequest } from '../../../preload/contract'
import { validateMintRequest } from '../../../main/core/new-keys/mint'
import { startOpenRouterDouble, type OpenRouterDouble } from '../../openrouter-double'
import { startTestServices, type TestServices } from '../../support/core-services'
import { faultyVault, LOCKED, type FaultyVault } from '../../support/faulty-vault'
import { keychainItems } from '../../support/keychain'

const DAY = 24 * 60 * 60 * 1000
let double: OpenRouterDouble
let app: TestServices
let vault: FaultyVault
let sourceKeyId: string

beforeEach(async () => {
  double = await startOpenRouterDouble()
  app = await startTestServices({ apiBaseUrl: double.apiBaseUrl, wrapVault: (inner) => (vault = faultyVault(inner)) })
  sourceKeyId = (await app.services.intake.add(double.createKey({ userId: 'user_owner' }), 'Main')).id
})
afterEach(async () => {
  await app.dispose()
  await double.close()
})

const request = (overrides: Partial<MintRequest> = {}): MintRequest => ({
  sourceKeyId,
  label: 'CI budget',
  limit: 5,
  limitReset: 'monthly',
  expiresAt: new Date(Date.now() + 30 * DAY).toISOString(),
  ...overrides,
})
const mint = (overrides: Partial<MintRequest> = {}) => app.services.dispatch('keys:mint', [request(overrides)])

describe('minting a limited key', () => {
  it('one mint at a time: a second request while one runs is refused and creates nothing', async () => {
    // Both requests take the same path through the dispatcher, so the first reaches the minter first.
    const first = mint({ label: 'First' })
    const second = mint({ label: 'Second' })
    expect(await second).toMatchObject({ ok: false, error: { code: 'busy', message: 'A limited key is already being created.' } })
    expect(await first).toMatchObject({ ok: true, value: { label: 'First' } })
    expect(double.requests.filter((entry) => entry.path === '/api/v1/auth/keys/code')).toHaveLength(1)
    expect(double.keys().map((key) => key.label)).not.toContain('Second')
    // Once the first is done, the next one runs.
    expect(await mint({ label: 'Third' })).toMatchObject({ ok: true, value: { label: 'Third' } })
  })

  it('sends every create_auth_code parameter, exchanges the code, and stores the key OpenRouter reports', async () => {
    const expiresAt = new Date(Date.now() + 30 * DAY + 1234)
    const result = await mint({ expiresAt: expiresAt.toISOString() })
    expect(result.ok).toBe(true)
    const createCode = double.requests.find((entry) => entry.path === '/api/v1/auth/keys/code')!
    expect(createCode.authorization).toMatch(/^Bearer sk-or-v1-/)
    expect(createCode.body).toMatchObject({
      callback_url: expect.stringMatching(/^http:\/\/localhost:\d+\/callback$/),
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      code_challenge_method: 'S256',
      key_label: 'CI budget',
      limit: 5,
      usage_limit_type: 'monthly',
      expires_at: new Date(Math.floor(expiresAt.getTime() / 1000) * 1000).toISOString(),
    })
    const exchange = double.requests.find((entry) => entry.path === '/api/v1/auth/keys')!
    expect(exchange.body).toMatchObject({ code: expect.stringMatching(/^auth_code_/), code_verifier: expect.any(String), code_challenge_method: 'S256' })
    expect(exchange.authorization).toBeNull()
    const minted = double.keys().at(-1)!
    expect(minted).toMatchObject({ limit: 5, limitReset: 'monthly', label: 'CI budget', userId: 'user_owner' })
    const view = app.services.keys.list().keys.find((key) => key.label === 'CI budget')!
    expect(view.figures).toMatchObject({ limit: 5, limitRemaining: 5, limitReset: 'monthly' })
    expect(Date.parse(view.figures!.expiresAt!)).toBeCloseTo(Math.floor(expiresAt.getTime() / 1000) * 1000, -3)
    expect((await keychainItems(app.keychainService)).map((item) => item.password)).toContain(minted.secret)
  })

  it('mints a key without reset or expiry', async () => {
    expect((await mint({ limitReset: null, expiresAt: null })).ok).toBe(true)
    const body = double.requests.find((entry) => entry.path === '/api/v1/auth/keys/code')!.body as Record<string, unknown>
    expect(body).not.toHaveProperty('usage_limit_type')
    expect(body).not.toHaveProperty('expires_at')
  })

  it.each([
    [{ kind: 'status', status: 401 } as const, 'key-rejected', /did not accept the chosen key/],
    [{ kind: 'status', status: 403, message: 'Only management keys can perform this operation' } as const, 'forbidden', /only lets a management key/],
    [{ kind: 'status', status: 409 } as const, 'conflict', /409/],
    [{ kind: 'status', status: 400, message: 'limit too high' } as const, 'bad-request', /limit too high/],
  ])('says plainly why OpenRouter refused (%o) and stores nothing', async (failure, code, message) => {
    double.failNext('create-code', failure)
    const result = await mint()
    expect(result).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } })
    expect(app.services.keys.list().keys).toHaveLength(1)
    expect(await keychainItems(app.keychainService)).toHaveLength(1)
  })

  it('refuses to mint while a connection is in progress or a key is waiting to be saved, creating nothing', async () => {
    await app.services.connect.start({})
    expect(await mint()).toMatchObject({ ok: false, error: { code: 'busy' } })
    await app.services.connect.cancel()
    vault.failWrites = LOCKED()
    expect(await mint()).toMatchObject({ ok: false, error: { code: 'keychain-locked' } })
    const created = double.keys().length
    expect(await mint({ label: 'Second' })).toMatchObject({ ok: false, error: { code: 'busy' } })
    expect(double.keys()).toHaveLength(created)
  })

  it('a revoked source key gets 401 from OpenRouter', async () => {
    double.revokeKey(double.keys()[0]!.secret)
    expect(await mint()).toMatchObject({ ok: false, error: { code: 'key-rejected' } })
  })

  it('holds the new key in memory when the keychain refuses it, to be saved again or copied', async () => {
    vault.failWrites = LOCKED()
    const result = await mint()
    expect(result).toMatchObject({ ok: false, error: { code: 'keychain-locked' } })
    const state = app.services.connect.current
    expect(state).toMatchObject({ phase: 'failed', unsavedKey: { maskedKey: expect.stringMatching(/^sk-or-v1-…/) } })
    vault.failWrites = null
    expect((await app.services.connect.retrySave()).phase).toBe('connected')
    expect(app.services.keys.list().keys.map((key) => key.label)).toContain('CI budget')
  })
})

describe('validateMintRequest', () => {
  const now = Date.parse('2026-11-26T12:00:00Z')
  it('rejects a zero limit, a past expiry and an overlong label; accepts a good request', () => {
    const good = { sourceKeyId: 'x', label: 'ok', limit: 1, limitReset: null, expiresAt: '2026-11-27T12:00:00Z' }
    expect(() => validateMintRequest(good, now)).not.toThrow()
    expect(() => validateMintRequest({ ...good, limit: 0 }, now)).toThrow(/more than \$0/)
    expect(() => validateMintRequest({ ...good, expiresAt: '2026-11-26T11:59:59Z' }, now)).toThrow(/future/)
    expect(() => validateMintRequest({ ...good, label: 'x'.repeat(101) }, now)).toThrow(/1 to 100/)
    expect(() => validateMintRequest({ ...good, label: '   ' }, now)).toThrow(/1 to 100/)
  })
})

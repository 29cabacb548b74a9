// The management gateway against the OpenRouter double on real loopback HTTP, through the real SDK: what it
// sends (only the management key, never an ambient bearer), what it reads, how it fails, and how it treats 429s.
import { createHash } from 'node:crypto'
import { createServer } from 'node:http'
import { inspect } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createManagementGateway,
  KEYS_PAGE_SIZE,
  ManagementKey,
  type ManagementGateway,
  type ManagementGatewayOptions,
} from '../../../main/core/openrouter/management-gateway'
import { createOpenRouterGateway } from '../../../main/core/openrouter/openrouter-gateway'
import { startOpenRouterDouble, type OpenRouterDouble } from '../../openrouter-double'

const STRAY_BEARER = `sk-or-v1-${'a'.repeat(64)}`
const T0 = Date.parse('2026-11-26T12:00:00Z')
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

let double: OpenRouterDouble
let clock = T0
/** Waits the gateway asked for; the injected sleep resolves at once, so no test races the wall clock. */
let waits: number[] = []

beforeEach(async () => {
  // The SDK would send this as a bearer if the gateway let it; every test proves it never does.
  process.env['OPENROUTER_API_KEY'] = STRAY_BEARER
  clock = T0
  waits = []
  double = await startOpenRouterDouble({ now: () => clock })
})

afterEach(async () => {
  expect(double.requests.filter((request) => request.authorization === `Bearer ${STRAY_BEARER}`)).toEqual([])
  expect(double.requests.filter((request) => request.authorization === null || request.authorization === 'Bearer ')).toEqual([])
  delete process.env['OPENROUTER_API_KEY']
  await double.close()
})

function gateway(overrides: Partial<ManagementGatewayOptions> = {}): ManagementGateway {
  return createManagementGateway({
    apiBaseUrl: double.apiBaseUrl,
    httpTimeoutMs: 5000,
    retryBudgetMs: 0,
    rateLimit: {
      budgetMs: 30_000,
      now: () => clock,
      sleep: (ms) => {
        waits.push(ms)
        clock += ms
        return Promise.resolve()
      },
    },
    ...overrides,
  })
}

function managementKey(init: Parameters<OpenRouterDouble['createManagementKey']>[0] = {}): { secret: string; key: ManagementKey } {
  const secret = double.createManagementKey(init)
  return { secret, key: ManagementKey.fromSecret(secret) }
}

/** A loopback server that answers every request with one status and body: for answers the double never gives. */
async function answerOnce(status: number, body: unknown): Promise<{ apiBaseUrl: string; [Symbol.asyncDispose](): Promise<void> }> {
  const server = createServer((_req, res) => res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body)))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('no address')
  return {
    apiBaseUrl: `http://127.0.0.1:${address.port}/api/v1`,
    [Symbol.asyncDispose]: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

describe('ManagementKey', () => {
  it('never prints its secret: not in String(), JSON, inspect or template literals', () => {
    const secret = double.createManagementKey()
    const key = ManagementKey.fromSecret(secret)
    for (const shown of [String(key), JSON.stringify({ key }), inspect(key), `${key}`, inspect({ nested: key })]) {
      expect(shown).not.toContain(secret)
      expect(shown).not.toContain(secret.slice(-20))
    }
    expect(key.masked).toBe(`sk-or-v1-…${secret.slice(-4)}`)
    expect(() => ManagementKey.fromSecret('not a key')).toThrow(TypeError)
  })

  it('is a different type from an API key: neither passes for the other (checked by tsc)', () => {
    const management = ManagementKey.fromSecret(`sk-or-v1-${'b'.repeat(64)}`)
    const api = createOpenRouterGateway({ apiBaseUrl: double.apiBaseUrl, httpTimeoutMs: 1000, retryBudgetMs: 0 })
    const mgmt = gateway()
    // Never called: these lines exist for the type checker, which fails if either call compiles.
    const wouldNotCompile = () => {
      // @ts-expect-error a management key is not an API key
      void api.getKeyFigures(management)
      // @ts-expect-error an API key (a string) is not a management key
      void mgmt.getCredits(`sk-or-v1-${'c'.repeat(64)}`)
    }
    expect(wouldNotCompile).toBeTypeOf('function')
  })
})

describe('checkKey', () => {
  it('recognises a management key, and sends it only as its own bearer', async () => {
    const { secret } = managementKey()
    const check = await gateway().checkKey(secret)
    expect(check.kind).toBe('management')
    if (check.kind !== 'management') return
    expect(check.key.masked).toBe(`sk-or-v1-…${secret.slice(-4)}`)
    expect(double.requests.map((request) => [request.method, request.path, request.authorization])).toEqual([['GET', '/api/v1/key', `Bearer ${secret}`]])
  })

  it('an ordinary key comes back as an API key with its figures', async () => {
    const secret = double.createKey({ limit: 10, usage: 2 })
    await expect(gateway().checkKey(secret)).resolves.toMatchObject({ kind: 'api-key', figures: { limit: 10, limitRemaining: 8 } })
  })

  it('a rejected key (401) is key-rejected, saying nothing was stored', async () => {
    const { secret } = managementKey({ disabled: true })
    await expect(gateway().checkKey(secret)).rejects.toMatchObject({ appError: { code: 'key-rejected', message: expect.stringMatching(/Nothing was stored/) } })
  })
})

describe('listing every key', () => {
  it('lists workspaces, then each workspace page by page until a short page, deduplicated, complete', async () => {
    const { key, secret } = managementKey()
    const secrets = double.seedAccountKeys({ count: 250, workspaces: 3, init: (index) => ({ disabled: index % 50 === 0 }) })
    const listing = await gateway().listAllKeys(key)
    expect(listing).toMatchObject({ complete: true, workspacesError: null, failedWorkspaces: [] })
    expect(listing.workspaces.map((workspace) => workspace.id)).toEqual(double.workspaces().map((workspace) => workspace.id))
    expect(listing.keys).toHaveLength(250) // disabled keys included
    expect(new Set(listing.keys.map((item) => item.hash))).toEqual(new Set(secrets.map(sha256)))
    const keyPages = double.requests.filter((request) => request.path === '/api/v1/keys')
    expect(keyPages).toHaveLength(3 * 1) // 84, 83, 83 keys: one short page each
    expect(double.requests.every((request) => request.authorization === `Bearer ${secret}`)).toBe(true)
  })

  it('a one-workspace account of 1,000 keys costs 11 sequential page requests: the first overlaps /workspaces', async () => {
    const { key } = managementKey()
    double.seedAccountKeys({ count: 1000 })
    const listing = await gateway().listAllKeys(key)
    expect(listing).toMatchObject({ complete: true })
    expect(listing.keys).toHaveLength(1000)
    expect(double.requests.filter((request) => request.path === '/api/v1/keys')).toHaveLength(11)
  })

  it('the first page does not wait for /workspaces (which here never answers)', async () => {
    const { key } = managementKey()
    double.seedAccountKeys({ count: 3 })
    double.failNext('workspaces', { kind: 'hang' })
    const listing = await gateway({ httpTimeoutMs: 3000 }).listAllKeys(key)
    expect(listing).toMatchObject({ complete: false, keys: [], workspacesError: { code: 'timeout' } })
    expect(double.requests.map((request) => request.path).sort()).toEqual(['/api/v1/keys', '/api/v1/workspaces'])
  })

  it('a workspace of exactly 100 keys is read to the empty page after it', async () => {
    const { key } = managementKey()
    double.seedAccountKeys({ count: KEYS_PAGE_SIZE })
    const listing = await gateway().listAllKeys(key)
    expect(listing.complete).toBe(true)
    expect(listing.keys).toHaveLength(100)
    expect(double.requests.filter((request) => request.path === '/api/v1/keys')).toHaveLength(2)
  })

  it('a failed workspace makes the listing partial and names it; the other workspaces are still listed', async () => {
    const { key } = managementKey()
    double.seedAccountKeys({ count: 30, workspaces: 3 })
    // Twice: the default workspace's first page is fetched early, and then again once its id is known.
    double.failNext('keys-list', { kind: 'status', status: 500 }, 2)
    const listing = await gateway({ listingConcurrency: 1 }).listAllKeys(key)
    expect(listing.complete).toBe(false)
    expect(listing.failedWorkspaces).toEqual([{ workspaceId: double.defaultWorkspaceId, error: expect.objectContaining({ code: 'openrouter-error' }) }])
    expect(listing.keys).toHaveLength(20)
  })

  it('when the workspaces cannot be listed, nothing is claimed complete', async () => {
    const { key } = managementKey()
    double.seedAccountKeys({ count: 3 })
    double.failNext('workspaces', { kind: 'status', status: 503 })
    await expect(gateway().listAllKeys(key)).resolves.toMatchObject({ complete: false, keys: [], workspacesError: { code: 'openrouter-error' } })
  })

  it('5xx on a page is retried within the retry budget', async () => {
    const { key } = managementKey()
    double.seedAccountKeys({ count: 5 })
    double.failNext('keys-list', { kind: 'status', status: 502 })
    const listing = await gateway({ retryBudgetMs: 5000 }).listAllKeys(key)
    expect(listing).toMatchObject({ complete: true })
    expect(listing.keys).toHaveLength(5)
  })
})

describe('reading and changing one key', () => {
  it('get, update (name, limit, reset, include-BYOK, disabled) and delete, each through the SDK', async () => {
    const { key } = managementKey()
    const secret = double.createKey({ limit: 10, usage: 4 })
    const hash = double.hashOf(secret)
    const mgmt = gateway()
    await expect(mgmt.getKey(key, hash)).resolves.toMatchObject({ hash, limit: 10, limitRemaining: 6, disabled: false, workspaceId: double.defaultWorkspaceId })
    const updated = await mgmt.updateKey(key, hash, { name: 'Build bot', limit: 20, limitReset: 'weekly', includeByokInLimit: true, disabled: true })
    expect(updated).toMatchObject({ name: 'Build bot', limit: 20, limitRemaining: 16, limitReset: 'weekly', includeByokInLimit: true, disabled: true })
    expect(double.requests.at(-1)).toMatchObject({ method: 'PATCH', body: { name: 'Build bot', limit: 20, limit_reset: 'weekly', include_byok_in_limit: true, disabled: true } })
    await mgmt.deleteKey(key, hash)
    expect(double.keys().some((item) => item.secret === secret)).toBe(false)
    await expect(mgmt.getKey(key, hash)).rejects.toMatchObject({ appError: { code: 'not-found' } })
    await expect(mgmt.deleteKey(key, hash)).rejects.toMatchObject({ appError: { code: 'not-found' } })
  })

  it('an ordinary key used as a management key is "not a management key" (403); a rejected one is key-rejected (401)', async () => {
    const ordinary = ManagementKey.fromSecret(double.createKey())
    await expect(gateway().getCredits(ordinary)).rejects.toMatchObject({ appError: { code: 'forbidden', message: expect.stringMatching(/not a management key/) } })
    const { key, secret } = managementKey()
    double.updateKey(secret, { disabled: true })
    await expect(gateway().listKeysPage(key, null, 0)).rejects.toMatchObject({ appError: { code: 'key-rejected', message: expect.stringMatching(/management key/) } })
  })

  it('credits and activity (filtered by key hash and date)', async () => {
    const { key } = managementKey()
    const secret = double.createKey()
    double.setCredits({ totalCredits: 100.5, totalUsage: 25.75 })
    const [first, last] = [double.activityDates()[0]!, double.activityDates()[29]!]
    double.setActivity([
      { date: first, secret, model: 'openai/gpt-4.1', usage: 0.5 },
      { date: last, secret, model: 'openai/gpt-4.1', usage: 0.25 },
      { date: last, secret: double.createKey(), model: 'openai/gpt-4.1', usage: 9 },
    ])
    const mgmt = gateway()
    await expect(mgmt.getCredits(key)).resolves.toEqual({ totalCredits: 100.5, totalUsage: 25.75 })
    const rows = await mgmt.getActivity(key, { apiKeyHash: sha256(secret) })
    expect(rows.map((row) => [row.date, row.usage])).toEqual([[first, 0.5], [last, 0.25]])
    expect((await mgmt.getActivity(key, { apiKeyHash: sha256(secret), date: last })).map((row) => row.usage)).toEqual([0.25])
    expect(double.requests.at(-1)?.path).toBe('/api/v1/activity')
  })
})

describe('creating a key', () => {
  const request = { name: 'Deploy', limit: 50, limitReset: 'monthly' as const, expiresAt: new Date('2027-12-31T23:59:59Z'), includeByokInLimit: true }

  it('returns the plaintext once, with the key object, and sends every field', async () => {
    const { key } = managementKey()
    const created = await gateway().createKey(key, request)
    expect(created.secret).toMatch(/^sk-or-v1-[0-9a-f]{64}$/)
    expect(created.key).toMatchObject({ name: 'Deploy', hash: sha256(created.secret), limit: 50, limitReset: 'monthly', expiresAt: '2027-12-31T23:59:59.000Z', includeByokInLimit: true })
    expect(double.requests.at(-1)?.body).toEqual({ name: 'Deploy', limit: 50, limit_reset: 'monthly', expires_at: '2027-12-31T23:59:59.000Z', include_byok_in_limit: true })
  })

  it('is never repeated on 5xx, and says a key may exist', async () => {
    const { key } = managementKey()
    double.failNext('keys-create', { kind: 'status', status: 502 })
    await expect(gateway({ retryBudgetMs: 5000 }).createKey(key, request)).rejects.toMatchObject({
      appError: { code: 'openrouter-error', message: expect.stringMatching(/may have created the key/), hint: expect.stringMatching(/key list/) },
    })
    expect(double.requests.filter((item) => item.method === 'POST')).toHaveLength(1)
  })

  it('is never repeated on 429: rate-limited with retryAt, and "No key was created"', async () => {
    const { key } = managementKey()
    double.failNext('keys-create', { kind: 'rate-limited', retryAfterSeconds: 30 })
    await expect(gateway().createKey(key, request)).rejects.toMatchObject({
      appError: {
        code: 'rate-limited',
        message: expect.stringMatching(/No key was created/),
        hint: 'OpenRouter asked to wait until 12:00:30 UTC; try again after that.',
        retryAt: new Date(T0 + 30_000).toISOString(),
      },
    })
    expect(double.requests.filter((item) => item.method === 'POST')).toHaveLength(1)
    expect(waits).toEqual([])
    expect(double.keys()).toHaveLength(1) // the management key only
  })

  it('keeps the plaintext from a 201 whose key object breaks the schema', async () => {
    const { key } = managementKey()
    double.failNext('keys-create', { kind: 'schema-violation' })
    await expect(gateway().createKey(key, request)).resolves.toEqual({ secret: `sk-or-v1-${'5'.repeat(64)}`, key: null })
  })

  it('keeps the plaintext from a 200 where the spec says 201 (the SDK calls that an error)', async () => {
    const { key } = managementKey()
    const plaintext = `sk-or-v1-${'6'.repeat(64)}`
    await using server = await answerOnce(200, { key: plaintext, data: {} })
    const mgmt = createManagementGateway({ apiBaseUrl: server.apiBaseUrl, httpTimeoutMs: 5000, retryBudgetMs: 0 })
    await expect(mgmt.createKey(key, request)).resolves.toEqual({ secret: plaintext, key: null })
  })
})

describe('create_auth_code with the management key', () => {
  it('sends every parameter, signed with the management key', async () => {
    const { key, secret } = managementKey()
    double.setCreateCodeAuth('management-only')
    const { code } = await gateway().createAuthCode(key, {
      callbackUrl: 'http://localhost:3104/callback',
      codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      label: 'Limited',
      limit: 5,
      limitReset: 'daily',
      expiresAt: new Date('2027-01-31T23:59:59Z'),
    })
    expect(code).toMatch(/^auth_code_/)
    expect(double.requests.at(-1)).toMatchObject({
      path: '/api/v1/auth/keys/code',
      authorization: `Bearer ${secret}`,
      body: {
        callback_url: 'http://localhost:3104/callback',
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
        key_label: 'Limited',
        limit: 5,
        usage_limit_type: 'daily',
        expires_at: '2027-01-31T23:59:59.000Z',
      },
    })
  })

  it('a 429 is reported at once, never repeated', async () => {
    const { key } = managementKey()
    double.failNext('create-code', { kind: 'rate-limited', retryAfterSeconds: 5 })
    const request = { callbackUrl: 'http://localhost:3104/callback', codeChallenge: 'abc', label: 'x', limit: 1, limitReset: null, expiresAt: null }
    await expect(gateway().createAuthCode(key, request)).rejects.toMatchObject({ appError: { code: 'rate-limited', message: expect.stringMatching(/No key was created/) } })
    expect(double.requests.filter((item) => item.path === '/api/v1/auth/keys/code')).toHaveLength(1)
  })
})

describe('rate limits on reads', () => {
  it('waits out Retry-After and finishes a listing when every 3rd request is rate limited', async () => {
    const { key } = managementKey()
    double.seedAccountKeys({ count: 450, workspaces: 2 })
    double.setRateLimit({ every: 3, retryAfterSeconds: 2 })
    const listing = await gateway({ listingConcurrency: 1 }).listAllKeys(key)
    expect(listing.complete).toBe(true)
    expect(listing.keys).toHaveLength(450)
    // 1 workspaces page + 3 + 3 key pages = 7 served; every 3rd arrival was a 429 answered by a 2 s wait.
    expect(waits.length).toBeGreaterThanOrEqual(2)
    expect(waits.every((ms) => ms === 2000)).toBe(true)
    expect(double.requests).toHaveLength(7 + waits.length)
  })

  it('a Retry-After beyond the bound is not waited out: rate-limited with its retryAt, at once', async () => {
    const { key } = managementKey()
    double.failNext('credits', { kind: 'rate-limited', retryAfterSeconds: 120 })
    // A budget that would allow the wait: only the 60 s bound on one Retry-After stops it.
    const roomy = gateway({ rateLimit: { budgetMs: 600_000, now: () => clock, sleep: (ms) => ((clock += ms), waits.push(ms), Promise.resolve()) } })
    await expect(roomy.getCredits(key)).rejects.toMatchObject({
      appError: { code: 'rate-limited', retryAt: new Date(T0 + 120_000).toISOString(), message: expect.not.stringMatching(/rejected/) },
    })
    expect(waits).toEqual([])
    expect(double.requests).toHaveLength(1)
  })

  it('stops waiting when the budget is spent', async () => {
    const { key } = managementKey()
    double.setFailure('activity', { kind: 'rate-limited', retryAfterSeconds: 10 })
    await expect(gateway({ rateLimit: { budgetMs: 25_000, now: () => clock, sleep: (ms) => ((clock += ms), waits.push(ms), Promise.resolve()) } }).getActivity(key)).rejects.toMatchObject({
      appError: { code: 'rate-limited' },
    })
    expect(waits).toEqual([10_000, 10_000])
  })

  it('really sleeps for Retry-After with the default clock (1 s)', async () => {
    const { key } = managementKey()
    double.failNext('credits', { kind: 'rate-limited', retryAfterSeconds: 1 })
    const mgmt = createManagementGateway({ apiBaseUrl: double.apiBaseUrl, httpTimeoutMs: 5000, retryBudgetMs: 5000 })
    await expect(mgmt.getCredits(key)).resolves.toEqual({ totalCredits: 0, totalUsage: 0 })
    const [first, second] = double.requests
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(990)
  })

  it("the API-key gateway's GET /key honours 429 the same way", async () => {
    const secret = double.createKey({ limit: 3 })
    const policy = { budgetMs: 30_000, now: () => clock, sleep: (ms: number) => ((clock += ms), waits.push(ms), Promise.resolve()) }
    const api = createOpenRouterGateway({ apiBaseUrl: double.apiBaseUrl, httpTimeoutMs: 5000, retryBudgetMs: 0, rateLimit: policy })
    double.failNext('key', { kind: 'rate-limited', retryAfterSeconds: 3 })
    await expect(api.getKeyFigures(secret)).resolves.toMatchObject({ limit: 3 })
    expect(waits).toEqual([3000])
    double.failNext('key', { kind: 'rate-limited', retryAfterSeconds: 600 })
    await expect(api.getKeyFigures(secret)).rejects.toMatchObject({ appError: { code: 'rate-limited', retryAt: new Date(clock + 600_000).toISOString() } })
  })
})

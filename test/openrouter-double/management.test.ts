// The double's management routes, held to OpenRouter's vendored spec (openapi-management.yaml) and round-tripped
// through @openrouter/sdk 1.3.19, whose zod schemas are the final word on field names and types.
import { createHash } from 'node:crypto'
import {
  CreateKeysResponse$inboundSchema,
  DeleteKeysResponse$inboundSchema,
  GetCreditsResponse$inboundSchema,
  GetKeyResponse$inboundSchema,
  ListResponse$inboundSchema,
  UpdateKeysResponse$inboundSchema,
} from '@openrouter/sdk/models/operations'
import { ActivityResponse$inboundSchema, ListWorkspacesResponse$inboundSchema } from '@openrouter/sdk/models'
import { ForbiddenResponseError, NotFoundResponseError, TooManyRequestsResponseError, UnauthorizedResponseError } from '@openrouter/sdk/models/errors'
import { describe, expect, it } from 'vitest'
import { loadSpecValidator, MANAGEMENT_SPEC_PATH } from './spec-validator'
import { callApi, RFC_CHALLENGE, RFC_VERIFIER, sdkClient, useDouble, type RawResponse } from './test-support'
import { seedDemoAccount } from './seed'
import type { OpenRouterDouble } from './types'

const spec = loadSpecValidator(MANAGEMENT_SPEC_PATH)
const fixture = useDouble()
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

type SpecMethod = 'get' | 'post' | 'patch' | 'delete'
interface Call {
  name: string
  specPath: string
  method: SpecMethod
  path: (double: OpenRouterDouble, hash: string) => string
  body?: unknown
  okStatus: number
  schema: { safeParse(value: unknown): { success: boolean } }
}

/** One call per management operation, each of which would succeed with a management key. */
const CALLS: Call[] = [
  { name: 'GET /workspaces', specPath: '/workspaces', method: 'get', path: () => '/workspaces', okStatus: 200, schema: ListWorkspacesResponse$inboundSchema },
  { name: 'GET /keys', specPath: '/keys', method: 'get', path: () => '/keys?include_disabled=true&offset=0', okStatus: 200, schema: ListResponse$inboundSchema },
  { name: 'POST /keys', specPath: '/keys', method: 'post', path: () => '/keys', body: { name: 'New' }, okStatus: 201, schema: CreateKeysResponse$inboundSchema },
  { name: 'GET /keys/{hash}', specPath: '/keys/{hash}', method: 'get', path: (_, hash) => `/keys/${hash}`, okStatus: 200, schema: GetKeyResponse$inboundSchema },
  {
    name: 'PATCH /keys/{hash}',
    specPath: '/keys/{hash}',
    method: 'patch',
    path: (_, hash) => `/keys/${hash}`,
    body: { name: 'Renamed' },
    okStatus: 200,
    schema: UpdateKeysResponse$inboundSchema,
  },
  { name: 'DELETE /keys/{hash}', specPath: '/keys/{hash}', method: 'delete', path: (_, hash) => `/keys/${hash}`, okStatus: 200, schema: DeleteKeysResponse$inboundSchema },
  { name: 'GET /credits', specPath: '/credits', method: 'get', path: () => '/credits', okStatus: 200, schema: GetCreditsResponse$inboundSchema },
  { name: 'GET /activity', specPath: '/activity', method: 'get', path: () => '/activity', okStatus: 200, schema: ActivityResponse$inboundSchema },
]

function send(double: OpenRouterDouble, call: Call, hash: string, bearer?: string): Promise<RawResponse> {
  return callApi(double, call.path(double, hash), {
    method: call.method.toUpperCase(),
    ...(call.body === undefined ? {} : { body: call.body }),
    ...(bearer === undefined ? {} : { bearer }),
  })
}

/** The spec's schema for a documented status, the shared error envelope for one it does not list. */
function specProblems(call: Call, response: RawResponse): string[] {
  return spec.documentedStatuses(call.specPath, call.method).includes(response.status)
    ? spec.validateResponse(call.specPath, call.method, response.status, response.json)
    : spec.validateEnvelope(response.json)
}

describe.each(CALLS)('$name', (call) => {
  it('a management key succeeds; the body matches the spec and the SDK schema', async () => {
    const { double } = fixture
    const manager = double.createManagementKey()
    const target = double.createKey({ limit: 10, usage: 2.5, expiresAt: '2027-12-31T23:59:59Z' })
    double.setActivity([{ date: double.activityDates()[0]!, secret: target, model: 'openai/gpt-4.1', usage: 0.5 }])
    const response = await send(double, call, double.hashOf(target), manager)
    expect(response.status).toBe(call.okStatus)
    expect(specProblems(call, response)).toEqual([])
    expect(call.schema.safeParse(response.json).success).toBe(true)
  })

  it('no bearer → 401, an ordinary key → 403 "Only management keys…", both enveloped per the spec', async () => {
    const { double } = fixture
    const target = double.createKey()
    const none = await send(double, call, double.hashOf(target))
    expect(none).toMatchObject({ status: 401, json: { error: { code: 401, message: 'No auth credentials found' } } })
    expect(specProblems(call, none)).toEqual([])
    const ordinary = await send(double, call, double.hashOf(target), double.createKey())
    expect(ordinary).toMatchObject({ status: 403, json: { error: { code: 403, message: 'Only management keys can perform this operation' } } })
    expect(specProblems(call, ordinary)).toEqual([])
    expect(double.keys().find((key) => key.secret === target)).toMatchObject({ name: expect.any(String), disabled: false })
  })

  it('a disabled management key → 401 "User not found."', async () => {
    const { double } = fixture
    const manager = double.createManagementKey({ disabled: true })
    expect(await send(double, call, double.hashOf(double.createKey()), manager)).toMatchObject({ status: 401, json: { error: { message: 'User not found.' } } })
  })
})

describe('GET /key with a management key', () => {
  it('says is_management_key (and its deprecated twin) and passes the SDK schema', async () => {
    const { double } = fixture
    const manager = double.createManagementKey()
    const { data } = await sdkClient(double, manager).apiKeys.getCurrentKeyMetadata()
    expect(data).toMatchObject({ isManagementKey: true, isProvisioningKey: true })
    const ordinary = await sdkClient(double, double.createKey()).apiKeys.getCurrentKeyMetadata()
    expect(ordinary.data).toMatchObject({ isManagementKey: false, isProvisioningKey: false })
  })
})

describe('apiKeys through the SDK', () => {
  it('lists 100 a page, most recent first, until a short page; disabled keys only with includeDisabled', async () => {
    const { double } = fixture
    const manager = double.createManagementKey()
    const secrets = double.seedAccountKeys({ count: 205, init: (index) => ({ disabled: index === 0 }) })
    const client = sdkClient(double, manager)
    const pages = [0, 100, 200, 300].map((offset) => client.apiKeys.list({ includeDisabled: true, offset }))
    const sizes = (await Promise.all(pages)).map((page) => page.data.length)
    expect(sizes).toEqual([100, 100, 5, 0])
    const all = (await Promise.all([0, 100, 200].map((offset) => client.apiKeys.list({ includeDisabled: true, offset })))).flatMap((page) => page.data)
    expect(new Set(all.map((key) => key.hash)).size).toBe(205)
    expect(all.map((key) => key.hash)).toEqual([...secrets].reverse().map(sha256)) // same second: newest first
    expect((await client.apiKeys.list({ offset: 200 })).data).toHaveLength(4) // the disabled one is left out
    expect(double.requests.at(-1)).toMatchObject({ path: '/api/v1/keys', authorization: `Bearer ${manager}` })
  })

  it('lists one workspace at a time: the default one unless workspace_id names another', async () => {
    const { double } = fixture
    const manager = double.createManagementKey()
    double.seedAccountKeys({ count: 7, workspaces: 3 })
    const client = sdkClient(double, manager)
    const workspaces = []
    for await (const page of await client.workspaces.list({ offset: 0, limit: 2 })) workspaces.push(...page.result.data)
    expect(workspaces.map((workspace) => workspace.id)[0]).toBe(double.defaultWorkspaceId)
    expect(workspaces).toHaveLength(3)
    const counts = await Promise.all(workspaces.map(async ({ id }) => (await client.apiKeys.list({ workspaceId: id })).data.length))
    expect(counts).toEqual([3, 2, 2])
    expect((await client.apiKeys.list()).data).toHaveLength(3)
    expect(await callApi(double, '/keys?workspace_id=not-a-uuid', { bearer: manager })).toMatchObject({ status: 400 })
    expect(await callApi(double, '/keys?offset=-1', { bearer: manager })).toMatchObject({ status: 400 })
    expect(await callApi(double, '/keys?include_disabled=yes', { bearer: manager })).toMatchObject({ status: 400 })
  })

  it('create returns the plaintext once; the key works on GET /key, is listed by its hash, and get never shows the secret', async () => {
    const { double } = fixture
    const manager = double.createManagementKey()
    const client = sdkClient(double, manager)
    const created = await client.apiKeys.create({
      requestBody: { name: 'CI', limit: 50, limitReset: 'monthly', expiresAt: new Date('2027-12-31T23:59:59Z'), includeByokInLimit: true },
    })
    expect(created.key).toMatch(/^sk-or-v1-[0-9a-f]{64}$/)
    expect(created.data).toMatchObject({
      name: 'CI',
      label: `sk-or-v1-${created.key.slice(9, 12)}...${created.key.slice(-3)}`,
      hash: sha256(created.key),
      limit: 50,
      limitRemaining: 50,
      limitReset: 'monthly',
      includeByokInLimit: true,
      disabled: false,
      expiresAt: new Date('2027-12-31T23:59:59Z'),
      externalUser: null,
      workspaceId: double.defaultWorkspaceId,
    })
    expect((await sdkClient(double, created.key).apiKeys.getCurrentKeyMetadata()).data).toMatchObject({ limit: 50, label: created.data.label })
    const got = await callApi(double, `/keys/${created.data.hash}`, { bearer: manager })
    expect(got.text).not.toContain(created.key)
    expect((await client.apiKeys.list()).data.map((key) => key.hash)).toContain(created.data.hash)
  })

  it('create refuses a missing name, a negative limit, a non-UTC or past expiry, an unknown workspace (400)', async () => {
    const { double } = fixture
    const manager = double.createManagementKey()
    for (const body of [
      {},
      { name: '' },
      { name: 'x', limit: -1 },
      { name: 'x', expires_at: '2027-12-31T23:59:59+01:00' },
      { name: 'x', expires_at: '2026-01-01T00:00:00Z' },
      { name: 'x', limit_reset: 'yearly' },
      { name: 'x', workspace_id: '550e8400-e29b-41d4-a716-446655440000' },
    ]) {
      const response = await callApi(double, '/keys', { bearer: manager, body })
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(spec.validateResponse('/keys', 'post', 400, response.json)).toEqual([])
    }
    expect(double.keys().filter((key) => !key.isManagementKey)).toEqual([])
  })

  it('update changes name, disabled, limit, reset and include-BYOK; a disabled key answers 401 on GET /key; expires_at is not changeable', async () => {
    const { double } = fixture
    const manager = double.createManagementKey()
    const secret = double.createKey({ limit: 10, usage: 4, expiresAt: '2027-06-30T00:00:00Z' })
    const client = sdkClient(double, manager)
    const hash = double.hashOf(secret)
    fixture.clock += 60_000
    const updated = await client.apiKeys.update({ hash, requestBody: { name: 'Renamed', limit: 25, limitReset: 'weekly', includeByokInLimit: true, disabled: true } })
    expect(updated.data).toMatchObject({ name: 'Renamed', limit: 25, limitRemaining: 21, limitReset: 'weekly', includeByokInLimit: true, disabled: true, updatedAt: '2026-11-26T12:01:00Z' })
    await expect(sdkClient(double, secret).apiKeys.getCurrentKeyMetadata()).rejects.toMatchObject({ constructor: UnauthorizedResponseError, message: 'User not found.' })
    await client.apiKeys.update({ hash, requestBody: { disabled: false } })
    expect((await sdkClient(double, secret).apiKeys.getCurrentKeyMetadata()).data.limit).toBe(25)
    const raw = await callApi(double, `/keys/${hash}`, { method: 'PATCH', bearer: manager, body: { expires_at: '2030-01-01T00:00:00Z' } })
    expect(raw.status).toBe(200)
    expect(double.keys().find((key) => key.secret === secret)!.expiresAt).toBe('2027-06-30T00:00:00Z')
  })

  it('delete removes the key: GET /key then answers 401, and the hash is 404 everywhere', async () => {
    const { double } = fixture
    const manager = double.createManagementKey()
    const secret = double.createKey()
    const client = sdkClient(double, manager)
    const hash = double.hashOf(secret)
    expect(await client.apiKeys.delete({ hash })).toEqual({ deleted: true })
    await expect(sdkClient(double, secret).apiKeys.getCurrentKeyMetadata()).rejects.toMatchObject({ constructor: UnauthorizedResponseError })
    await expect(client.apiKeys.get({ hash })).rejects.toMatchObject({ constructor: NotFoundResponseError, statusCode: 404 })
    await expect(client.apiKeys.delete({ hash })).rejects.toMatchObject({ constructor: NotFoundResponseError })
    await expect(client.apiKeys.update({ hash, requestBody: { name: 'x' } })).rejects.toMatchObject({ constructor: NotFoundResponseError })
    const notFound = await callApi(double, `/keys/${'0'.repeat(64)}`, { bearer: manager })
    expect(notFound).toMatchObject({ status: 404, json: { error: { code: 404, message: 'Resource not found' } } })
    expect(spec.validateResponse('/keys/{hash}', 'get', 404, notFound.json)).toEqual([])
  })

  it('an ordinary key is refused with ForbiddenResponseError on the management methods', async () => {
    const { double } = fixture
    // list's SDK method declares no 403, so it is a generic OpenRouterError carrying the body.
    await expect(sdkClient(double, double.createKey()).apiKeys.list()).rejects.toMatchObject({ statusCode: 403, body: expect.stringContaining('Only management keys') })
    await expect(sdkClient(double, double.createKey()).apiKeys.create({ requestBody: { name: 'x' } })).rejects.toMatchObject({ constructor: ForbiddenResponseError })
    expect(double.keys()).toHaveLength(2) // nothing created
  })
})

describe('the hash rule', () => {
  it("'sha256' (the default) names keys by the SHA-256 of the key, OAuth-exchanged keys included", async () => {
    const { double } = fixture
    const manager = double.createManagementKey()
    const code = double.issueCode({ codeChallenge: RFC_CHALLENGE, codeChallengeMethod: 'S256' })
    const { key } = await sdkClient(double).oAuth.exchangeAuthCodeForAPIKey({ requestBody: { code, codeVerifier: RFC_VERIFIER, codeChallengeMethod: 'S256' } })
    const listed = (await sdkClient(double, manager).apiKeys.list()).data
    expect(listed.map((item) => item.hash)).toEqual([sha256(key)])
    expect(listed[0]!.label).toMatch(/^sk-or-v1-[0-9a-f]{3}\.\.\.[0-9a-f]{3}$/)
    expect(key.startsWith(listed[0]!.label.slice(0, 12)) && key.endsWith(listed[0]!.label.slice(-3))).toBe(true)
  })

  it("'opaque' gives another 64-hex value that still addresses the key", async () => {
    const { double } = fixture
    const manager = double.createManagementKey()
    const secret = double.createKey()
    double.setHashRule('opaque')
    const hash = double.hashOf(secret)
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(hash).not.toBe(sha256(secret))
    expect((await sdkClient(double, manager).apiKeys.list()).data[0]!.hash).toBe(hash)
    expect((await sdkClient(double, manager).apiKeys.get({ hash })).data.hash).toBe(hash)
    expect((await callApi(double, `/keys/${sha256(secret)}`, { bearer: manager })).status).toBe(404)
  })
})

describe('credits and activity', () => {
  it('credits are what the test set', async () => {
    const { double } = fixture
    double.setCredits({ totalCredits: 100.5, totalUsage: 25.75 })
    expect(await sdkClient(double, double.createManagementKey()).credits.getCredits()).toEqual({ data: { totalCredits: 100.5, totalUsage: 25.75 } })
  })

  it('activity covers the last 30 completed UTC days, filtered by key hash and date, summed per day and model', async () => {
    const { double } = fixture
    const manager = double.createManagementKey()
    const [a, b] = [double.createKey(), double.createKey()]
    const dates = double.activityDates()
    expect(dates).toHaveLength(30)
    expect([dates[0], dates[29]]).toEqual(['2026-10-27', '2026-11-25']) // today (11-26) is not complete
    double.setActivity([
      { date: dates[29]!, secret: a, model: 'openai/gpt-4.1', usage: 0.25, requests: 2 },
      { date: dates[29]!, secret: b, model: 'openai/gpt-4.1', usage: 0.5 },
      { date: dates[0]!, secret: a, model: 'anthropic/claude', usage: 1 },
      { date: '2026-11-26', secret: a, model: 'openai/gpt-4.1', usage: 9 }, // today: not answered
      { date: '2026-10-26', secret: a, model: 'openai/gpt-4.1', usage: 9 }, // 31 days ago: not answered
    ])
    const client = sdkClient(double, manager)
    const all = await client.analytics.getUserActivity()
    expect(all.data.map((row) => [row.date, row.model, row.usage, row.requests])).toEqual([
      ['2026-10-27', 'anthropic/claude', 1, 1],
      ['2026-11-25', 'openai/gpt-4.1', 0.75, 3],
    ])
    const onlyA = await client.analytics.getUserActivity({ apiKeyHash: double.hashOf(a) })
    expect(onlyA.data.map((row) => [row.date, row.usage])).toEqual([['2026-10-27', 1], ['2026-11-25', 0.25]])
    const oneDay = await client.analytics.getUserActivity({ apiKeyHash: double.hashOf(b), date: '2026-11-25' })
    expect(oneDay.data.map((row) => row.usage)).toEqual([0.5])
    expect((await client.analytics.getUserActivity({ apiKeyHash: sha256('unknown') })).data).toEqual([])
    const outside = await callApi(double, '/activity?date=2026-11-26', { bearer: manager })
    expect(outside.status).toBe(400)
    expect(spec.validateResponse('/activity', 'get', 400, outside.json)).toEqual([])
  })
})

describe('create_auth_code with a management key', () => {
  const body = { callback_url: 'http://localhost:3000/callback', code_challenge: RFC_CHALLENGE, code_challenge_method: 'S256', limit: 5 }

  it('is accepted; an ordinary key too by default, refused with 403 under management-only', async () => {
    const { double } = fixture
    expect((await callApi(double, '/auth/keys/code', { bearer: double.createManagementKey(), body })).status).toBe(200)
    const ordinary = double.createKey()
    expect((await callApi(double, '/auth/keys/code', { bearer: ordinary, body })).status).toBe(200)
    double.setCreateCodeAuth('management-only')
    expect(await callApi(double, '/auth/keys/code', { bearer: ordinary, body })).toMatchObject({
      status: 403,
      json: { error: { code: 403, message: 'Only management keys can perform this operation' } },
    })
    expect((await callApi(double, '/auth/keys/code', { bearer: double.createManagementKey(), body })).status).toBe(200)
  })
})

describe('rate limits', () => {
  it('a rate-limited failure is 429 with Retry-After, per the spec, and the SDK surfaces TooManyRequestsResponseError', async () => {
    const { double } = fixture
    const manager = double.createManagementKey()
    double.failNext('keys-list', { kind: 'rate-limited', retryAfterSeconds: 7 })
    const response = await callApi(double, '/keys', { bearer: manager })
    expect(response).toMatchObject({ status: 429, json: { error: { code: 429, message: 'Rate limit exceeded' } } })
    expect(response.headers.get('retry-after')).toBe('7')
    expect(spec.validateResponse('/keys', 'get', 429, response.json)).toEqual([])
    double.failNext('keys-create', { kind: 'rate-limited' })
    await expect(sdkClient(double, manager).apiKeys.create({ requestBody: { name: 'x' } })).rejects.toMatchObject({ constructor: TooManyRequestsResponseError, statusCode: 429 })
    expect(double.keys()).toHaveLength(1) // only the management key: nothing was created
  })

  it('setRateLimit answers every Nth request of the listed routes with 429, in arrival order', async () => {
    const { double } = fixture
    const manager = double.createManagementKey()
    double.setRateLimit({ every: 3, retryAfterSeconds: 2, routes: ['keys-list', 'credits'] })
    const statuses: number[] = []
    for (let index = 0; index < 7; index += 1) {
      statuses.push((await callApi(double, index % 2 === 0 ? '/keys' : '/credits', { bearer: manager })).status)
      statuses.push((await callApi(double, '/key', { bearer: manager })).status) // not listed: never limited
    }
    expect(statuses.filter((_, index) => index % 2 === 0)).toEqual([200, 200, 429, 200, 200, 429, 200])
    expect(statuses.filter((_, index) => index % 2 === 1).every((status) => status === 200)).toBe(true)
    double.setRateLimit(null)
    expect((await callApi(double, '/keys', { bearer: manager })).status).toBe(200)
  })

  it('each management route has its own fault control', async () => {
    const { double } = fixture
    const manager = double.createManagementKey()
    const hash = double.hashOf(double.createKey())
    const cases = [
      ['workspaces', 'GET', '/workspaces'],
      ['keys-list', 'GET', '/keys'],
      ['keys-create', 'POST', '/keys'],
      ['keys-get', 'GET', `/keys/${hash}`],
      ['keys-update', 'PATCH', `/keys/${hash}`],
      ['keys-delete', 'DELETE', `/keys/${hash}`],
      ['credits', 'GET', '/credits'],
      ['activity', 'GET', '/activity'],
    ] as const
    for (const [route, method, path] of cases) {
      double.failNext(route, { kind: 'status', status: 500 })
      const response = await callApi(double, path, { method, bearer: manager, ...(method === 'POST' || method === 'PATCH' ? { body: { name: 'x' } } : {}) })
      expect(response.status, route).toBe(500)
    }
  })
})

describe('seedDemoAccount', () => {
  it('gives a working management key, a balance, two workspaces, keys only on the account, and activity with gaps', async () => {
    const { double } = fixture
    const { managementKey, websiteKeys } = seedDemoAccount(double)
    const client = sdkClient(double, managementKey)
    expect((await client.apiKeys.getCurrentKeyMetadata()).data.isManagementKey).toBe(true)
    expect((await client.credits.getCredits()).data).toEqual({ totalCredits: 150, totalUsage: 61.37 })
    expect(double.workspaces()).toHaveLength(2)
    const production = double.workspaces()[1]!.id
    const listed = await client.apiKeys.list({ workspaceId: production, includeDisabled: true })
    expect(listed.data.map((key) => key.hash).sort()).toEqual(websiteKeys.map(sha256).sort())
    const rows = await client.analytics.getUserActivity({ apiKeyHash: sha256(websiteKeys[0]!) })
    expect(rows.data.length).toBeGreaterThan(15)
    expect(rows.data.length).toBeLessThan(30) // some days have no data
  })
})

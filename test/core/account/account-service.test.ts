// Account mode end to end at the Node level: the real keychain, real files, the SDK over loopback HTTP to the double.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AccountView, AddKeyOutcome, ConnectState, KeyView, Result } from '../../../preload/contract'
import { MANAGEMENT_KEY_ACCOUNT } from '../../../main/core/account/account-store'
import { AppFailure } from '../../../main/core/base/app-failure'
import { keyIdOf } from '../../../main/core/keys/key-identity'
import { startOpenRouterDouble, type OpenRouterDouble } from '../../openrouter-double'
import { startTestServices, type TestServices } from '../../support/core-services'
import { faultyVault, LOCKED, type FaultyVault } from '../../support/faulty-vault'
import { keychainItems } from '../../support/keychain'
import { readAllFiles } from '../../support/temp-dir'
import { followConsentRedirect } from '../../support/loopback-browser'

const DAY = 24 * 60 * 60 * 1000
let double: OpenRouterDouble
let app: TestServices
let vault: FaultyVault

beforeEach(async () => {
  double = await startOpenRouterDouble()
  app = await startTestServices({ apiBaseUrl: double.apiBaseUrl, fileLog: true, wrapVault: (inner) => (vault = faultyVault(inner)) })
})
afterEach(async () => {
  await app.dispose()
  await double.close()
})

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`)
  return result.value as T
}
const call = <T>(channel: string, ...args: unknown[]) => app.services.dispatch(channel, args).then((result) => value<T>(result))

/** Adds a management key through Add key and reads the account once. */
async function addManagementKey(secret = double.createManagementKey()): Promise<{ secret: string; view: AccountView }> {
  const outcome = await call<AddKeyOutcome>('keys:add', secret, '')
  expect(outcome.kind).toBe('management-key')
  return { secret, view: await call<AccountView>('account:refresh') }
}

async function storeApiKey(secret: string, label = 'Stored'): Promise<KeyView> {
  return app.services.intake.add(secret, label)
}

const accountKey = (view: AccountView, hash: string) => view.keys.find((key) => key.hash === hash)

describe('adding the management key', () => {
  it('Add key stores a management key under its own keychain account, never as an API key, and shows the account', async () => {
    const onDevice = double.createKey({ name: 'On this device' })
    const elsewhere = double.createKey({ name: 'Made on the website' })
    await storeApiKey(onDevice)
    double.setCredits({ totalCredits: 50, totalUsage: 12.5 })
    const { secret, view } = await addManagementKey()

    const items = await keychainItems(app.keychainService)
    expect(items.find((item) => item.account === MANAGEMENT_KEY_ACCOUNT)?.password).toBe(secret)
    expect(app.services.keys.list().keys.map((key) => key.id)).toEqual([keyIdOf(onDevice)])
    expect(view.managementKey).toMatchObject({ maskedKey: `sk-or-v1-…${secret.slice(-4)}`, account: expect.any(String) })
    expect(JSON.stringify(view)).not.toContain(secret)
    expect(view.credits).toEqual({ totalCredits: 50, totalUsage: 12.5, balance: 37.5 })
    expect(view.complete).toBe(true)
    expect(accountKey(view, double.hashOf(onDevice))).toMatchObject({ deviceKeyId: keyIdOf(onDevice), matchedBy: 'hash', name: 'On this device' })
    expect(accountKey(view, double.hashOf(elsewhere))).toMatchObject({ deviceKeyId: null, matchedBy: null, name: 'Made on the website' })

    // After a restart the reconciler still does not list it, and the account is read with it again.
    const restarted = await app.restart()
    expect(restarted.keys.list().keys).toHaveLength(1)
    expect(restarted.account.state().managementKey?.maskedKey).toBe(view.managementKey?.maskedKey)
    expect((await restarted.account.refresh()).keys).toHaveLength(2)
  })

  it('refuses an API key where a management key is expected, and a rejected management key, storing nothing', async () => {
    const apiKey = double.createKey()
    const wrongKind = await app.services.dispatch('account:set-management-key', [apiKey])
    expect(wrongKind).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/not a management key/) } })

    const rejected = double.createManagementKey({ disabled: true })
    for (const attempt of [app.services.dispatch('account:set-management-key', [rejected]), app.services.dispatch('keys:add', [rejected, ''])]) {
      expect(await attempt).toMatchObject({ ok: false, error: { code: 'key-rejected' } })
    }
    expect(await keychainItems(app.keychainService)).toEqual([])
    expect(app.services.account.state().managementKey).toBeNull()
  })

  it('replacing and removing the management key are single actions; removing forgets it from the keychain', async () => {
    await addManagementKey()
    const second = double.createManagementKey()
    await call('account:set-management-key', second)
    expect((await keychainItems(app.keychainService)).filter((item) => item.account === MANAGEMENT_KEY_ACCOUNT).map((item) => item.password)).toEqual([second])
    const removed = await call<AccountView>('account:remove-management-key')
    expect(removed.managementKey).toBeNull()
    expect(await keychainItems(app.keychainService)).toEqual([])
  })

  it('sends the management key only to the management endpoints and GET /key', async () => {
    const { secret } = await addManagementKey()
    await call('account:spend-chart', 'model')
    const sentWith = double.requests.filter((entry) => entry.authorization === `Bearer ${secret}`).map((entry) => entry.path.replace(/\/keys\/[^/?]+/, '/keys/{hash}'))
    expect(sentWith.length).toBeGreaterThan(0)
    for (const path of sentWith) expect(path).toMatch(/^\/api\/v1\/(key|keys|keys\/\{hash\}|workspaces|credits|activity|auth\/keys\/code)$/)
  })
})

describe('the account listing', () => {
  it('lists every workspace page by page, names workspaces when there are several, and deduplicates', async () => {
    double.seedAccountKeys({ count: 250, workspaces: 2 })
    const { view } = await addManagementKey()
    expect(view.keys).toHaveLength(250)
    expect(new Set(view.keys.map((key) => key.hash)).size).toBe(250)
    expect(view.workspaces).toHaveLength(2)
    expect(view.keys.every((key) => key.workspaceName !== null)).toBe(true)
  })

  it('falls back to the masked label when the hash is not the SHA-256, accepting only a unique match', async () => {
    double.setHashRule('opaque')
    const onDevice = double.createKey({ name: 'Laptop' })
    await storeApiKey(onDevice)
    const { view } = await addManagementKey()
    expect(accountKey(view, double.hashOf(onDevice))).toMatchObject({ deviceKeyId: keyIdOf(onDevice), matchedBy: 'label' })
  })

  it('says a stored key of this account is gone only after a complete listing; a partial one says so and concludes nothing', async () => {
    const stored = double.createKey()
    await storeApiKey(stored)
    const { secret } = await addManagementKey()
    // Deleted on the website: DELETE with the management key directly, not through the app.
    const response = await fetch(`${double.apiBaseUrl}/keys/${double.hashOf(stored)}`, { method: 'DELETE', headers: { authorization: `Bearer ${secret}` } })
    expect(response.status).toBe(200)

    double.setFailure('keys-list', { kind: 'status', status: 500 })
    const partial = await call<AccountView>('account:refresh')
    expect(partial.complete).toBe(false)
    expect(partial.listingProblem?.message).toMatch(/could not be listed.*Nothing is concluded/)
    expect(partial.goneFromAccount).toEqual([])

    double.setFailure('keys-list', null)
    const complete = await call<AccountView>('account:refresh')
    expect(complete.complete).toBe(true)
    expect(complete.goneFromAccount).toEqual([keyIdOf(stored)])
  })
})

describe('management actions', () => {
  it('revoke deletes the key on OpenRouter and on this device', async () => {
    const stored = double.createKey()
    const { id } = await storeApiKey(stored)
    await addManagementKey()
    const view = await call<AccountView>('account:revoke', { keyId: id })
    expect(double.keys().some((key) => key.secret === stored)).toBe(false)
    expect(accountKey(view, double.hashOf(stored))).toBeUndefined()
    expect(app.services.keys.list().keys).toEqual([])
    expect((await keychainItems(app.keychainService)).map((item) => item.password)).not.toContain(stored)
  })

  it('a revoke whose keychain delete fails keeps the row as revoked on OpenRouter, still in the keychain', async () => {
    const stored = double.createKey()
    const { id } = await storeApiKey(stored)
    await addManagementKey()
    vault.failDeletes = LOCKED()
    const view = await call<AccountView>('account:revoke', { keyId: id })
    expect(double.keys().some((key) => key.secret === stored)).toBe(false)
    expect(view.revokedStillStored).toEqual([id])
    expect(view.lastError?.message).toMatch(/revoked on OpenRouter, but your keychain refused/)
    expect(app.services.keys.list().keys.map((key) => key.id)).toEqual([id])
    vault.failDeletes = null
    await call('keys:remove', id)
    expect(app.services.account.state().revokedStillStored).toEqual([])
  })

  it('disable then enable: the account key and the stored key follow', async () => {
    const stored = double.createKey()
    const { id } = await storeApiKey(stored)
    await addManagementKey()
    const disabled = await call<AccountView>('account:set-disabled', { keyId: id }, true)
    expect(accountKey(disabled, double.hashOf(stored))).toMatchObject({ disabled: true, status: { kind: 'rejected' } })
    expect((await call<KeyView>('keys:refresh', id)).status.kind).toBe('rejected')
    const enabled = await call<AccountView>('account:set-disabled', { hash: double.hashOf(stored) }, false)
    expect(accountKey(enabled, double.hashOf(stored))?.disabled).toBe(false)
    expect((await call<KeyView>('keys:refresh', id)).status.kind).toBe('active')
  })

  it('edit: name, limit, reset and BYOK setting change on OpenRouter and in the figures', async () => {
    const stored = double.createKey({ limit: 10 })
    const { id } = await storeApiKey(stored)
    await addManagementKey()
    const view = await call<AccountView>('account:edit', { keyId: id }, { name: 'Renamed', limit: 25, limitReset: 'weekly', includeByokInLimit: true })
    expect(accountKey(view, double.hashOf(stored))).toMatchObject({ name: 'Renamed', limit: 25, limitReset: 'weekly', includeByokInLimit: true })
    expect((await call<KeyView>('keys:refresh', id)).figures).toMatchObject({ limit: 25, limitReset: 'weekly' })
  })

  it('refuses bad edits and creates in main, whatever the renderer sent', async () => {
    await addManagementKey()
    const hash = { hash: double.hashOf(double.createKey()) }
    for (const edit of [{ name: '\u202e\u0000 ' }, { name: 'x'.repeat(101) }, { limit: 0 }, { limit: -1 }, { limit: 1e9 }, {}, { expiresAt: '2030-01-01T00:00:00Z' }]) {
      expect(await app.services.dispatch('account:edit', [hash, edit]), JSON.stringify(edit)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    }
    const past = new Date(Date.now() - DAY).toISOString()
    const create = { name: 'CI', limit: 5, limitReset: null, expiresAt: past, includeByokInLimit: false, workspaceId: null }
    expect(await app.services.dispatch('account:create', [create])).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    await expect(app.services.account.create({ ...create })).rejects.toThrow(/future/)
    expect(double.requests.filter((entry) => entry.method === 'PATCH' || (entry.method === 'POST' && entry.path.endsWith('/keys')))).toEqual([])
  })

  it('create: the new key is in the keychain, stored and listed', async () => {
    await addManagementKey()
    const expiresAt = new Date(Date.now() + 30 * DAY).toISOString()
    const key = await call<KeyView>('account:create', { name: 'CI budget', limit: 5, limitReset: 'monthly', expiresAt, includeByokInLimit: true, workspaceId: null })
    const created = double.keys().find((candidate) => candidate.name === 'CI budget')!
    expect(created).toMatchObject({ limit: 5, limitReset: 'monthly', includeByokInLimit: true })
    expect(key).toMatchObject({ id: keyIdOf(created.secret), label: 'CI budget' })
    expect((await keychainItems(app.keychainService)).map((item) => item.password)).toContain(created.secret)
    expect(accountKey(app.services.account.state(), double.hashOf(created.secret))?.deviceKeyId).toBe(key.id)
  })

  it('create: a key the keychain refuses is held in memory with Save again and Copy, never dropped', async () => {
    await addManagementKey()
    vault.failWrites = LOCKED()
    const result = await app.services.dispatch('account:create', [{ name: 'Held', limit: 5, limitReset: null, expiresAt: null, includeByokInLimit: false, workspaceId: null }])
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/created but could not be saved/) } })
    const held = app.services.connect.current as Extract<ConnectState, { phase: 'failed' }>
    const created = double.keys().find((candidate) => candidate.name === 'Held')!
    expect(held.unsavedKey?.maskedKey).toBe(`sk-or-v1-…${created.secret.slice(-4)}`)
    vault.failWrites = null
    expect((await call<ConnectState>('connect:retry-save')).phase).toBe('connected')
    expect((await keychainItems(app.keychainService)).map((item) => item.password)).toContain(created.secret)
  })

  it('rotate: the replacement is stored and made the default; the old key is revoked only after confirming, even after a restart', async () => {
    const expiresAt = new Date(Date.now() + 20 * DAY).toISOString()
    const old = double.createKey({ name: 'Deploy', limit: 8, limitReset: 'daily', expiresAt, includeByokInLimit: true })
    const { id: oldId } = await storeApiKey(old)
    expect(app.services.keys.list().keys[0]?.isDefault).toBe(true)
    await addManagementKey()
    const view = await call<AccountView>('account:rotate', { keyId: oldId })
    const replacement = double.keys().find((candidate) => candidate.name === 'Deploy' && candidate.secret !== old)!
    expect(replacement).toMatchObject({ limit: 8, limitReset: 'daily', includeByokInLimit: true, workspaceId: double.defaultWorkspaceId })
    expect(Date.parse(replacement.expiresAt!)).toBe(Math.floor(Date.parse(expiresAt) / 1000) * 1000)
    expect(view.pendingRotations).toEqual([expect.objectContaining({ oldHash: double.hashOf(old), newKeyId: keyIdOf(replacement.secret) })])
    const keys = app.services.keys.list().keys
    expect(keys.find((key) => key.isDefault)?.id).toBe(keyIdOf(replacement.secret))
    expect(double.keys().some((key) => key.secret === old)).toBe(true)

    const restarted = await app.restart()
    expect(restarted.account.state().pendingRotations).toHaveLength(1)
    const finished = value<AccountView>(await restarted.dispatch('account:finish-rotation', [double.hashOf(old)]))
    expect(finished.pendingRotations).toEqual([])
    expect(double.keys().some((key) => key.secret === old)).toBe(false)
    expect(restarted.keys.list().keys.map((key) => key.id)).toEqual([keyIdOf(replacement.secret)])
  })

  it('rotate: a failed revoke of the old key says so and keeps both', async () => {
    const old = double.createKey({ name: 'Deploy' })
    const { id: oldId } = await storeApiKey(old)
    await addManagementKey()
    await call('account:rotate', { keyId: oldId })
    double.failNext('keys-delete', { kind: 'status', status: 500 })
    const result = await app.services.dispatch('account:finish-rotation', [double.hashOf(old)])
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/could not be revoked.*Both keys are kept/) } })
    expect(app.services.keys.list().keys).toHaveLength(2)
    expect(double.keys().some((key) => key.secret === old)).toBe(true)
    expect(app.services.account.state().pendingRotations).toHaveLength(1)
  })
})

describe('minting with a management key', () => {
  it('signs create_auth_code with the management key, sending every seed parameter, then exchanges the code', async () => {
    double.setCreateCodeAuth('management-only')
    const { secret } = await addManagementKey()
    const expiresAt = new Date(Date.now() + 10 * DAY + 999)
    const minted = await call<KeyView>('keys:mint', { sourceKeyId: null, label: 'Budget', limit: 3, limitReset: 'weekly', expiresAt: expiresAt.toISOString() })
    const createCode = double.requests.find((entry) => entry.path === '/api/v1/auth/keys/code')!
    expect(createCode.authorization).toBe(`Bearer ${secret}`)
    expect(createCode.body).toEqual({
      callback_url: expect.stringMatching(/^http:\/\/localhost:\d+\/callback$/),
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      code_challenge_method: 'S256',
      key_label: 'Budget',
      limit: 3,
      usage_limit_type: 'weekly',
      expires_at: new Date(Math.floor(expiresAt.getTime() / 1000) * 1000).toISOString(),
    })
    expect(minted).toMatchObject({ label: 'Budget', accountPending: false })
  })

  it('without a management key, a refusal is explained in plain words with "Add management key…"', async () => {
    double.setCreateCodeAuth('management-only')
    const { id } = await storeApiKey(double.createKey())
    const result = await app.services.dispatch('keys:mint', [{ sourceKeyId: id, label: 'Budget', limit: 3, limitReset: null, expiresAt: null }])
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/only lets a management key/), hint: expect.stringMatching(/Add management key…/) } })
  })
})

describe('a new key and the management key account (issue 11 #1)', () => {
  it('a connected key that is not on the management key account is kept but not made the default', async () => {
    // A key stored first and seen on the account shows that OpenRouter's hash is the SHA-256 (then a 404 is proof).
    const stored = await storeApiKey(double.createKey(), 'Own')
    await addManagementKey()
    // The exchange even claims the same user: only the management key's listing can tell.
    const foreign = double.createKey({ userId: 'user_someone_else' })
    const accepted = await app.services.intake.accept(foreign, { origin: 'exchange', userId: stored.userId })
    expect(accepted.accountMismatch).toBe(true)
    expect(app.services.keys.list().keys.find((key) => key.id === keyIdOf(foreign))).toMatchObject({ accountPending: true, isDefault: false })

    const own = double.createKey()
    expect((await app.services.intake.accept(own, { origin: 'exchange', userId: stored.userId })).accountMismatch).toBe(false)
  })

  it('while the hash rule is unproven, a key missing from the listing is not called foreign (no false alarm)', async () => {
    double.setHashRule('opaque')
    await addManagementKey()
    const unlisted = double.createKey({ userId: 'user_someone_else', label: 'Some app' })
    expect((await app.services.intake.accept(unlisted, { origin: 'exchange', userId: null })).accountMismatch).toBe(false)
  })
})

describe('the management key never leaves the keychain', () => {
  it('is in no file the app writes and not in the log', async () => {
    const stored = double.createKey()
    const { id } = await storeApiKey(stored)
    const { secret } = await addManagementKey()
    await call('account:edit', { keyId: id }, { name: 'Edited' })
    await call('account:create', { name: 'New', limit: null, limitReset: null, expiresAt: null, includeByokInLimit: false, workspaceId: null })
    await call('account:rotate', { keyId: id })
    await call('account:spend', [{ keyId: id }])
    await app.services.dispatch('account:set-management-key', ['sk-or-v1-' + 'f'.repeat(64)])
    app.services.logger.info('a management key object in a log line', { key: await app.services.account.managementKey() })
    await app.services.history.flush()
    const files = await readAllFiles(app.dataDir)
    expect(files.some((file) => file.path.endsWith('main.log'))).toBe(true)
    expect(files.some((file) => file.path.endsWith('account.json'))).toBe(true)
    for (const file of files) expect(file.text.includes(secret), file.path).toBe(false)
    for (const key of double.keys()) for (const file of files) expect(file.text.includes(key.secret), file.path).toBe(false)
  })

  it('is never passed off as an API key', async () => {
    const { secret } = await addManagementKey()
    expect(app.services.keys.list().keys).toEqual([])
    await expect(app.services.intake.add(secret, '')).rejects.toBeInstanceOf(AppFailure)
    expect(await app.services.dispatch('keys:copy', [keyIdOf(secret), 'plain'])).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })
})

describe('a connected key is named on OpenRouter too when a management key is stored (issue 12)', () => {
  it('the name typed in the connect form becomes the key name on the account', async () => {
    await addManagementKey()
    double.setConsentMode('auto-approve')
    const started = await app.services.connect.start({ name: 'Work laptop' })
    if (started.phase !== 'awaiting-browser') throw new Error(started.phase)
    await followConsentRedirect(started.authUrl)
    await expect.poll(() => app.services.connect.current.phase, { timeout: 10_000 }).toBe('connected')
    const connected = app.services.connect.current as Extract<ConnectState, { phase: 'connected' }>
    expect(connected.label).toBe('Work laptop')
    const secretOf = (id: string) => double.keys().find((key) => keyIdOf(key.secret) === id)
    await expect.poll(() => secretOf(connected.keyId)?.name, { timeout: 10_000 }).toBe('Work laptop')
  })

  it('without a management key nothing is sent to the management endpoints', async () => {
    double.setConsentMode('auto-approve')
    const started = await app.services.connect.start({ name: 'Local only' })
    if (started.phase !== 'awaiting-browser') throw new Error(started.phase)
    await followConsentRedirect(started.authUrl)
    await expect.poll(() => app.services.connect.current.phase, { timeout: 10_000 }).toBe('connected')
    expect(double.requests.filter((request) => request.path.startsWith('/api/v1/keys'))).toEqual([])
  })
})

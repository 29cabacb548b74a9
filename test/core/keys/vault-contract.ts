// The vault's behaviour as one contract, run against any keytar-compatible module: keytar (the app's choice,
// vault-contract-keytar.test.ts) and @napi-rs/keyring's keytar-compatible API (vault-contract-napi-keyring.test.ts),
// so a switch away from keytar (archived upstream) can be judged by the same tests. Real keychains only.
// Each module only ever sees services it wrote itself: on Linux, keytar crashes (SIGSEGV) listing a service
// that holds an item written by @napi-rs/keyring, and @napi-rs/keyring does not see keytar's items.
import { randomBytes } from 'node:crypto'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createKeytarVault, type KeytarModule, type SecretVault } from '../../../main/core/keys/secret-vault'
import { uniqueKeychainService } from '../../support/keychain'

const account = (index: number) => `${index.toString(16).padStart(2, '0')}${'ab'.repeat(31)}` // 64 hex chars, like a key id
const secret = () => `sk-or-v1-${randomBytes(32).toString('hex')}`

export function describeVaultContract(name: string, load: () => Promise<KeytarModule>, skipReason: () => Promise<string | null>): void {
  describe(`vault contract: ${name}`, () => {
    let module: KeytarModule
    let services: string[]
    let reason: string | null = null

    const vaultOn = (service: string): SecretVault => {
      services.push(service)
      return createKeytarVault(service, () => Promise.resolve(module))
    }

    beforeAll(async () => {
      reason = await skipReason()
      if (reason) console.log(`[vault contract: ${name}] skipped: ${reason}`)
    })

    beforeEach(async (context) => {
      if (reason) context.skip()
      module = await load()
      services = []
    })

    afterEach(async () => {
      if (reason) return
      for (const service of services) {
        for (const item of await module.findCredentials(service)) await module.deletePassword(service, item.account)
      }
    })

    it('reads back what it stored; an unknown account reads as null', async () => {
      const vault = vaultOn(uniqueKeychainService('orkm-contract'))
      const value = secret()
      await vault.set(account(1), value)
      expect(await vault.get(account(1))).toBe(value)
      expect(await vault.get(account(2))).toBeNull()
    })

    it('overwrites an account in place: one item, the newest secret', async () => {
      const vault = vaultOn(uniqueKeychainService('orkm-contract'))
      await vault.set(account(1), 'first')
      const newest = secret()
      await vault.set(account(1), newest)
      expect(await vault.list()).toEqual([{ account: account(1), secret: newest }])
    })

    it('deletes: true once, then false; the item is gone', async () => {
      const vault = vaultOn(uniqueKeychainService('orkm-contract'))
      await vault.set(account(1), secret())
      expect(await vault.delete(account(1))).toBe(true)
      expect(await vault.delete(account(1))).toBe(false)
      expect(await vault.get(account(1))).toBeNull()
      expect(await vault.list()).toEqual([])
    })

    it('lists every item of its own service in one call, and nothing of another service', async () => {
      const vault = vaultOn(uniqueKeychainService('orkm-contract'))
      const other = vaultOn(uniqueKeychainService('orkm-contract'))
      const stored = Array.from({ length: 12 }, (_, index) => ({ account: account(index), secret: secret() }))
      for (const item of stored) await vault.set(item.account, item.secret)
      await other.set(account(99), 'another service')
      const byAccount = (a: { account: string }, b: { account: string }) => a.account.localeCompare(b.account)
      expect((await vault.list()).sort(byAccount)).toEqual(stored.sort(byAccount))
      expect(await other.list()).toEqual([{ account: account(99), secret: 'another service' }])
      expect(await vaultOn(uniqueKeychainService('orkm-contract')).list()).toEqual([])
    })

    it('keeps secrets byte for byte: long, non-ASCII, with quotes and newlines', async () => {
      const vault = vaultOn(uniqueKeychainService('orkm-contract'))
      const awkward = [`${secret()}${'x'.repeat(1000)}`, 'clé 🔑 "quoted" \\ back\nslash', ' leading and trailing ']
      for (const [index, value] of awkward.entries()) await vault.set(account(index), value)
      for (const [index, value] of awkward.entries()) expect(await vault.get(account(index))).toBe(value)
      const listed = new Map((await vault.list()).map((item) => [item.account, item.secret]))
      expect(awkward.map((_, index) => listed.get(account(index)))).toEqual(awkward)
    })

    it('takes concurrent writes to different accounts without losing one', async () => {
      const vault = vaultOn(uniqueKeychainService('orkm-contract'))
      const stored = Array.from({ length: 8 }, (_, index) => ({ account: account(index), secret: secret() }))
      await Promise.all(stored.map((item) => vault.set(item.account, item.secret)))
      expect((await vault.list()).map((item) => item.account).sort()).toEqual(stored.map((item) => item.account).sort())
    })

    it('is described as the OS keychain of this platform', () => {
      expect(vaultOn(uniqueKeychainService('orkm-contract')).description).toMatch(/^OS keychain — (Secret Service|macOS Keychain|Windows Credential Manager)$/)
    })
  })
}

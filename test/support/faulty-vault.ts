// The real keychain with switchable faults, for "the keychain refused" cases.
import { AppFailure } from '../../main/core/base/app-failure'
import type { SecretVault } from '../../main/core/keys/secret-vault'

export interface FaultyVault extends SecretVault {
  failWrites: AppFailure | null
  failReads: AppFailure | null
  failDeletes: AppFailure | null
}

export const LOCKED = () =>
  new AppFailure('keychain-locked', 'Your keychain is locked, so the key could not be read or saved.', 'Unlock your login keyring, then try again.')

export function faultyVault(inner: SecretVault): FaultyVault {
  const vault: FaultyVault = {
    description: inner.description,
    failWrites: null,
    failReads: null,
    failDeletes: null,
    async set(account, secret) {
      if (vault.failWrites) throw vault.failWrites
      return inner.set(account, secret)
    },
    async get(account) {
      if (vault.failReads) throw vault.failReads
      return inner.get(account)
    },
    async delete(account) {
      if (vault.failDeletes) throw vault.failDeletes
      return inner.delete(account)
    },
    async list() {
      if (vault.failReads) throw vault.failReads
      return inner.list()
    },
  }
  return vault
}

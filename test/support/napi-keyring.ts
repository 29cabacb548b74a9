// @napi-rs/keyring (keytar's maintained successor candidate) as a KeytarModule, for the vault contract suite.
// Its own keytar-compatible module (`@napi-rs/keyring/keytar`) uses the default store selection, which on Linux
// falls back to the kernel keyring (keyutils: lost at logout) when no Secret Service answers. Here every entry
// is pinned to the Secret Service on Linux instead, so a missing one is an error, as with keytar.
// Observed here (Linux, gnome-keyring): the two load fine side by side, but they do not share items. This module
// does not find items keytar wrote (other Secret Service attributes), and keytar's findCredentials crashes the
// process (SIGSEGV) on a service holding an item this module wrote. Keep their services apart.
import { createRequire } from 'node:module'
import type { KeytarModule } from '../../main/core/keys/secret-vault'

type NapiKeyring = typeof import('@napi-rs/keyring')

export function loadNapiKeyringAsKeytar(): KeytarModule {
  const keyring = createRequire(import.meta.url)('@napi-rs/keyring') as NapiKeyring
  const options = process.platform === 'linux' ? { linux: { store: 'secret-service' as const } } : undefined
  const entry = (service: string, account: string) => new keyring.AsyncEntry(service, account, options)
  return {
    setPassword: (service, account, password) => entry(service, account).setPassword(password),
    getPassword: async (service, account) => (await entry(service, account).getPassword()) ?? null,
    deletePassword: (service, account) => entry(service, account).deletePassword(),
    // findCredentials takes no store option: it searches the default store, the Secret Service when one answers.
    findCredentials: (service) => keyring.findCredentialsAsync(service),
  }
}

/** Why the suite cannot run here, or null: a probe item written, read and deleted in the Secret Service. */
export async function napiKeyringSkipReason(): Promise<string | null> {
  try {
    const module = loadNapiKeyringAsKeytar()
    const service = `orkm-napi-probe-${process.pid}`
    await module.setPassword(service, 'probe', 'probe')
    const read = await module.getPassword(service, 'probe')
    await module.deletePassword(service, 'probe')
    return read === 'probe' ? null : '@napi-rs/keyring did not read back its probe item'
  } catch (error) {
    return `@napi-rs/keyring cannot reach the OS keychain here (${error instanceof Error ? error.message : String(error)})`
  }
}

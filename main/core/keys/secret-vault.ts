// Secrets live only in the OS keychain, through keytar, loaded on first use so start-up stays fast.
import { AppFailure } from '../base/app-failure'
import { isDefaultCollectionLocked } from './keychain-lock'

export interface SecretVault {
  /** Where secrets are kept, for the UI: "OS keychain — Secret Service". */
  readonly description: string
  set(account: string, secret: string): Promise<void>
  get(account: string): Promise<string | null>
  delete(account: string): Promise<boolean>
  /** Every item under the app's service, in one keychain call. */
  list(): Promise<Array<{ account: string; secret: string }>>
}

export interface KeytarModule {
  setPassword(service: string, account: string, password: string): Promise<void>
  getPassword(service: string, account: string): Promise<string | null>
  deletePassword(service: string, account: string): Promise<boolean>
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>
}

export function keychainDescription(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'OS keychain — macOS Keychain'
  if (platform === 'win32') return 'OS keychain — Windows Credential Manager'
  return 'OS keychain — Secret Service'
}

const LINUX_HINT =
  'Make sure a Secret Service provider (GNOME Keyring or KWallet) is installed and running, and that your login keyring is unlocked.'

/** Maps keytar's platform messages to a reason and the fix on the person's system. */
export function toKeychainFailure(error: unknown, platform: NodeJS.Platform = process.platform): AppFailure {
  const text = error instanceof Error ? error.message : String(error)
  const options = { cause: error }
  if (/locked/i.test(text)) {
    return new AppFailure(
      'keychain-locked',
      'Your keychain is locked, so the key could not be read or saved.',
      platform === 'linux' ? 'Unlock your login keyring (for example in Passwords and Keys), then try again.' : 'Unlock your keychain, then try again.',
      options,
    )
  }
  if (/org\.freedesktop\.secrets|not provided by any|autolaunch|Could not connect|dbus|D-Bus|no such (interface|object)|Cannot find module|keytar/i.test(text)) {
    return new AppFailure(
      'keychain-unavailable',
      'No OS keychain could be reached, so keys cannot be stored safely.',
      platform === 'linux' ? LINUX_HINT : 'Check that your system keychain is available, then try again.',
      options,
    )
  }
  return new AppFailure(
    'keychain-failed',
    'The OS keychain refused the operation.',
    platform === 'linux' ? LINUX_HINT : 'Check your keychain, then try again.',
    options,
  )
}

export function createKeytarVault(
  service: string,
  loadKeytar: () => Promise<KeytarModule> = loadInstalledKeytar,
  platform: NodeJS.Platform = process.platform,
  isCollectionLocked: (platform: NodeJS.Platform) => Promise<boolean | null> = isDefaultCollectionLocked,
): SecretVault {
  let keytar: Promise<KeytarModule> | null = null
  const module = () => {
    keytar ??= loadKeytar().catch((error: unknown) => {
      keytar = null // a later call may succeed once the system is fixed
      throw error
    })
    return keytar
  }
  const guarded = async <T>(run: (kt: KeytarModule) => Promise<T>): Promise<T> => {
    try {
      return await run(await module())
    } catch (error) {
      throw toKeychainFailure(error, platform)
    }
  }
  return {
    description: keychainDescription(platform),
    set: (account, secret) => guarded((kt) => kt.setPassword(service, account, secret)),
    get: (account) => guarded((kt) => kt.getPassword(service, account)),
    delete: (account) => guarded((kt) => kt.deletePassword(service, account)),
    list: () =>
      guarded(async (kt) => {
        // On Linux, keytar's findCredentials on a locked collection with no prompt available ends the whole process
        // (a libsecret assertion, then a crash): ask the Secret Service first and say "locked" instead.
        if ((await isCollectionLocked(platform)) === true) throw new Error('The keychain collection is locked')
        return (await kt.findCredentials(service)).map(({ account, password }) => ({ account, secret: password }))
      }),
  }
}

async function loadInstalledKeytar(): Promise<KeytarModule> {
  const imported = (await import('keytar')) as KeytarModule & { default?: KeytarModule }
  return imported.default ?? imported
}

// The CLI's read-only view of what the app stores: the same configuration, data folder, metadata file and
// keychain service, through main/core. Nothing here writes a file or a keychain item.
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { ConfigError, environmentFor, loadConfig, type AppConfig } from '../core/app/config'
import { resolveDataDir } from '../core/app/user-data-dir'
import { isAppFailure } from '../core/base/app-failure'
import { keyIdOf } from '../core/keys/key-identity'
import { isDefaultCollectionLocked } from '../core/keys/keychain-lock'
import { readMetadataReadOnly } from '../core/keys/metadata-reader'
import { sortKeys } from '../core/keys/key-order'
import { createKeytarVault, toKeychainFailure, type SecretVault } from '../core/keys/secret-vault'
import type { MetadataDocument, StoredKey } from '../core/keys/stored-key'
import { CliFailure } from './exit-codes'
import { describeKey } from './key-selection'

export interface KeySource {
  config: AppConfig
  dataDir: string
  vault: SecretVault
  /** The keys as the app lists them (its order, none half-removed), and the rest of its document. */
  load(): Promise<{ keys: StoredKey[]; document: MetadataDocument }>
  /** The secret of one listed key, checked against its id. */
  readSecret(key: StoredKey): Promise<string>
}

/**
 * Installed from a package (under node_modules), the CLI ignores the variables that point it at another API host,
 * as the installed app does. Run from a checkout (tests, `npm install -g .`, which links), it honours them.
 */
export function isInstalledCopy(moduleUrl: string): boolean {
  let path = fileURLToPath(moduleUrl)
  try {
    path = realpathSync(path)
  } catch {
    // keep the path as given
  }
  return path.split(/[\\/]/).includes('node_modules')
}

export function openKeySource(env: Record<string, string | undefined>, platform: NodeJS.Platform, installed: boolean): KeySource {
  let config: AppConfig
  try {
    config = loadConfig(environmentFor(env, installed))
  } catch (error) {
    if (error instanceof ConfigError) throw new CliFailure('usage', error.message)
    throw error
  }
  const dataDir = resolveDataDir(config.dataDir, platform, env)
  const vault = createKeytarVault(config.keychainService, undefined, platform)

  return {
    config,
    dataDir,
    vault,

    async load() {
      let reading
      try {
        reading = await readMetadataReadOnly(dataDir)
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'unknown error'
        throw new CliFailure('metadataDamaged', `The key list in ${dataDir} could not be read (${code}).`)
      }
      if (reading.kind === 'damaged') {
        throw new CliFailure('metadataDamaged', `The key list ${reading.path} is damaged (${reading.reason}); open OpenRouter Key Manager once to repair it.`)
      }
      const { document } = reading
      return { keys: sortKeys(document.keys, document.settings.sortOrder), document }
    },

    async readSecret(key) {
      let secret: string | null
      try {
        // Only the account named by a listed key's id (a 64-hex hash) is ever read: never the management key.
        secret = await vault.get(key.id)
      } catch (error) {
        throw toKeychainCliFailure(error)
      }
      // A locked keyring answers "no such item": say locked, not lost, so nobody removes a key that is still there.
      if (secret === null && (await isDefaultCollectionLocked(platform)) === true) {
        throw toKeychainCliFailure(toKeychainFailure(new Error('The default collection is locked'), platform))
      }
      // An item whose secret does not hash to its account was not written by the app for this key.
      if (secret === null || keyIdOf(secret) !== key.id) {
        throw new CliFailure('secretMissing', `The key ${describeKey(key)} is no longer in your keychain; remove it in the app, or add it again.`)
      }
      return secret
    },
  }
}

export function toKeychainCliFailure(error: unknown): CliFailure {
  if (isAppFailure(error)) {
    const { code, message, hint } = error.appError
    return new CliFailure(code === 'keychain-locked' ? 'keychainLocked' : 'keychainUnavailable', hint ? `${message} ${hint}` : message)
  }
  return new CliFailure('keychainUnavailable', 'The OS keychain could not be read.')
}

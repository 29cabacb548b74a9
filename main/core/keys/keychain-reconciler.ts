// Start-up reconciliation of the metadata with the keychain: finishes interrupted removals, notes keys whose
// secret is gone, and lists again keychain items this app wrote whose metadata was lost (a crash between the two
// writes). Never deletes a key that is not being removed.
import { isAppFailure } from '../base/app-failure'
import type { Logger } from '../base/logger'
import { keyIdOf, looksLikeOpenRouterKey } from './key-identity'
import type { SecretVault } from './secret-vault'
import type { MetadataDocument, StoredKey } from './stored-key'

export interface ReconcileOutcome {
  /** The document changed and must be saved. */
  changed: boolean
  /** Keys whose keychain item is gone. */
  missing: Set<string>
  /** Keys whose stored secret is not shaped like an OpenRouter key (kept, flagged on their card). */
  malformed: Set<string>
  notices: string[]
}

export async function reconcileWithKeychain(
  document: MetadataDocument,
  deps: { vault: SecretVault; logger: Logger; recoveredRecord(secret: string): StoredKey },
): Promise<ReconcileOutcome> {
  const outcome: ReconcileOutcome = { changed: false, missing: new Set(), malformed: new Set(), notices: [] }
  let items: Array<{ account: string; secret: string }>
  try {
    items = await deps.vault.list()
  } catch (error) {
    const failure = isAppFailure(error) ? error.appError : null
    outcome.notices.push(failure ? `${failure.message} ${failure.hint ?? ''}`.trim() : 'The keychain could not be read.')
    deps.logger.warn('keychain list failed at start-up', { code: failure?.code })
    return outcome
  }
  const secrets = new Map(items.map((item) => [item.account, item.secret]))
  for (const key of [...document.keys]) {
    if (key.removing) {
      if (secrets.has(key.id)) await deps.vault.delete(key.id).catch(() => false)
      document.keys = document.keys.filter((other) => other.id !== key.id)
      secrets.delete(key.id)
      outcome.changed = true
    } else if (!secrets.has(key.id)) {
      outcome.missing.add(key.id)
    } else if (!looksLikeOpenRouterKey(secrets.get(key.id)!)) {
      outcome.malformed.add(key.id)
    }
  }
  const known = new Set(document.keys.map((key) => key.id))
  for (const [account, secret] of secrets) {
    // Only items this app wrote as API keys: the account is the secret's own hash (other accounts, such as the
    // management key's, never match it).
    if (known.has(account) || keyIdOf(secret) !== account) continue
    document.keys.push(deps.recoveredRecord(secret))
    if (!looksLikeOpenRouterKey(secret)) outcome.malformed.add(account)
    outcome.changed = true
    outcome.notices.push('A key found in your keychain was missing from the key list and has been listed again as “Recovered key”.')
  }
  if (document.defaultKeyId && !document.keys.some((key) => key.id === document.defaultKeyId)) {
    document.defaultKeyId = null
    outcome.changed = true
  }
  return outcome
}

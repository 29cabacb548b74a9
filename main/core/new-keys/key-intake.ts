// The one way in for a new key, however it was born: connect (the OAuth exchange), mint (create_auth_code), a
// paste, and (with a management key) create and rotate. Every one passes the same checks before anything is stored:
// shape, label, account; then keychain, then metadata (KeyService.saveKey).
import type { KeyFigures, KeyView } from '../../../preload/contract'
import { AppFailure, isAppFailure } from '../base/app-failure'
import type { Logger } from '../base/logger'
import { assertKeyShape, keyIdOf, type KeyOrigin } from '../keys/key-identity'
import type { KeyService } from '../keys/key-service'
import { cleanLabel } from '../keys/labels'
import type { StoredKey } from '../keys/stored-key'
import type { KeyCheck, ManagementGateway } from '../openrouter/management-gateway'

export interface KeyIntakeDeps {
  keys: Pick<KeyService, 'saveKey' | 'isForeignAccount' | 'view' | 'list'>
  /** GET /key for a pasted key: tells an API key (with its figures) from a management key. */
  checkKey: ManagementGateway['checkKey']
  /**
   * With a management key stored: whether a new key appears on its account (true), does not after a complete
   * listing (false), or cannot be told (null). Without one: null.
   */
  isOnManagedAccount?: (secret: string) => Promise<boolean | null>
  logger: Logger
}

/** What a paste turned out to be: an API key (stored) or a management key (for the account service to store). */
export type PasteOutcome =
  | { kind: 'api-key'; key: KeyView; alreadyStoredAs: string | null }
  | { kind: 'management-key'; check: Extract<KeyCheck, { kind: 'management' }> }

export interface NewKey {
  origin: Exclude<KeyOrigin, 'paste'>
  /** The account the key belongs to, as OpenRouter reported it (the exchange's `user_id`). */
  userId: string | null
  label?: string
  /** Unnamed, take OpenRouter's label from the figures (a connected key): see NewKeyDetails. */
  labelFromFigures?: boolean
  figures?: KeyFigures | null | Promise<KeyFigures | null>
  /** Told as soon as the keychain holds the key (see NewKeyDetails). */
  onSecretStored?: () => void
}

export interface AcceptedKey {
  stored: StoredKey
  /** It belongs to another account than the keys already stored: kept, not made the default until confirmed. */
  accountMismatch: boolean
}

export class KeyIntake {
  constructor(private readonly deps: KeyIntakeDeps) {}

  /**
   * Stores a key OpenRouter just created. Throws before anything is stored if it is not shaped like a key; any
   * later failure (the keychain) leaves the caller holding the key, which it must not drop.
   */
  async accept(secret: string, key: NewKey): Promise<AcceptedKey> {
    assertKeyShape(secret, key.origin)
    const label = key.label === undefined ? '' : cleanLabel(key.label)
    // A forged callback can deliver a key of the attacker's account bound to this flow's PKCE challenge: PKCE does
    // not prevent it, so a key of an unexpected account is never silently made the default.
    // With a management key, a connected or minted key must also be one of its account's keys (issue 11 #1).
    const offAccount = key.origin === 'create' ? false : (await this.deps.isOnManagedAccount?.(secret).catch(() => null)) === false
    const accountMismatch = this.deps.keys.isForeignAccount(key.userId) || offAccount
    if (accountMismatch) this.deps.logger.warn('a new key belongs to another account than the stored keys', { origin: key.origin, offAccount })
    const stored = await this.deps.keys.saveKey(secret, {
      userId: key.userId,
      ...(label ? { label } : {}),
      ...(!label && key.labelFromFigures ? { labelFromFigures: true } : {}),
      ...(key.figures === undefined ? {} : { figures: key.figures }),
      ...(key.onSecretStored ? { onSecretStored: key.onSecretStored } : {}),
      accountPending: accountMismatch,
    })
    return { stored, accountMismatch }
  }

  /**
   * Adds a pasted key after OpenRouter confirms it; a rejected key is never stored. A management key is not stored
   * here: it is handed back for the account service, which keeps it apart from API keys.
   */
  async paste(pasted: string, label: string): Promise<PasteOutcome> {
    const secret = pasted.trim()
    assertKeyShape(secret, 'paste')
    const cleanedLabel = cleanLabel(label)
    let figures: KeyFigures
    try {
      const check = await this.deps.checkKey(secret)
      if (check.kind === 'management') return { kind: 'management-key', check }
      figures = check.figures
    } catch (error) {
      if (isAppFailure(error) && error.appError.code === 'key-rejected') {
        throw new AppFailure('key-rejected', 'OpenRouter rejected this key, so it was not stored.', 'Check that you copied the whole key and that it is still active.')
      }
      throw error
    }
    const alreadyStoredAs = this.deps.keys.list().keys.find((key) => key.id === keyIdOf(secret))?.label ?? null
    // The person chose this key themselves: its account is recorded (GET /key's creator) but needs no confirmation.
    const record = await this.deps.keys.saveKey(secret, {
      userId: figures.creatorUserId,
      figures,
      ...(cleanedLabel && alreadyStoredAs === null ? { label: cleanedLabel } : {}),
    })
    return { kind: 'api-key', key: this.deps.keys.view(record.id), alreadyStoredAs }
  }

  /** An API key only (tests, scripts): a management key is refused here, not stored. */
  async add(pasted: string, label: string): Promise<KeyView> {
    const outcome = await this.paste(pasted, label)
    if (outcome.kind === 'management-key') {
      throw new AppFailure('invalid-argument', 'This is a management key: it manages your keys but cannot call models.', 'Add it as the management key instead.')
    }
    return outcome.key
  }
}

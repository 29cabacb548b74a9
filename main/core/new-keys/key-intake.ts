// The one way in for a new key, however it was born: connect (the OAuth exchange), mint (create_auth_code), a
// paste, and (with a management key) create and rotate. Every one passes the same checks before anything is stored:
// shape, label, account; then keychain, then metadata (KeyService.saveKey).
import type { KeyFigures, KeyView } from '../../../preload/contract'
import { AppFailure, isAppFailure } from '../base/app-failure'
import type { Logger } from '../base/logger'
import { assertKeyShape, type KeyOrigin } from '../keys/key-identity'
import type { KeyService } from '../keys/key-service'
import { cleanLabel } from '../keys/labels'
import type { StoredKey } from '../keys/stored-key'
import type { OpenRouterGateway } from '../openrouter/openrouter-gateway'

export interface KeyIntakeDeps {
  keys: Pick<KeyService, 'saveKey' | 'isForeignAccount' | 'view'>
  gateway: Pick<OpenRouterGateway, 'getKeyFigures'>
  logger: Logger
}

export interface NewKey {
  origin: Exclude<KeyOrigin, 'paste'>
  /** The account the key belongs to, as OpenRouter reported it (the exchange's `user_id`). */
  userId: string | null
  label?: string
  figures?: KeyFigures | null | Promise<KeyFigures | null>
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
    const accountMismatch = this.deps.keys.isForeignAccount(key.userId)
    if (accountMismatch) this.deps.logger.warn('a new key belongs to another account than the stored keys', { origin: key.origin })
    const stored = await this.deps.keys.saveKey(secret, {
      userId: key.userId,
      ...(label ? { label } : {}),
      ...(key.figures === undefined ? {} : { figures: key.figures }),
      accountPending: accountMismatch,
    })
    return { stored, accountMismatch }
  }

  /** Adds a pasted key after OpenRouter confirms it; a rejected key is never stored. */
  async add(pasted: string, label: string): Promise<KeyView> {
    const secret = pasted.trim()
    assertKeyShape(secret, 'paste')
    const cleanedLabel = cleanLabel(label)
    let figures: KeyFigures
    try {
      figures = await this.deps.gateway.getKeyFigures(secret)
    } catch (error) {
      if (isAppFailure(error) && error.appError.code === 'key-rejected') {
        throw new AppFailure('key-rejected', 'OpenRouter rejected this key, so it was not stored.', 'Check that you copied the whole key and that it is still active.')
      }
      throw error
    }
    // The person chose this key themselves: its account is recorded (GET /key's creator) but needs no confirmation.
    const record = await this.deps.keys.saveKey(secret, {
      userId: figures.creatorUserId,
      figures,
      ...(cleanedLabel ? { label: cleanedLabel } : {}),
    })
    return this.deps.keys.view(record.id)
  }
}

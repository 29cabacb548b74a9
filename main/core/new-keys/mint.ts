// create_auth_code with a cap, reset period and expiry, then exchanged like a connect. Signed with the management key
// when one is stored (OpenRouter documents create_auth_code's 403 as "Only management keys can perform this
// operation"; whether ordinary keys are refused is UNCONFIRMED), otherwise with the stored key the person chose.
import type { KeyView, MintRequest } from '../../../preload/contract'
import { AppFailure, isAppFailure } from '../base/app-failure'
import { assertKeyShape } from '../keys/key-identity'
import type { KeyService } from '../keys/key-service'
import { cleanLabel, MAX_LABEL_LENGTH } from '../keys/labels'
import type { KeyIntake } from './key-intake'
import type { AuthCodeRequest, OpenRouterGateway } from '../openrouter/openrouter-gateway'
import type { ManagementGateway, ManagementKey } from '../openrouter/management-gateway'
import { createPkcePair } from '../connect/pkce'
import type { Clock } from '../base/ports'

export interface MintDeps {
  gateway: OpenRouterGateway
  keys: Pick<KeyService, 'secretOf' | 'refresh' | 'view'>
  intake: Pick<KeyIntake, 'accept'>
  management: Pick<ManagementGateway, 'createAuthCode'>
  /** The stored management key, or null. */
  managementKey(): Promise<ManagementKey | null>
  clock: Clock
  callbackPort: number
  /** Where an exchanged key goes if the keychain refuses it, so it is never dropped. */
  holdUnsavedKey(secret: string, userId: string | null, label: string, error: unknown): void
  assertCanHoldKey(): void
}

/** The same rules the form applies, enforced again in main: the renderer is not trusted. */
export function validateMintRequest(request: MintRequest, now: number): void {
  const label = cleanLabel(request.label, Number.MAX_SAFE_INTEGER)
  if (label.length === 0 || Array.from(label).length > MAX_LABEL_LENGTH) {
    throw new AppFailure('invalid-argument', `The label needs 1 to ${MAX_LABEL_LENGTH} characters.`)
  }
  if (!Number.isFinite(request.limit) || request.limit <= 0) {
    throw new AppFailure('invalid-argument', 'The credit limit must be more than $0.')
  }
  if (request.expiresAt !== null) {
    const expiry = Date.parse(request.expiresAt)
    if (Number.isNaN(expiry) || expiry <= now) {
      throw new AppFailure('invalid-argument', 'The expiry must be in the future.')
    }
  }
}

export async function mintLimitedKey(deps: MintDeps, request: MintRequest): Promise<KeyView> {
  validateMintRequest(request, deps.clock.now())
  const label = cleanLabel(request.label)
  // A key that cannot be saved is held by the connect flow; it must have room for it before one is created.
  deps.assertCanHoldKey()
  const pkce = createPkcePair()
  // OpenRouter requires a callback_url even though this code is exchanged directly, without a redirect.
  const codeRequest: AuthCodeRequest = {
    callbackUrl: `http://localhost:${deps.callbackPort}/callback`,
    codeChallenge: pkce.challenge,
    label,
    limit: request.limit,
    limitReset: request.limitReset,
    // Whole seconds: the API rejects minute precision, and sub-second precision means nothing here.
    expiresAt: request.expiresAt === null ? null : new Date(Math.floor(Date.parse(request.expiresAt) / 1000) * 1000),
  }
  const managementKey = await deps.managementKey()
  const { code } = managementKey
    ? await deps.management.createAuthCode(managementKey, codeRequest)
    : await createCodeWithStoredKey(deps, request.sourceKeyId, codeRequest)
  const exchanged = await deps.gateway.exchangeCode({ code, codeVerifier: pkce.verifier })
  // Refused before it is held or stored: a value that is not a key is not worth keeping.
  assertKeyShape(exchanged.key, 'mint')
  let storedId: string
  try {
    storedId = (await deps.intake.accept(exchanged.key, { origin: 'mint', userId: exchanged.userId, label })).stored.id
  } catch (error) {
    deps.holdUnsavedKey(exchanged.key, exchanged.userId, label, error)
    throw isAppFailure(error)
      ? new AppFailure(error.appError.code, `The new key was created but could not be saved: ${error.appError.message}`, 'Use Save again or Copy key in the connection panel.')
      : error
  }
  try {
    return await deps.keys.refresh(storedId)
  } catch {
    return deps.keys.view(storedId)
  }
}

/**
 * One mint at a time: a second request while one runs is refused, so a double click or two windows never create
 * two keys (creating a key is not idempotent).
 */
export function createMinter(deps: MintDeps): (request: MintRequest) => Promise<KeyView> {
  let running = false
  return async (request) => {
    if (running) throw new AppFailure('busy', 'A limited key is already being created.', 'Wait for it to finish, then try again.')
    running = true
    try {
      return await mintLimitedKey(deps, request)
    } finally {
      running = false
    }
  }
}

/** Today's path, without a management key: a refusal is explained in plain words, with the way out. */
async function createCodeWithStoredKey(deps: MintDeps, sourceKeyId: string | null, codeRequest: AuthCodeRequest): Promise<{ code: string }> {
  if (sourceKeyId === null) {
    throw new AppFailure('invalid-argument', 'Choose a stored key to create the new key with.', 'Or add a management key in Settings (Add management key…).')
  }
  const bearer = await deps.keys.secretOf(sourceKeyId)
  try {
    return await deps.gateway.createAuthCode(bearer, codeRequest)
  } catch (error) {
    if (isAppFailure(error) && error.appError.code === 'forbidden') {
      throw new AppFailure(
        error.appError.code,
        'OpenRouter only lets a management key create limited keys, and this key is an ordinary one, so nothing was created.',
        'Add management key… in Settings (create one at openrouter.ai/settings/management-keys), then try again.',
        { cause: error },
      )
    }
    throw error
  }
}

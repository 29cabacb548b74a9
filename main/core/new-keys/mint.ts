// create_auth_code with a cap, reset period and expiry, authenticated by a stored key, then exchanged like a connect.
import type { KeyView, MintRequest } from '../../../preload/contract'
import { AppFailure, isAppFailure } from '../base/app-failure'
import { assertKeyShape } from '../keys/key-identity'
import type { KeyService } from '../keys/key-service'
import { cleanLabel, MAX_LABEL_LENGTH } from '../keys/labels'
import type { KeyIntake } from './key-intake'
import type { OpenRouterGateway } from '../openrouter/openrouter-gateway'
import { createPkcePair } from '../connect/pkce'
import type { Clock } from '../base/ports'

export interface MintDeps {
  gateway: OpenRouterGateway
  keys: Pick<KeyService, 'secretOf' | 'refresh' | 'view'>
  intake: Pick<KeyIntake, 'accept'>
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
  const bearer = await deps.keys.secretOf(request.sourceKeyId)
  const pkce = createPkcePair()
  // OpenRouter requires a callback_url even though this code is exchanged directly, without a redirect.
  const { code } = await deps.gateway.createAuthCode(bearer, {
    callbackUrl: `http://localhost:${deps.callbackPort}/callback`,
    codeChallenge: pkce.challenge,
    label,
    limit: request.limit,
    limitReset: request.limitReset,
    // Whole seconds: the API rejects minute precision, and sub-second precision means nothing here.
    expiresAt: request.expiresAt === null ? null : new Date(Math.floor(Date.parse(request.expiresAt) / 1000) * 1000),
  })
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

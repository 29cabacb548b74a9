// The parameters of an authorization request, read from GET /auth's query or from the consent page's form.
import { CALLBACK_RULE, isAllowedCallbackUrl } from './callback-url'
import { storedMethod } from './pkce'
import type { ChallengeMethod } from './state'

export interface ConsentRequest {
  callbackUrl: string
  codeChallenge: string | null
  codeChallengeMethod: ChallengeMethod | null
  /** Credit limit in USD for the key; emitted by the SDK's createAuthorizationUrl, undocumented upstream. */
  limit: number | null
}

export type ParsedConsent = { ok: true; request: ConsentRequest } | { ok: false; message: string }

export function parseConsentRequest(params: URLSearchParams): ParsedConsent {
  const callbackUrl = params.get('callback_url') ?? ''
  // Headless mode (no callback_url, the page shows the code) is not emulated.
  if (!isAllowedCallbackUrl(callbackUrl)) return { ok: false, message: `${CALLBACK_RULE}.` }

  const rawMethod = params.get('code_challenge_method') || null
  if (rawMethod !== null && rawMethod !== 'S256' && rawMethod !== 'plain') {
    return { ok: false, message: 'code_challenge_method must be S256 or plain.' }
  }
  const codeChallenge = params.get('code_challenge') || null

  // How the real page treats a bad limit is UNCONFIRMED; refusing it surfaces an app bug instead of hiding it.
  const rawLimit = params.get('limit')
  let limit: number | null = null
  if (rawLimit !== null && rawLimit !== '') {
    limit = Number(rawLimit)
    if (!Number.isFinite(limit) || limit <= 0) return { ok: false, message: 'limit must be a positive number of USD.' }
  }
  return { ok: true, request: { callbackUrl, codeChallenge, codeChallengeMethod: storedMethod(codeChallenge, rawMethod), limit } }
}

/** The same request as form fields, so the page's buttons post back exactly what the app asked for. */
export function consentFields(request: ConsentRequest): Array<[string, string]> {
  const fields: Array<[string, string]> = [['callback_url', request.callbackUrl]]
  if (request.codeChallenge !== null) fields.push(['code_challenge', request.codeChallenge])
  if (request.codeChallengeMethod !== null) fields.push(['code_challenge_method', request.codeChallengeMethod])
  if (request.limit !== null) fields.push(['limit', String(request.limit)])
  return fields
}

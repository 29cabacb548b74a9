// POST /api/v1/auth/keys: trade a single-use authorization code (plus its PKCE verifier) for a new key.
// No auth needed [DOC]; the SDK sends a bearer anyway when it has one, and the dispatcher records it.
import type { Handler } from '../context'
import { verifierMatches } from '../pkce'
import { sendError, sendJson } from '../responses'
import { describeIssues, exchangeBody } from '../schemas'

const INVALID = 'Invalid code or code_verifier'

export const handleExchange: Handler = (request, res, { state, settings }) => {
  const parsed = exchangeBody.safeParse(request.body)
  if (!parsed.success) return sendError(res, 400, describeIssues(parsed.error))
  const { code: codeId, code_verifier: verifier, code_challenge_method: sentMethod } = parsed.data

  // Order as reported live [3P]: the code is checked first, so a bad code with a wrong method is "invalid".
  const code = state.findCode(codeId)
  if (!code || code.used) return sendError(res, settings.invalidCodeStatus, INVALID)
  // [DOC] lists expiry as 403 whatever status the live service uses for a bad code.
  if (state.isExpired(code)) return sendError(res, 403, 'Authorization code expired')
  // The method the client states must equal the one stored at /auth, absence included: a code minted without
  // a challenge and exchanged with S256 is the live 400 [3P]. Treating an omitted method on a PKCE code as a
  // mismatch too is the double's strict reading (UNCONFIRMED).
  if ((sentMethod ?? null) !== code.method) return sendError(res, 400, 'Invalid code_challenge_method')
  if (code.challenge !== null && code.method !== null) {
    if (verifier === undefined || !verifierMatches(code.challenge, code.method, verifier)) {
      return sendError(res, settings.invalidCodeStatus, INVALID)
    }
  }

  // Consumed on success only: a failed verifier leaves the code usable until it expires, so an app that
  // retries after a transient failure is not punished. Whether the live service burns it is UNCONFIRMED.
  code.used = true
  const secret = state.createKey(code.key)
  sendJson(res, 200, { key: secret, user_id: state.requireKey(secret).userId })
}

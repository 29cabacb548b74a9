// POST /api/v1/auth/keys/code: mint an authorization code for a key with a cap, reset, label and expiry,
// authorised by an existing key. Which credential the live route really wants is UNCONFIRMED (api-facts §3):
// a management key is always accepted; an ordinary key too by default, or refused with 403 under
// setCreateCodeAuth('management-only'). The new key gets the signing key's user.
import { authenticate, MANAGEMENT_ONLY } from '../bearer'
import { CALLBACK_RULE, isAllowedCallbackUrl } from '../callback-url'
import type { Handler } from '../context'
import { storedMethod } from '../pkce'
import { sendError, sendJson } from '../responses'
import { createCodeBody, describeIssues } from '../schemas'
import { parseSecondsTimestamp, toIsoZ } from '../timestamps'
import type { DoubleKeyState } from '../types'

export const handleCreateCode: Handler = (request, res, { state, now, settings }) => {
  const auth = authenticate(request.headers.authorization, state)
  if (!auth.ok) return sendError(res, 401, auth.message)
  if (!auth.key.isManagementKey && settings.createCodeAuth === 'management-only') return sendError(res, 403, MANAGEMENT_ONLY)

  const parsed = createCodeBody.safeParse(request.body)
  if (!parsed.success) return sendError(res, 400, describeIssues(parsed.error))
  const body = parsed.data
  if (!isAllowedCallbackUrl(body.callback_url)) return sendError(res, 400, CALLBACK_RULE)

  let expiresAt: string | null = null
  if (body.expires_at !== undefined && body.expires_at !== null) {
    const parsedExpiry = parseSecondsTimestamp(body.expires_at)
    if (!parsedExpiry.ok) return sendError(res, 400, parsedExpiry.reason)
    if (parsedExpiry.epochMs <= now()) return sendError(res, 400, 'expires_at must be in the future')
    expiresAt = toIsoZ(parsedExpiry.epochMs)
  }

  const key: Partial<DoubleKeyState> = {
    userId: auth.key.userId,
    expiresAt,
    limit: body.limit,
    limitReset: body.usage_limit_type,
    label: body.key_label,
  }
  const challenge = body.code_challenge ?? null
  const id = state.issueCode(challenge, storedMethod(challenge, body.code_challenge_method), key)
  sendJson(res, 200, { data: { id, app_id: state.appIdFor(body.callback_url), created_at: new Date(now()).toISOString() } })
}

// GET /api/v1/credits: needs a management key [SPEC], and the double only has user (OAuth) keys, so a valid
// key always gets 403. This is why the app reads limit_remaining from /key instead of the account balance.
import { authenticate } from '../bearer'
import type { Handler } from '../context'
import { sendError } from '../responses'

export const handleCredits: Handler = (request, res, { state }) => {
  const auth = authenticate(request.headers.authorization, state)
  if (!auth.ok) return sendError(res, 401, auth.message)
  sendError(res, 403, 'Only management keys can perform this operation')
}

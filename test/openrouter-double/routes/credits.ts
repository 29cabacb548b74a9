// GET /api/v1/credits: the account's balance, for a management key only [SPEC]; an ordinary key gets 403, which
// is why the app reads limit_remaining from /key when it has no management key.
import { authenticateManagement } from '../bearer'
import type { Handler } from '../context'
import { sendError, sendJson } from '../responses'

export const handleCredits: Handler = (request, res, { state }) => {
  const auth = authenticateManagement(request.headers.authorization, state)
  if (!auth.ok) return sendError(res, auth.status, auth.message)
  sendJson(res, 200, { data: { total_credits: state.credits.totalCredits, total_usage: state.credits.totalUsage } })
}

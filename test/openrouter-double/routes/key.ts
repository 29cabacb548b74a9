// GET /api/v1/key: the metadata of the key in the bearer header.
import { authenticate } from '../bearer'
import type { Handler } from '../context'
import { keyData } from '../key-data'
import { sendError, sendJson } from '../responses'

export const handleKey: Handler = (request, res, { state }) => {
  const auth = authenticate(request.headers.authorization, state)
  if (!auth.ok) return sendError(res, 401, auth.message)
  sendJson(res, 200, { data: keyData(auth.key) })
}

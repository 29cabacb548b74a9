// GET, PATCH and DELETE /api/v1/keys/{hash} [SPEC getKey, updateKeys, deleteKeys]: management key required,
// an unknown hash (or another account's key) → 404.
import { authenticateManagement } from '../bearer'
import type { Handler, IncomingRequest } from '../context'
import { accountKeyData } from '../key-data'
import { sendError, sendJson } from '../responses'
import { describeIssues, updateKeyBody } from '../schemas'
import type { DoubleState } from '../state'
import { toIsoZ } from '../timestamps'
import type { ServerResponse } from 'node:http'
import type { DoubleKeyState } from '../types'

const NOT_FOUND = 'Resource not found'

/** The addressed key, or null after answering 401/403/404. */
function target(request: IncomingRequest, res: ServerResponse, state: DoubleState): ({ secret: string } & DoubleKeyState) | null {
  const auth = authenticateManagement(request.headers.authorization, state)
  if (!auth.ok) {
    sendError(res, auth.status, auth.message)
    return null
  }
  const found = state.findByHash(request.params['hash'] ?? '')
  if (!found || found.userId !== auth.key.userId) {
    sendError(res, 404, NOT_FOUND)
    return null
  }
  return found
}

export const handleGetKey: Handler = (request, res, { state }) => {
  const found = target(request, res, state)
  if (found) sendJson(res, 200, { data: accountKeyData(found.secret, found, state.hashOf(found.secret)) })
}

export const handleUpdateKey: Handler = (request, res, { state, now }) => {
  const found = target(request, res, state)
  if (!found) return
  const parsed = updateKeyBody.safeParse(request.body)
  if (!parsed.success) return sendError(res, 400, describeIssues(parsed.error))
  const body = parsed.data
  const key = state.requireKey(found.secret)
  if (body.name !== undefined) key.name = body.name
  if (body.disabled !== undefined) key.disabled = body.disabled
  if (body.limit !== undefined) key.limit = body.limit
  if (body.limit_reset !== undefined) key.limitReset = body.limit_reset
  if (body.include_byok_in_limit !== undefined) key.includeByokInLimit = body.include_byok_in_limit
  key.updatedAt = toIsoZ(now())
  sendJson(res, 200, { data: accountKeyData(found.secret, key, state.hashOf(found.secret)) })
}

export const handleDeleteKey: Handler = (request, res, { state }) => {
  const found = target(request, res, state)
  if (!found) return
  state.deleteKey(found.secret)
  sendJson(res, 200, { deleted: true })
}

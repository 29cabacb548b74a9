// GET /api/v1/keys (one workspace's keys, 100 a page, most recent first) and POST /api/v1/keys (a new key whose
// plaintext is in this answer only) [SPEC list, createKeys]; management key required.
import { authenticateManagement } from '../bearer'
import type { Handler } from '../context'
import { accountKeyData } from '../key-data'
import { booleanParam, integerParam, uuidParam } from '../query'
import { sendError, sendJson } from '../responses'
import { createKeyBody, describeIssues } from '../schemas'
import { DEFAULT_WORKSPACE_ID, maskedLabel } from '../state'
import { parseSecondsTimestamp, toIsoZ } from '../timestamps'

/** [DOC] "List the most recent 100 API keys… paginate using the offset parameter". */
export const KEYS_PAGE_SIZE = 100

export const handleListKeys: Handler = (request, res, { state }) => {
  const auth = authenticateManagement(request.headers.authorization, state)
  if (!auth.ok) return sendError(res, auth.status, auth.message)
  const includeDisabled = booleanParam(request.url, 'include_disabled', false)
  if (!includeDisabled.ok) return sendError(res, 400, includeDisabled.message)
  const offset = integerParam(request.url, 'offset', 0)
  if (!offset.ok) return sendError(res, 400, offset.message)
  const workspace = uuidParam(request.url, 'workspace_id')
  if (!workspace.ok) return sendError(res, 400, workspace.message)
  const workspaceId = workspace.value ?? DEFAULT_WORKSPACE_ID
  // What OpenRouter answers for a workspace of another account is UNCONFIRMED; the spec documents 400 here.
  if (!state.hasWorkspace(workspaceId)) return sendError(res, 400, 'Invalid request parameters: workspace_id: no such workspace')
  const keys = state.apiKeys((key) => key.userId === auth.key.userId && key.workspaceId === workspaceId && (includeDisabled.value || !key.disabled))
  const page = keys.slice(offset.value, offset.value + KEYS_PAGE_SIZE)
  sendJson(res, 200, { data: page.map(({ secret, key }) => accountKeyData(secret, key, state.hashOf(secret))) })
}

export const handleCreateKey: Handler = (request, res, { state, now }) => {
  const auth = authenticateManagement(request.headers.authorization, state)
  if (!auth.ok) return sendError(res, auth.status, auth.message)
  const parsed = createKeyBody.safeParse(request.body)
  if (!parsed.success) return sendError(res, 400, describeIssues(parsed.error))
  const body = parsed.data

  let expiresAt: string | null = null
  if (body.expires_at !== undefined && body.expires_at !== null) {
    const expiry = parseSecondsTimestamp(body.expires_at)
    if (!expiry.ok) return sendError(res, 400, expiry.reason)
    // [SPEC] "Must be UTC, other timezones will be rejected".
    if (!/z$/i.test(body.expires_at)) return sendError(res, 400, 'expires_at must be a UTC timestamp (ending in Z)')
    if (expiry.epochMs <= now()) return sendError(res, 400, 'expires_at must be in the future')
    expiresAt = toIsoZ(expiry.epochMs)
  }
  const workspaceId = body.workspace_id ?? DEFAULT_WORKSPACE_ID
  if (!state.hasWorkspace(workspaceId)) return sendError(res, 400, 'Invalid request parameters: workspace_id: no such workspace')

  const secret = state.createKey({
    name: body.name,
    limit: body.limit ?? null,
    limitReset: body.limit_reset ?? null,
    expiresAt,
    includeByokInLimit: body.include_byok_in_limit ?? false,
    workspaceId,
    userId: auth.key.userId,
  })
  const key = state.requireKey(secret)
  key.label = maskedLabel(secret)
  sendJson(res, 201, { data: accountKeyData(secret, key, state.hashOf(secret)), key: secret })
}

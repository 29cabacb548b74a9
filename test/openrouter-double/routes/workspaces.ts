// GET /api/v1/workspaces: the account's workspaces, paged by offset and limit (default 50, at most 100) [SPEC].
import { authenticateManagement } from '../bearer'
import type { Handler } from '../context'
import { integerParam } from '../query'
import { sendError, sendJson } from '../responses'

export const handleWorkspaces: Handler = (request, res, { state }) => {
  const auth = authenticateManagement(request.headers.authorization, state)
  if (!auth.ok) return sendError(res, auth.status, auth.message)
  const offset = integerParam(request.url, 'offset', 0)
  if (!offset.ok) return sendError(res, 400, offset.message)
  const limit = integerParam(request.url, 'limit', 50, 100)
  if (!limit.ok || limit.value < 1) return sendError(res, 400, limit.ok ? 'Invalid request parameters: limit: expected 1 to 100' : limit.message)
  const all = state.workspaces()
  const data = all.slice(offset.value, offset.value + limit.value).map((workspace) => ({
    id: workspace.id,
    name: workspace.name,
    slug: workspace.slug,
    description: null,
    created_at: workspace.createdAt,
    updated_at: null,
    created_by: auth.key.userId,
    // [SPEC] "Deterministic ID derived from the workspace ID"; the double reuses the id.
    default_guardrail_id: workspace.id,
    default_image_model: null,
    default_provider_sort: null,
    default_text_model: null,
    include_byok_in_budgets: false,
    io_logging_api_key_ids: null,
    io_logging_sampling_rate: 1,
    is_data_discount_logging_enabled: true,
    is_observability_broadcast_enabled: false,
    is_observability_io_logging_enabled: false,
  }))
  sendJson(res, 200, { data, total_count: all.length })
}

// GET /api/v1/activity [SPEC getUserActivity]: daily spend rows for the last 30 completed UTC days, filtered by
// date, api_key_hash and workspace_id; rows are summed per date, model and endpoint (and workspace with
// group_by=workspace). The rows come only from what tests set (setActivity), so answers are deterministic.
import { createHash } from 'node:crypto'
import { authenticateManagement } from '../bearer'
import type { Handler } from '../context'
import { uuidParam } from '../query'
import { sendError, sendJson } from '../responses'
import type { DoubleState } from '../state'

const DAY_MS = 24 * 60 * 60 * 1000

/** The last 30 completed UTC days before `now`, oldest first. */
export function activityDates(now: number): string[] {
  const today = Math.floor(now / DAY_MS) * DAY_MS
  return Array.from({ length: 30 }, (_, index) => new Date(today - (30 - index) * DAY_MS).toISOString().slice(0, 10))
}

/** A stable UUID-shaped endpoint id per model, so the same model is one endpoint across days. */
function endpointIdOf(model: string): string {
  const hex = createHash('sha256').update(model).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

interface ActivityJson {
  date: string
  model: string
  model_permaslug: string
  endpoint_id: string
  provider_name: string
  usage: number
  byok_usage_inference: number
  requests: number
  prompt_tokens: number
  completion_tokens: number
  reasoning_tokens: number
  workspace_id?: string
}

function keyWorkspace(state: DoubleState, secret: string): string | null {
  return state.findKey(secret)?.workspaceId ?? null
}

export const handleActivity: Handler = (request, res, { state, now }) => {
  const auth = authenticateManagement(request.headers.authorization, state)
  if (!auth.ok) return sendError(res, auth.status, auth.message)
  const { url } = request
  const window = new Set(activityDates(now()))
  const date = url.searchParams.get('date')
  if (date !== null && !window.has(date)) return sendError(res, 400, 'Invalid request parameters: date: must be one of the last 30 completed UTC days (YYYY-MM-DD)')
  const keyHash = url.searchParams.get('api_key_hash')
  // Whether OpenRouter answers 404 or an empty list for a hash it does not know is UNCONFIRMED: empty here.
  if (keyHash !== null && !/^[0-9a-f]{64}$/.test(keyHash)) return sendError(res, 400, 'Invalid request parameters: api_key_hash: expected a SHA-256 hex string')
  const workspace = uuidParam(url, 'workspace_id')
  if (!workspace.ok) return sendError(res, 400, workspace.message)
  const groupBy = url.searchParams.get('group_by')
  if (groupBy !== null && groupBy !== 'workspace') return sendError(res, 400, 'Invalid request parameters: group_by: expected "workspace"')

  const sums = new Map<string, ActivityJson>()
  for (const row of state.activity) {
    if (!window.has(row.date) || (date !== null && row.date !== date)) continue
    if (keyHash !== null && state.hashOf(row.secret) !== keyHash) continue
    const owner = state.findKey(row.secret)
    if (owner && owner.userId !== auth.key.userId) continue
    const rowWorkspace = keyWorkspace(state, row.secret) ?? state.workspaces()[0]!.id
    if (workspace.value !== null && rowWorkspace !== workspace.value) continue
    const groupKey = `${row.date}|${row.model}|${groupBy === 'workspace' ? rowWorkspace : ''}`
    const sum = sums.get(groupKey) ?? {
      date: row.date,
      model: row.model,
      model_permaslug: `${row.model}-2025-01-01`,
      endpoint_id: endpointIdOf(row.model),
      provider_name: row.providerName ?? row.model.split('/')[0] ?? 'provider',
      usage: 0,
      byok_usage_inference: 0,
      requests: 0,
      prompt_tokens: 0,
      completion_tokens: 0,
      reasoning_tokens: 0,
      ...(groupBy === 'workspace' ? { workspace_id: rowWorkspace } : {}),
    }
    sum.usage = Math.round((sum.usage + row.usage) * 1e9) / 1e9
    sum.byok_usage_inference = Math.round((sum.byok_usage_inference + (row.byokUsageInference ?? 0)) * 1e9) / 1e9
    sum.requests += row.requests ?? 1
    sum.prompt_tokens += row.promptTokens ?? 0
    sum.completion_tokens += row.completionTokens ?? 0
    sum.reasoning_tokens += row.reasoningTokens ?? 0
    sums.set(groupKey, sum)
  }
  const data = [...sums.values()].sort((a, b) => a.date.localeCompare(b.date) || a.model.localeCompare(b.model))
  sendJson(res, 200, { data })
}

// Request bodies as the spec (openapi-oauth.yaml) defines them. Unknown fields are stripped, not refused,
// as the real API tolerates fields such as spawn_agent that the SDK never sends.
import { z } from 'zod'

export const challengeMethod = z.enum(['S256', 'plain'])

export const exchangeBody = z.object({
  code: z.string().min(1),
  code_verifier: z.string().optional(),
  code_challenge_method: challengeMethod.nullable().optional(),
})

export const createCodeBody = z.object({
  callback_url: z.string(),
  code_challenge: z.string().min(1).optional(),
  code_challenge_method: challengeMethod.optional(),
  limit: z.number().positive().optional(),
  usage_limit_type: z.enum(['daily', 'weekly', 'monthly']).optional(),
  // Checked for seconds precision and the future in the route, where the clock is.
  expires_at: z.string().nullable().optional(),
  key_label: z.string().max(100).optional(),
  workspace_id: z.uuid().optional(),
})

/** One readable line for the 400 message: the first field that failed and why. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'Invalid request parameters'
  const field = issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
  return `Invalid request parameters: ${field}${issue.message}`
}

const limitReset = z.enum(['daily', 'weekly', 'monthly']).nullable()
// The spec gives no bounds; a negative or non-finite limit is refused as the real API would refuse nonsense.
const limit = z.number().finite().nonnegative().nullable()

/** POST /keys [SPEC createKeys]. */
export const createKeyBody = z.object({
  name: z.string().min(1),
  limit: limit.optional(),
  limit_reset: limitReset.optional(),
  // "Must be UTC, other timezones will be rejected": checked in the route with the clock.
  expires_at: z.string().nullable().optional(),
  include_byok_in_limit: z.boolean().optional(),
  workspace_id: z.uuid().optional(),
  creator_user_id: z.string().min(1).nullable().optional(),
})

/** PATCH /keys/{hash} [SPEC updateKeys]: expires_at is not a field, so it cannot be changed (it is stripped). */
export const updateKeyBody = z.object({
  name: z.string().min(1).optional(),
  disabled: z.boolean().optional(),
  limit: limit.optional(),
  limit_reset: limitReset.optional(),
  include_byok_in_limit: z.boolean().optional(),
})

// GET /api/v1/key's `data`: every field the spec marks required, plus the four that @openrouter/sdk 1.3.19
// also requires (allowed_data_regions, free_model_daily_requests, organization_id, workspace_id; api-facts §6.5).
import type { DoubleKeyState } from './types'

export interface KeyDataJson {
  label: string
  limit: number | null
  limit_remaining: number | null
  limit_reset: 'daily' | 'weekly' | 'monthly' | null
  usage: number
  usage_daily: number
  usage_weekly: number
  usage_monthly: number
  byok_usage: number
  byok_usage_daily: number
  byok_usage_weekly: number
  byok_usage_monthly: number
  is_free_tier: boolean
  is_management_key: false
  is_provisioning_key: false
  include_byok_in_limit: boolean
  creator_user_id: string | null
  expires_at: string | null
  rate_limit: { requests: number; interval: string; note: string }
  allowed_data_regions: string[]
  free_model_daily_requests: { limit: number; remaining: number; used: number }
  organization_id: string | null
  workspace_id: string | null
}

/** limit − usage, never below 0; rounded so 10 − 9.7 reads 0.3, not 0.3000000000000007. */
export function limitRemaining(state: Pick<DoubleKeyState, 'limit' | 'usage'>): number | null {
  if (state.limit === null) return null
  return Math.max(0, Math.round((state.limit - state.usage) * 1e9) / 1e9)
}

export function keyData(state: DoubleKeyState): KeyDataJson {
  return {
    label: state.label,
    limit: state.limit,
    limit_remaining: limitRemaining(state),
    limit_reset: state.limitReset,
    usage: state.usage,
    usage_daily: state.usageDaily,
    usage_weekly: state.usageWeekly,
    usage_monthly: state.usageMonthly,
    byok_usage: state.byokUsage,
    byok_usage_daily: state.byokUsageDaily,
    byok_usage_weekly: state.byokUsageWeekly,
    byok_usage_monthly: state.byokUsageMonthly,
    is_free_tier: state.isFreeTier,
    // The double only mints user keys: OAuth keys are never management keys.
    is_management_key: false,
    is_provisioning_key: false,
    include_byok_in_limit: state.includeByokInLimit,
    creator_user_id: state.userId,
    expires_at: state.expiresAt,
    // Deprecated upstream ("safe to ignore"); the spec's example values.
    rate_limit: { requests: 1000, interval: '1h', note: 'This field is deprecated and safe to ignore.' },
    allowed_data_regions: [],
    free_model_daily_requests: { limit: 50, remaining: 50, used: 0 },
    organization_id: null,
    workspace_id: null,
  }
}

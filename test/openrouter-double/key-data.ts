// GET /api/v1/key's `data`: every field the spec marks required, plus those @openrouter/sdk 1.3.19 requires.
import type { DoubleKeyState } from './types'

export function keyData(state: DoubleKeyState): Record<string, unknown> {
  return {
    label: state.label,
    limit: state.limit,
    limit_remaining: state.limit === null ? null : Math.max(0, Math.round((state.limit - state.usage) * 1e6) / 1e6),
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
    is_management_key: false,
    is_provisioning_key: false,
    include_byok_in_limit: state.includeByokInLimit,
    creator_user_id: state.userId,
    expires_at: state.expiresAt,
    rate_limit: { requests: 1000, interval: '1h', note: 'This field is deprecated and safe to ignore.' },
    allowed_data_regions: [],
    free_model_daily_requests: { limit: 50, remaining: 50, used: 0 },
    organization_id: null,
    workspace_id: null,
  }
}

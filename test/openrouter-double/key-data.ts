// GET /api/v1/key's `data`: every field the spec marks required, plus the four that @openrouter/sdk 1.3.19
// also requires (allowed_data_regions, free_model_daily_requests, organization_id, workspace_id; api-facts §6.5).
import { maskedLabel } from './state'
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
  is_management_key: boolean
  is_provisioning_key: boolean
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
    // is_provisioning_key is the deprecated name of the same flag [SPEC].
    is_management_key: state.isManagementKey,
    is_provisioning_key: state.isManagementKey,
    include_byok_in_limit: state.includeByokInLimit,
    creator_user_id: state.userId,
    expires_at: state.expiresAt,
    // Deprecated upstream ("safe to ignore"); the spec's example values.
    rate_limit: { requests: 1000, interval: '1h', note: 'This field is deprecated and safe to ignore.' },
    allowed_data_regions: [],
    free_model_daily_requests: { limit: 50, remaining: 50, used: 0 },
    organization_id: null,
    workspace_id: state.workspaceId,
  }
}

/** The key object of /keys and /keys/{hash}: the spec's fields plus external_user, which the SDK requires. */
export interface AccountKeyJson {
  hash: string
  name: string
  label: string
  disabled: boolean
  limit: number | null
  limit_remaining: number | null
  limit_reset: 'daily' | 'weekly' | 'monthly' | null
  include_byok_in_limit: boolean
  usage: number
  usage_daily: number
  usage_weekly: number
  usage_monthly: number
  byok_usage: number
  byok_usage_daily: number
  byok_usage_weekly: number
  byok_usage_monthly: number
  created_at: string
  updated_at: string | null
  expires_at: string | null
  creator_user_id: string | null
  workspace_id: string
  external_user: string | null
}

export function accountKeyData(secret: string, state: DoubleKeyState, hash: string): AccountKeyJson {
  return {
    hash,
    name: state.name,
    // OpenRouter shows keys by their masked form on its key pages; what it puts in `label` here is UNCONFIRMED.
    label: maskedLabel(secret),
    disabled: state.disabled,
    limit: state.limit,
    limit_remaining: limitRemaining(state),
    limit_reset: state.limitReset,
    include_byok_in_limit: state.includeByokInLimit,
    usage: state.usage,
    usage_daily: state.usageDaily,
    usage_weekly: state.usageWeekly,
    usage_monthly: state.usageMonthly,
    byok_usage: state.byokUsage,
    byok_usage_daily: state.byokUsageDaily,
    byok_usage_weekly: state.byokUsageWeekly,
    byok_usage_monthly: state.byokUsageMonthly,
    created_at: state.createdAt,
    updated_at: state.updatedAt,
    expires_at: state.expiresAt,
    creator_user_id: state.userId,
    workspace_id: state.workspaceId,
    external_user: state.externalUser,
  }
}

// Builders for stored keys and figures, so tests state only what they are about.
import type { KeyFigures } from '../../preload/contract'
import type { StoredKey } from '../../main/core/keys/stored-key'
import { keyIdOf, maskKey } from '../../main/core/keys/key-identity'

export function figures(overrides: Partial<KeyFigures> = {}): KeyFigures {
  return {
    remoteLabel: 'sk-or-v1-abc...890',
    limit: 100,
    limitRemaining: 74.5,
    limitReset: 'monthly',
    usage: 25.5,
    usageDaily: 1.5,
    usageWeekly: 5,
    usageMonthly: 25.5,
    byokUsage: 0,
    byokUsageMonthly: 0,
    includeByokInLimit: false,
    isFreeTier: false,
    freeModelDailyRequests: { limit: 50, remaining: 50, used: 0 },
    expiresAt: null,
    creatorUserId: 'user_1',
    ...overrides,
  }
}

export function storedKey(secret: string, overrides: Partial<StoredKey> = {}): StoredKey {
  return {
    id: keyIdOf(secret),
    label: 'Test key',
    maskedKey: maskKey(secret),
    userId: 'user_1',
    addedAt: '2026-11-01T00:00:00.000Z',
    figures: figures(),
    checkedAt: '2026-11-26T00:00:00.000Z',
    lastError: null,
    failedRefreshes: 0,
    lastAttemptAt: '2026-11-26T00:00:00.000Z',
    removing: false,
    accountPending: false,
    ...overrides,
  }
}

export const SECRET_A = `sk-or-v1-${'a'.repeat(64)}`
export const SECRET_B = `sk-or-v1-${'b'.repeat(64)}`
export const SECRET_C = `sk-or-v1-${'c'.repeat(64)}`

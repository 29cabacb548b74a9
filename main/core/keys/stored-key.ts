// The non-secret record kept per key in the metadata file, and its schema (the file is untrusted input on load).
import { z } from 'zod'
import { LIMIT_RESETS, type AppError, type KeyFigures, type Settings } from '../../../preload/contract'
import { cleanLabel } from './labels'

export interface StoredKey {
  /** sha256 hex of the key: also the keychain account name and OpenRouter's key hash. */
  id: string
  label: string
  maskedKey: string
  userId: string | null
  addedAt: string
  figures: KeyFigures | null
  /** Time of the last good check. */
  checkedAt: string | null
  lastError: AppError | null
  /** Consecutive failed refreshes, for backoff of automatic refreshes. */
  failedRefreshes: number
  lastAttemptAt: string | null
  /** Set while a removal is in progress, so a crash midway finishes the removal on the next start. */
  removing: boolean
  /**
   * The key came from a connect or mint whose account differs from the other stored keys' (a forged callback could
   * deliver someone else's key): kept, never made the default, until the person confirms it is theirs.
   */
  accountPending: boolean
}

export interface MetadataDocument {
  version: 1
  keys: StoredKey[]
  defaultKeyId: string | null
  settings: Settings
  /** Warning ids already announced, so each condition is announced once. */
  announcedWarnings: string[]
}

export const DEFAULT_SETTINGS: Settings = { lowCreditPercent: 10, sortOrder: 'manual', autoUpdate: true, keyView: 'cards' }

const appErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  hint: z.string().optional(),
  retryAt: z.string().optional(),
}) as z.ZodType<AppError>

export const figuresSchema = z.object({
  remoteLabel: z.string().transform((label) => cleanLabel(label)),
  limit: z.number().nullable(),
  limitRemaining: z.number().nullable(),
  limitReset: z.enum(LIMIT_RESETS).nullable(),
  usage: z.number(),
  usageDaily: z.number(),
  usageWeekly: z.number(),
  usageMonthly: z.number(),
  byokUsage: z.number(),
  byokUsageMonthly: z.number(),
  includeByokInLimit: z.boolean(),
  isFreeTier: z.boolean(),
  freeModelDailyRequests: z.object({ limit: z.number(), remaining: z.number(), used: z.number() }).nullable(),
  expiresAt: z.string().nullable(),
  creatorUserId: z.string().nullable(),
}) satisfies z.ZodType<KeyFigures>

export const storedKeySchema = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  // Labels written by an older version may hold control or bidi characters: cleaned when loaded.
  label: z.string().max(200).transform((label) => cleanLabel(label) || 'Unnamed key'),
  maskedKey: z.string().max(64),
  userId: z.string().nullable().default(null),
  addedAt: z.string(),
  figures: figuresSchema.nullable().catch(null),
  checkedAt: z.string().nullable().default(null),
  lastError: appErrorSchema.nullable().catch(null),
  failedRefreshes: z.number().int().min(0).catch(0),
  lastAttemptAt: z.string().nullable().catch(null),
  removing: z.boolean().catch(false),
  accountPending: z.boolean().catch(false),
}) satisfies z.ZodType<StoredKey, unknown>

export const settingsSchema = z.object({
  lowCreditPercent: z.number().min(1).max(100).catch(DEFAULT_SETTINGS.lowCreditPercent),
  sortOrder: z.enum(['manual', 'label', 'remaining', 'expiry']).catch(DEFAULT_SETTINGS.sortOrder),
  // Absent in files written before updates existed: on, as for a new install.
  autoUpdate: z.boolean().catch(DEFAULT_SETTINGS.autoUpdate),
  keyView: z.enum(['cards', 'list']).catch(DEFAULT_SETTINGS.keyView),
}) satisfies z.ZodType<Settings, unknown>

export function emptyDocument(): MetadataDocument {
  return { version: 1, keys: [], defaultKeyId: null, settings: { ...DEFAULT_SETTINGS }, announcedWarnings: [] }
}

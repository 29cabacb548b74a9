// Account mode's part of the contract: what crosses IPC once a management key is stored. Types only.
// The management key itself never crosses: the renderer gets its mask, its label and figures.
// Wired into InvokeContract / EventContract in contract.ts (channels listed below under ACCOUNT_*).
import type { AppError, KeyStatus, KeyView, LimitReset } from './contract'

/** The stored management key, as the renderer may know it. */
export interface ManagementKeyView {
  /** `sk-or-v1-…c96a`. */
  maskedKey: string
  /** OpenRouter's label for the management key. */
  remoteLabel: string
  /** The account it manages (GET /key's creator), when OpenRouter says. */
  account: string | null
  addedAt: string
}

/** How a stored key was matched to an account key. `hash`: OpenRouter's hash equals the key's SHA-256 (UNCONFIRMED rule, recorded when seen); `label`: a unique masked-label match. */
export type MatchRule = 'hash' | 'label'

/** One key of the account, from GET /keys. Money in USD, dates ISO 8601. */
export interface AccountKeyView {
  hash: string
  name: string
  /** OpenRouter's label, e.g. `sk-or-v1-abc...xyz`. */
  label: string
  workspaceId: string
  /** Shown only when the account has more than one workspace. */
  workspaceName: string | null
  disabled: boolean
  limit: number | null
  limitRemaining: number | null
  limitReset: LimitReset | null
  includeByokInLimit: boolean
  usage: number
  usageDaily: number
  usageWeekly: number
  usageMonthly: number
  byokUsage: number
  createdAt: string
  expiresAt: string | null
  /** The stored key with this secret (on this device: copy, refresh), or null (not on this device). */
  deviceKeyId: string | null
  matchedBy: MatchRule | null
  /** One status, with its reason, derived like a stored key's. */
  status: KeyStatus
}

export interface AccountCredits {
  totalCredits: number
  totalUsage: number
  /** totalCredits − totalUsage. */
  balance: number
}

/** A rotation whose replacement is stored; the old key is revoked only after the person confirms. */
export interface PendingRotation {
  oldHash: string
  oldName: string
  newKeyId: string
  startedAt: string
}

export interface AccountView {
  /** null: no management key stored (the account view offers "Add management key…"). */
  managementKey: ManagementKeyView | null
  credits: AccountCredits | null
  keys: AccountKeyView[]
  workspaces: Array<{ id: string; name: string }>
  /** True only when every workspace and every page were read. */
  complete: boolean
  /** Why the listing is partial or failed; nothing is concluded from a partial listing. */
  listingProblem: AppError | null
  /** Stored keys (ids) of this account absent from a complete listing: deleted or revoked on OpenRouter. */
  goneFromAccount: string[]
  /** Stored keys (ids) revoked on OpenRouter whose keychain item could not be deleted: a row with Remove. */
  revokedStillStored: string[]
  pendingRotations: PendingRotation[]
  refreshing: boolean
  /** When the account was last read completely or partly. */
  checkedAt: string | null
  lastError: AppError | null
}

/** What `keys:add` did with a pasted value: an API key stored (or already stored), or a management key stored. */
export type AddKeyOutcome =
  | { kind: 'api-key'; key: KeyView; /** The label it was already stored under, when it was. */ alreadyStoredAs: string | null }
  | { kind: 'management-key'; managementKey: ManagementKeyView }

/** Which key an account action is about: an account key by hash, or a stored key by id (matched to its hash). */
export type AccountKeyRef = { hash: string } | { keyId: string }

/** PATCH /keys/{hash}: only the fields given change. The expiry cannot be changed after creation. */
export interface AccountKeyEdit {
  name?: string
  limit?: number | null
  limitReset?: LimitReset | null
  includeByokInLimit?: boolean
}

/** POST /keys. */
export interface CreateAccountKeyRequest {
  name: string
  limit: number | null
  limitReset: LimitReset | null
  /** ISO 8601 in the future, or null. */
  expiresAt: string | null
  includeByokInLimit: boolean
  workspaceId: string | null
}

/** One UTC day of spend; null usage is a gap (no data), never $0. */
export interface SpendDay {
  date: string
  usage: number | null
}

export type SpendForecast =
  | { kind: 'reaches-limit'; date: string }
  | { kind: 'lasts-past-reset'; resetAt: string }
  | { kind: 'lasts'; /** No reset, and at this pace the limit is not reached within the horizon. */ horizonDays: number }
  | { kind: 'no-limit' }
  | { kind: 'not-enough-data' }

export interface SpendSeries {
  /** Stored key id, or account key hash. */
  ref: AccountKeyRef
  /** The last 30 completed UTC days, oldest first. */
  days: SpendDay[]
  source: 'activity' | 'local-history'
  forecast: SpendForecast
}

/** The account chart: spend per day, split by key or by model. */
export interface AccountSpend {
  groupBy: 'key' | 'model'
  days: string[]
  series: Array<{ name: string; usage: Array<number | null> }>
}

export interface AccountInvokeContract {
  'account:state': { args: []; result: AccountView }
  'account:refresh': { args: []; result: AccountView }
  /** From Settings: expects a management key (an API key gets a clear refusal and nothing is stored). */
  'account:set-management-key': { args: [secret: string]; result: AccountView }
  /** Forgets the management key from the keychain. */
  'account:remove-management-key': { args: []; result: AccountView }
  'account:revoke': { args: [ref: AccountKeyRef]; result: AccountView }
  'account:set-disabled': { args: [ref: AccountKeyRef, disabled: boolean]; result: AccountView }
  'account:edit': { args: [ref: AccountKeyRef, edit: AccountKeyEdit]; result: AccountView }
  'account:create': { args: [request: CreateAccountKeyRequest]; result: KeyView }
  /** Creates and stores the replacement; the old key stays until 'account:finish-rotation'. */
  'account:rotate': { args: [ref: AccountKeyRef]; result: AccountView }
  'account:finish-rotation': { args: [oldHash: string]; result: AccountView }
  'account:spend': { args: [refs: AccountKeyRef[]]; result: SpendSeries[] }
  'account:spend-chart': { args: [groupBy: 'key' | 'model']; result: AccountSpend }
}

export interface AccountEventContract {
  'account:changed': AccountView
}

export const ACCOUNT_INVOKE_CHANNELS = [
  'account:state',
  'account:refresh',
  'account:set-management-key',
  'account:remove-management-key',
  'account:revoke',
  'account:set-disabled',
  'account:edit',
  'account:create',
  'account:rotate',
  'account:finish-rotation',
  'account:spend',
  'account:spend-chart',
] as const satisfies ReadonlyArray<keyof AccountInvokeContract>

export const ACCOUNT_EVENT_CHANNELS = ['account:changed'] as const satisfies ReadonlyArray<keyof AccountEventContract>

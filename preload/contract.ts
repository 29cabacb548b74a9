// The one contract between main, preload and renderer: channel names and the shapes that cross IPC.
// Types only, plus the channel name constants; no runtime dependency, so every layer may import it.
// Secrets never appear here: a key reaches the renderer only as `maskedKey`.
import {
  ACCOUNT_EVENT_CHANNELS,
  ACCOUNT_INVOKE_CHANNELS,
  type AccountEventContract,
  type AccountInvokeContract,
  type AddKeyOutcome,
} from './account-contract'

export * from './account-contract'

/** What every invoke channel resolves to: results, not thrown errors, cross IPC. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

export type AppErrorCode =
  | 'invalid-argument' // the call's arguments failed validation in main
  | 'not-found' // no stored key with that id
  | 'busy' // a connect flow is already running
  | 'no-flow' // nothing to cancel / retry / paste into
  | 'keychain-unavailable' // no Secret Service / Keychain reachable
  | 'keychain-locked'
  | 'keychain-failed'
  | 'offline' // OpenRouter could not be reached
  | 'timeout'
  | 'code-rejected' // the authorization code was refused (400/403): start again
  | 'key-rejected' // OpenRouter answered 401 for this key
  | 'forbidden' // 403 on create_auth_code
  | 'conflict' // 409: try again later
  | 'bad-request' // 400 with OpenRouter's message
  | 'openrouter-error' // 5xx after retries
  | 'bad-response' // OpenRouter's answer did not match its schema
  | 'rate-limited' // 429 from OpenRouter: retryAt says when to try again
  | 'internal'

export interface AppError {
  code: AppErrorCode
  /** One sentence a person understands. Never contains a key or an authorization code. */
  message: string
  /** The next step, when there is one. */
  hint?: string
  /** For 'rate-limited': when OpenRouter said to try again (ISO 8601), from its Retry-After. */
  retryAt?: string
}

/** How a key's limit resets, as OpenRouter names it; the one list of them. */
export const LIMIT_RESETS = ['daily', 'weekly', 'monthly'] as const
export type LimitReset = (typeof LIMIT_RESETS)[number]

/** OpenRouter's `limit_reset` as the app knows it: an unknown value reads as no reset. */
export function limitResetOf(value: string | null): LimitReset | null {
  return (LIMIT_RESETS as readonly (string | null)[]).includes(value) ? (value as LimitReset) : null
}

/**
 * When a limit next resets after `now` (ms since the epoch): OpenRouter resets daily limits at midnight UTC and
 * weekly ones at the start of Monday (weeks run Monday to Sunday, UTC). A monthly reset on the 1st at 00:00 UTC is
 * UNCONFIRMED: OpenRouter documents "monthly" without saying when the month starts; the calendar month is assumed.
 * One rule for main (the forecast) and the renderer (the card's "resets in").
 */
export function nextResetAt(reset: LimitReset, now: number): number {
  const dayMs = 24 * 60 * 60 * 1000
  const date = new Date(now)
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())
  switch (reset) {
    case 'daily':
      return midnight + dayMs
    case 'weekly': {
      // getUTCDay: 0 = Sunday … 6 = Saturday; days until the next Monday, 1 to 7.
      const daysToMonday = (8 - date.getUTCDay()) % 7 || 7
      return midnight + daysToMonday * dayMs
    }
    case 'monthly':
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)
  }
}

/** The longest label (in characters) the app accepts anywhere: rename, mint, create. */
export const LABEL_MAX_LENGTH = 100

/** The highest credit limit (USD) the app sends for any key: far above a real budget, low enough to catch a typo. */
export const LIMIT_CEILING_USD = 1_000_000

/** Figures from `GET /api/v1/key`, as last fetched. Money in USD. */
export interface KeyFigures {
  /** OpenRouter's own label for the key (not the local label). */
  remoteLabel: string
  limit: number | null
  limitRemaining: number | null
  limitReset: LimitReset | null
  usage: number
  usageDaily: number
  usageWeekly: number
  usageMonthly: number
  byokUsage: number
  byokUsageMonthly: number
  includeByokInLimit: boolean
  isFreeTier: boolean
  freeModelDailyRequests: { limit: number; remaining: number; used: number } | null
  /** ISO 8601, or null for a key that never expires. */
  expiresAt: string | null
  creatorUserId: string | null
}

export type KeyStatusKind =
  | 'active'
  | 'expiring-soon' // expires within 7 days
  | 'expired'
  | 'limit-reached'
  | 'low-credit' // remaining below the user's threshold
  | 'rejected' // 401 from OpenRouter: revoked, disabled or unknown
  | 'unchecked' // never fetched yet
  | 'offline' // last refresh could not reach OpenRouter; figures are last known
  | 'missing-secret' // metadata exists but the keychain item is gone
  | 'rate-limited' // OpenRouter answered 429: figures are last known, the reason says when the app tries again

export interface KeyStatus {
  kind: KeyStatusKind
  /** Why, in words, e.g. "Expires in 3 days" or "OpenRouter rejected this key (401)". */
  reason: string
}

export interface KeyView {
  id: string
  label: string
  /** e.g. `sk-or-v1-…c96a`: never more than the prefix and the last four characters. */
  maskedKey: string
  userId: string | null
  /** Where the secret lives, e.g. "OS keychain — Secret Service". */
  storage: string
  addedAt: string
  isDefault: boolean
  /**
   * The key was connected or minted for another account than the keys already stored (see the connect flow's
   * account check): it is kept but not made the default until the person confirms it is theirs.
   */
  accountPending: boolean
  /** The stored secret is not shaped like an OpenRouter key (written by an older version): kept, flagged. */
  malformed: boolean
  status: KeyStatus
  figures: KeyFigures | null
  /** When the figures were fetched (the last good check), ISO 8601. */
  checkedAt: string | null
  /** When the last refresh attempt failed, with what (the figures stay the last known ones). */
  lastError: AppError | null
  refreshing: boolean
}

export type SortOrder = 'manual' | 'label' | 'remaining' | 'expiry'

export interface Settings {
  /** Warn when remaining credit falls below this percentage of the limit. */
  lowCreditPercent: number
  sortOrder: SortOrder
  /** Check for updates on start and every few hours, and download them in the background. On by default. */
  autoUpdate: boolean
  /** How the keys are shown: cards, or the compact list (one row per key). */
  keyView: KeyViewMode
}

export type KeyViewMode = 'cards' | 'list'

export interface Warning {
  id: string
  keyId: string
  kind: 'expiring-soon' | 'low-credit' | 'rejected' | 'expired' | 'limit-reached' | 'missing-secret'
  message: string
}

export interface KeyListView {
  keys: KeyView[]
  settings: Settings
  warnings: Warning[]
  /** Storage problems found at start-up or since, e.g. a metadata file that was unreadable and set aside. */
  notices: string[]
}

export type ConnectPhase =
  | 'idle'
  | 'awaiting-browser'
  | 'exchanging'
  | 'saving'
  | 'connected'
  | 'failed'
  | 'cancelled'
  | 'timed-out'

export type ConnectState =
  | { phase: 'idle' }
  | {
      phase: 'awaiting-browser'
      flowId: string
      /** The consent URL, shown so it can be copied or opened again. Carries the PKCE challenge, never the verifier. */
      authUrl: string
      callbackPort: number
      /** Set when port 3000 was busy and another port is used. */
      portNotice: string | null
      deadline: string
    }
  | { phase: 'exchanging'; flowId: string }
  | { phase: 'saving'; flowId: string }
  | {
      phase: 'connected'
      flowId: string
      keyId: string
      label: string
      /** The OpenRouter account the new key belongs to (the exchange's `user_id`); null when OpenRouter did not say. */
      account: string | null
      /** The account differs from the other stored keys': the key is kept but not made the default until confirmed. */
      accountMismatch: boolean
    }
  | {
      phase: 'failed'
      flowId: string
      error: AppError
      /** The exchanged key is held in memory because saving failed: it can be saved again or copied. */
      unsavedKey: { maskedKey: string } | null
    }
  | { phase: 'cancelled'; flowId: string }
  | { phase: 'timed-out'; flowId: string }

/**
 * A link (openrouter-key-manager://connect) asked to connect. It never starts work by itself: the renderer shows the
 * connect form, prefilled from the link, and the browser opens only when the person continues.
 */
export interface ConnectRequest {
  source: 'link'
  /** The credit limit the link carried, in USD. */
  limit: number | null
}

export interface ConnectOptions {
  /** Optional credit limit in USD, passed to the consent page as `limit`. */
  limit?: number
  /** The new key's name on this device (the consent page does not take one). */
  name?: string
}

export interface MintRequest {
  /**
   * The stored key that authenticates `create_auth_code`; null signs it with the management key. When a management
   * key is stored it signs every mint (OpenRouter may refuse ordinary keys), whatever is named here.
   */
  sourceKeyId: string | null
  label: string
  /** USD, > 0. */
  limit: number
  limitReset: LimitReset | null
  /** ISO 8601 in the future, or null for no expiry. */
  expiresAt: string | null
}

/** Plain, or an assignment of OPENROUTER_API_KEY quoted for one shell (the same quoting as the command line's `orkm env`). */
export const COPY_FORMATS = ['plain', 'export-sh', 'export-powershell', 'export-cmd'] as const
export type CopyFormat = (typeof COPY_FORMATS)[number]

/** 'automatic' refreshes skip keys that are backing off after failures; 'manual' ones refresh every key. */
export type RefreshMode = 'manual' | 'automatic'

export interface CopyReceipt {
  /** The clipboard is cleared after this many seconds if it still holds the key. */
  clearsAfterSeconds: number
}

/** What the app shows about updates. Checks, downloads and failed checks show nothing (failures are logged). */
export type UpdateStatus =
  | { kind: 'none' }
  /** Downloaded and verified: "Update ready — restart to install". */
  | { kind: 'ready'; version: string }
  /** A build that cannot install updates itself (the deb) only announces a new version, with its release page. */
  | { kind: 'available'; version: string; releaseUrl: string }

/** Every request/response channel: its arguments and the value of its `Result`. */
export interface InvokeContract extends AccountInvokeContract {
  'keys:list': { args: []; result: KeyListView }
  'keys:refresh': { args: [keyId: string]; result: KeyView }
  'keys:refresh-all': { args: [mode: RefreshMode]; result: KeyListView }
  'keys:rename': { args: [keyId: string, label: string]; result: KeyView }
  'keys:set-default': { args: [keyId: string]; result: KeyListView }
  'keys:reorder': { args: [keyIds: string[]]; result: KeyListView }
  'keys:copy': { args: [keyId: string, format: CopyFormat]; result: CopyReceipt }
  'keys:remove': { args: [keyId: string]; result: KeyListView }
  /** An API key is stored as a key; a management key is stored as the account's management key. */
  'keys:add': { args: [secret: string, label: string]; result: AddKeyOutcome }
  'keys:mint': { args: [request: MintRequest]; result: KeyView }
  'keys:open-revoke-page': { args: [keyId: string]; result: null }
  /** The person confirms a key of another account is theirs (clears `accountPending`). */
  'keys:confirm-account': { args: [keyId: string]; result: KeyListView }
  /** Whether the OS keychain can be reached (and is unlocked): asked before a browser opens or a key is pasted. */
  'storage:check': { args: []; result: null }
  /** The connect request a link made before the window could show it (answered once, then forgotten). */
  'connect:take-request': { args: []; result: ConnectRequest | null }
  'settings:update': { args: [patch: Partial<Settings>]; result: KeyListView }
  'connect:start': { args: [options: ConnectOptions]; result: ConnectState }
  'connect:state': { args: []; result: ConnectState }
  'connect:cancel': { args: []; result: ConnectState }
  'connect:open-again': { args: []; result: null }
  'connect:copy-link': { args: []; result: null }
  'connect:submit-redirect': { args: [redirectUrlOrCode: string]; result: ConnectState }
  'connect:retry-save': { args: []; result: ConnectState }
  'connect:copy-unsaved-key': { args: []; result: CopyReceipt }
  'connect:dismiss': { args: []; result: ConnectState }
  'update:state': { args: []; result: UpdateStatus }
  /** Quits and installs the downloaded update; refused ('busy') while a key is unsaved or work is running. */
  'update:restart': { args: []; result: null }
  /** Opens the announced version's release page (main builds the URL; the deb cannot install updates itself). */
  'update:open-release-page': { args: []; result: null }
}

/** Main → renderer events and their payloads. */
export interface EventContract extends AccountEventContract {
  'connect:changed': ConnectState
  'keys:changed': KeyListView
  /** The application menu asks the renderer to do something (Connect, Refresh all). */
  'menu:command': MenuCommand
  'update:changed': UpdateStatus
  /** A link asked to connect: show the connect form (the request is also kept for `connect:take-request`). */
  'connect:requested': ConnectRequest
}

export type MenuCommand = 'connect' | 'refresh-all' | 'add-key' | 'mint-key'

export type InvokeChannel = keyof InvokeContract
export type InvokeArgs<C extends InvokeChannel> = InvokeContract[C]['args']
export type InvokeValue<C extends InvokeChannel> = InvokeContract[C]['result']
export type EventChannel = keyof EventContract

export const INVOKE_CHANNELS = [
  'keys:list',
  'keys:refresh',
  'keys:refresh-all',
  'keys:rename',
  'keys:set-default',
  'keys:reorder',
  'keys:copy',
  'keys:remove',
  'keys:add',
  'keys:mint',
  'keys:open-revoke-page',
  'keys:confirm-account',
  'storage:check',
  'connect:take-request',
  'settings:update',
  'connect:start',
  'connect:state',
  'connect:cancel',
  'connect:open-again',
  'connect:copy-link',
  'connect:submit-redirect',
  'connect:retry-save',
  'connect:copy-unsaved-key',
  'connect:dismiss',
  'update:state',
  'update:restart',
  'update:open-release-page',
  ...ACCOUNT_INVOKE_CHANNELS,
] as const satisfies readonly InvokeChannel[]

export const EVENT_CHANNELS = ['connect:changed', 'keys:changed', 'menu:command', 'update:changed', 'connect:requested', ...ACCOUNT_EVENT_CHANNELS] as const satisfies readonly EventChannel[]

/** The transport the preload API is built on: Electron's ipcRenderer in the app, a Playwright binding in the harness. */
export interface Bridge {
  invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<Result<InvokeValue<C>>>
  on<E extends EventChannel>(channel: E, listener: (payload: EventContract[E]) => void): () => void
}

// Compile-time guard: the runtime channel lists name every channel of the contract.
type Unlisted<All, Listed> = Exclude<All, Listed> extends never ? true : Exclude<All, Listed>
export const allInvokeChannelsListed: Unlisted<InvokeChannel, (typeof INVOKE_CHANNELS)[number]> = true
export const allEventChannelsListed: Unlisted<EventChannel, (typeof EVENT_CHANNELS)[number]> = true

// The double's public types: a key as OpenRouter holds it, the fault-injection controls, and the handle
// that tests, the demo and the benchmark drive the double through.

export interface DoubleKeyState {
  /** OpenRouter's own label for the key; by default the masked secret, e.g. 'sk-or-v1-abc...890'. */
  label: string
  limit: number | null
  limitReset: 'daily' | 'weekly' | 'monthly' | null
  usage: number
  usageDaily: number
  usageWeekly: number
  usageMonthly: number
  byokUsage: number
  byokUsageDaily: number
  byokUsageWeekly: number
  byokUsageMonthly: number
  includeByokInLimit: boolean
  isFreeTier: boolean
  /** ISO 8601 with Z, or null for a key that never expires. */
  expiresAt: string | null
  userId: string
  /** Revoked or disabled: /key answers 401 "User not found.". */
  disabled: boolean
  /** The key's name on /keys (the label given at creation; OpenRouter's label is the masked key there). */
  name: string
  workspaceId: string
  /** ISO 8601 with Z. */
  createdAt: string
  updatedAt: string | null
  /** The SDK requires the field on every key object; the double never sets one. */
  externalUser: string | null
  /** A management key: answers GET /key with is_management_key, manages keys, is never listed on /keys. */
  isManagementKey: boolean
}

export interface DoubleWorkspace {
  id: string
  name: string
  slug: string
  createdAt: string
}

/** One /activity row as a test sets it: the key is named by its secret, the double derives its hash. */
export interface DoubleActivityRow {
  /** YYYY-MM-DD (UTC). Rows outside the last 30 completed UTC days are never answered, as on OpenRouter. */
  date: string
  secret: string
  model: string
  usage: number
  byokUsageInference?: number
  requests?: number
  promptTokens?: number
  completionTokens?: number
  reasoningTokens?: number
  providerName?: string
}

/**
 * How /keys names a key. 'sha256' (the default): the SHA-256 hex of the plaintext key, which the spec's
 * /activity parameter suggests; 'opaque': another 64-hex value, so the app's fallback to matching by the masked
 * label can be tested. Which rule OpenRouter follows is UNCONFIRMED.
 */
export type HashRule = 'sha256' | 'opaque'

/** Who may sign create_auth_code: UNCONFIRMED (its documented 403 says "Only management keys…"). */
export type CreateCodeAuth = 'any-key' | 'management-only'

/** Every Nth request to the listed routes (all when omitted) answers 429 with Retry-After. */
export interface RateLimitPlan {
  every: number
  retryAfterSeconds?: number
  routes?: Route[]
}

/** The routes whose answers can be delayed or broken on purpose. */
export const FAILURE_ROUTES = [
  'exchange',
  'key',
  'create-code',
  'credits',
  'workspaces',
  'keys-list',
  'keys-create',
  'keys-get',
  'keys-update',
  'keys-delete',
  'activity',
] as const
export type Route = (typeof FAILURE_ROUTES)[number]

export type Failure =
  | { kind: 'status'; status: 400 | 401 | 403 | 404 | 409 | 500 | 502 | 503; message?: string }
  /** 429 "Rate limit exceeded" with Retry-After (1 s unless given). */
  | { kind: 'rate-limited'; retryAfterSeconds?: number }
  | { kind: 'hang' }
  | { kind: 'reset' }
  | { kind: 'malformed-json' }
  | { kind: 'non-json' }
  | { kind: 'schema-violation' }

export interface RecordedRequest {
  method: string
  /** The path without the query string, e.g. '/api/v1/auth/keys'. */
  path: string
  /** The Authorization header verbatim, so tests can assert it was not sent. */
  authorization: string | null
  /** Parsed JSON (API routes) or form fields (consent decision); the raw text if it was not parseable. */
  body: unknown
  at: number
}

export type ConsentMode = 'page' | 'auto-approve' | 'auto-deny'

export interface DoubleOptions {
  /** 0 (the default) picks a free port. The double always binds 127.0.0.1. */
  port?: number
  latencyMs?: number
  /** The double's clock, injectable so code expiry can be tested without waiting. */
  now?: () => number
}

export interface IssueCodeParams {
  codeChallenge?: string
  codeChallengeMethod?: 'S256' | 'plain'
  key?: Partial<DoubleKeyState>
}

export interface OpenRouterDouble {
  origin: string
  apiBaseUrl: string
  requests: RecordedRequest[]
  keys(): Array<{ secret: string } & DoubleKeyState>
  /** Every authorization code issued, so tests can prove none of them leaks into logs or files. */
  issuedCodes(): string[]
  createKey(init?: Partial<DoubleKeyState>): string
  updateKey(secret: string, patch: Partial<DoubleKeyState>): void
  revokeKey(secret: string): void
  /** A management key of the account (user) given, or of the default one. */
  createManagementKey(init?: Partial<Pick<DoubleKeyState, 'label' | 'name' | 'userId' | 'disabled'>>): string
  /** The id of the workspace every account has, where keys go unless told otherwise. */
  readonly defaultWorkspaceId: string
  addWorkspace(init?: Partial<Pick<DoubleWorkspace, 'name' | 'slug'>>): string
  workspaces(): DoubleWorkspace[]
  /** `count` API keys spread round-robin over `workspaces` workspaces (the default one first, others added). */
  seedAccountKeys(options: { count: number; workspaces?: number; init?: (index: number) => Partial<DoubleKeyState> }): string[]
  setCredits(credits: { totalCredits: number; totalUsage: number }): void
  setActivity(rows: DoubleActivityRow[]): void
  /** The last 30 completed UTC days on the double's clock, oldest first: the dates /activity answers for. */
  activityDates(): string[]
  /** The `hash` /keys gives this key under the current rule. */
  hashOf(secret: string): string
  setHashRule(rule: HashRule): void
  setCreateCodeAuth(auth: CreateCodeAuth): void
  setRateLimit(plan: RateLimitPlan | null): void
  setLatency(ms: number): void
  failNext(route: Route, failure: Failure, times?: number): void
  setFailure(route: Route, failure: Failure | null): void
  setConsentMode(mode: ConsentMode): void
  setInvalidCodeStatus(status: 400 | 403): void
  issueCode(params: IssueCodeParams): string
  close(): Promise<void>
}

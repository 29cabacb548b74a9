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
}

/** The routes whose answers can be delayed or broken on purpose. */
export type Route = 'exchange' | 'key' | 'create-code'

export type Failure =
  | { kind: 'status'; status: 400 | 401 | 403 | 409 | 500 | 502 | 503; message?: string }
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
  setLatency(ms: number): void
  failNext(route: Route, failure: Failure, times?: number): void
  setFailure(route: Route, failure: Failure | null): void
  setConsentMode(mode: ConsentMode): void
  setInvalidCodeStatus(status: 400 | 403): void
  issueCode(params: IssueCodeParams): string
  close(): Promise<void>
}

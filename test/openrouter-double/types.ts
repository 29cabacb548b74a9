// The double's public types: the state of a key as OpenRouter would hold it, and the failure controls.
export interface DoubleKeyState {
  /** OpenRouter's own label for the key, e.g. 'sk-or-v1-abc...890'. */
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
  expiresAt: string | null
  userId: string
  /** Revoked or disabled: /key answers 401 "User not found.". */
  disabled: boolean
}

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
  path: string
  authorization: string | null
  body: unknown
  at: number
}

export type ConsentMode = 'page' | 'auto-approve' | 'auto-deny'

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
  issueCode(params: { codeChallenge?: string; codeChallengeMethod?: 'S256' | 'plain'; key?: Partial<DoubleKeyState> }): string
  close(): Promise<void>
}

export const DEFAULT_USER_ID = 'user_2yOPcMpKoQhcd4bVgSMlELRaIah'

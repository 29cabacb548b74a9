// In-memory accounts: keys and authorization codes, as the real service would keep them.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { DEFAULT_USER_ID, type DoubleKeyState } from './types'

export const CODE_LIFETIME_MS = 10 * 60 * 1000

export interface AuthCode {
  code: string
  challenge: string | null
  method: 'S256' | 'plain' | null
  issuedAt: number
  used: boolean
  key: Partial<DoubleKeyState>
}

export function newSecret(): string {
  return `sk-or-v1-${randomBytes(32).toString('hex')}`
}

export function defaultKeyState(secret: string, init: Partial<DoubleKeyState> = {}): DoubleKeyState {
  return {
    label: `${secret.slice(0, 11)}...${secret.slice(-3)}`,
    limit: null,
    limitReset: null,
    usage: 0,
    usageDaily: 0,
    usageWeekly: 0,
    usageMonthly: 0,
    byokUsage: 0,
    byokUsageDaily: 0,
    byokUsageWeekly: 0,
    byokUsageMonthly: 0,
    includeByokInLimit: false,
    isFreeTier: false,
    expiresAt: null,
    userId: DEFAULT_USER_ID,
    disabled: false,
    ...init,
  }
}

export class DoubleState {
  readonly keys = new Map<string, DoubleKeyState>()
  readonly codes = new Map<string, AuthCode>()

  constructor(readonly now: () => number) {}

  createKey(init: Partial<DoubleKeyState> = {}): string {
    const secret = newSecret()
    this.keys.set(secret, defaultKeyState(secret, init))
    return secret
  }

  issueCode(challenge: string | null, method: 'S256' | 'plain' | null, key: Partial<DoubleKeyState>): string {
    const code = `auth_code_${randomBytes(18).toString('base64url')}`
    this.codes.set(code, { code, challenge, method, issuedAt: this.now(), used: false, key })
    return code
  }

  /** A usable key for a bearer header, or why not. */
  keyFromBearer(header: string | undefined): { ok: true; state: DoubleKeyState } | { ok: false; message: string } {
    const match = /^Bearer\s+(.+)$/i.exec(header ?? '')
    if (!match || !match[1]) return { ok: false, message: 'No auth credentials found' }
    const state = this.keys.get(match[1].trim())
    if (!state || state.disabled) return { ok: false, message: 'User not found.' }
    return { ok: true, state }
  }
}

export function verifierMatches(code: AuthCode, verifier: string | undefined): boolean {
  if (code.challenge === null) return true
  if (verifier === undefined) return false
  const expected = code.method === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url')
  const a = Buffer.from(expected)
  const b = Buffer.from(code.challenge)
  return a.length === b.length && timingSafeEqual(a, b)
}

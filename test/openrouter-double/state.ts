// In-memory account store: the keys OpenRouter knows and the authorization codes it has issued.
// Nothing is persisted: every double starts empty, as the demo and each test expect.
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { toIsoZ } from './timestamps'
import type { DoubleActivityRow, DoubleKeyState, DoubleWorkspace, HashRule } from './types'

/** [DOC] "The code is single-use and expires after 10 minutes." */
export const CODE_LIFETIME_MS = 10 * 60 * 1000

/** The spec's example user id; every key belongs to this one account unless a test says otherwise. */
export const DEFAULT_USER_ID = 'user_2yOPcMpKoQhcd4bVgSMlELRaIah'

export type ChallengeMethod = 'S256' | 'plain'

export interface AuthCode {
  readonly code: string
  /** Null when the code was minted without PKCE. */
  readonly challenge: string | null
  readonly method: ChallengeMethod | null
  readonly issuedAt: number
  /** The state of the key the exchange will create. */
  readonly key: Partial<DoubleKeyState>
  used: boolean
}

export function newSecret(): string {
  return `sk-or-v1-${randomBytes(32).toString('hex')}`
}

/** OpenRouter labels a key with its masked secret: prefix plus 3 characters, '...', the last 3. */
export function maskedLabel(secret: string): string {
  return `${secret.slice(0, 'sk-or-v1-'.length + 3)}...${secret.slice(-3)}`
}

/** Drops keys whose value is undefined, so a patch like `{ label: undefined }` cannot blank a field. */
export function definedOnly(patch: Partial<DoubleKeyState>): Partial<DoubleKeyState> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<DoubleKeyState>
}

/** The default workspace's id: fixed, so tests and the demo can name it. */
export const DEFAULT_WORKSPACE_ID = '0df9e665-d932-5740-b2c7-b52af166bc11'

export function defaultKeyState(secret: string, init: Partial<DoubleKeyState> = {}, createdAt = toIsoZ(Date.now())): DoubleKeyState {
  const label = init.label ?? maskedLabel(secret)
  return {
    label,
    name: label,
    workspaceId: DEFAULT_WORKSPACE_ID,
    createdAt,
    updatedAt: null,
    externalUser: null,
    isManagementKey: false,
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
    ...definedOnly(init),
  }
}

export class DoubleState {
  private readonly keys = new Map<string, DoubleKeyState>()
  private readonly codes = new Map<string, AuthCode>()
  private readonly apps = new Map<string, number>()
  private readonly workspaceList: DoubleWorkspace[]
  hashRule: HashRule = 'sha256'
  credits = { totalCredits: 0, totalUsage: 0 }
  activity: DoubleActivityRow[] = []

  constructor(private readonly now: () => number) {
    this.workspaceList = [{ id: DEFAULT_WORKSPACE_ID, name: 'Default', slug: 'default', createdAt: toIsoZ(now()) }]
  }

  createKey(init: Partial<DoubleKeyState> = {}): string {
    const secret = newSecret()
    this.keys.set(secret, defaultKeyState(secret, init, toIsoZ(this.now())))
    return secret
  }

  /**
   * Keys /keys lists (management keys are not API keys) that pass `include`, most recent first as OpenRouter lists
   * them; among keys created the same second, the later one first. Filtered before sorting and each date parsed
   * once: the benchmark lists 1,000 keys page by page, and the double's own cost must not dominate it.
   */
  apiKeys(include: (key: DoubleKeyState) => boolean = () => true): Array<{ secret: string; key: DoubleKeyState }> {
    const picked: Array<{ secret: string; key: DoubleKeyState; created: number; order: number }> = []
    let order = 0
    for (const [secret, key] of this.keys) {
      order += 1
      if (!key.isManagementKey && include(key)) picked.push({ secret, key, created: Date.parse(key.createdAt), order })
    }
    picked.sort((a, b) => b.created - a.created || b.order - a.order)
    // The live states, not copies: only the route reads them, and only the page it sends.
    return picked.map(({ secret, key }) => ({ secret, key }))
  }

  hashOf(secret: string): string {
    const input = this.hashRule === 'sha256' ? secret : `opaque:${secret}`
    return createHash('sha256').update(input, 'utf8').digest('hex')
  }

  /** The API key /keys/{hash} names, under the current hash rule. */
  findByHash(hash: string): ({ secret: string } & DoubleKeyState) | undefined {
    for (const [secret, key] of this.keys) {
      if (!key.isManagementKey && this.hashOf(secret) === hash) return { secret, ...key }
    }
    return undefined
  }

  deleteKey(secret: string): void {
    this.keys.delete(secret)
  }

  workspaces(): DoubleWorkspace[] {
    return this.workspaceList.map((workspace) => ({ ...workspace }))
  }

  hasWorkspace(id: string): boolean {
    return this.workspaceList.some((workspace) => workspace.id === id)
  }

  addWorkspace(init: Partial<Pick<DoubleWorkspace, 'name' | 'slug'>> = {}): string {
    const id = randomUUID()
    const name = init.name ?? `Workspace ${this.workspaceList.length + 1}`
    const slug = init.slug ?? name.toLowerCase().replace(/[^a-z0-9]+/g, '-')
    this.workspaceList.push({ id, name, slug, createdAt: toIsoZ(this.now()) })
    return id
  }

  /** The live state of a key, or undefined; callers outside the double get copies (see allKeys). */
  findKey(secret: string): DoubleKeyState | undefined {
    return this.keys.get(secret)
  }

  requireKey(secret: string): DoubleKeyState {
    const found = this.keys.get(secret)
    if (!found) throw new Error('The OpenRouter double does not know that key.')
    return found
  }

  allKeys(): Array<{ secret: string } & DoubleKeyState> {
    return [...this.keys.entries()].map(([secret, key]) => ({ secret, ...key }))
  }

  issueCode(challenge: string | null, method: ChallengeMethod | null, key: Partial<DoubleKeyState>): string {
    const code = `auth_code_${randomBytes(18).toString('base64url')}`
    this.codes.set(code, { code, challenge, method: challenge === null ? null : method, issuedAt: this.now(), used: false, key: definedOnly(key) })
    return code
  }

  findCode(code: string): AuthCode | undefined {
    return this.codes.get(code)
  }

  isExpired(code: AuthCode): boolean {
    return this.now() >= code.issuedAt + CODE_LIFETIME_MS
  }

  /** One app per callback origin, as OpenRouter registers localhost apps by host:port; ids are integers [SPEC]. */
  appIdFor(callbackUrl: string): number {
    const origin = new URL(callbackUrl).origin
    const id = this.apps.get(origin) ?? 1001 + this.apps.size
    this.apps.set(origin, id)
    return id
  }

  issuedCodes(): string[] {
    return [...this.codes.keys()]
  }
}

// A stateful, in-memory stand-in for main: the real `createOrkmApi` on a Bridge that answers from memory.
// Its shape is therefore exactly `window.orkm`'s. Used by the jsdom tests and, bundled, by the preview script.
import { sortKeys } from '../../main/core/keys/key-order'
import { createOrkmApi, type OrkmApi } from '../../preload/api'
import type {
  AccountInvokeContract,
  AccountView,
  AppError,
  Bridge,
  ConnectState,
  EventChannel,
  EventContract,
  InvokeArgs,
  InvokeChannel,
  InvokeValue,
  KeyFigures,
  KeyListView,
  KeyStatus,
  KeyView,
  MenuCommand,
  Result,
  Settings,
  Warning,
} from '../../preload/contract'

export const NOW = Date.parse('2026-11-26T12:00:00Z')
const DAY = 24 * 60 * 60 * 1000

/** A 64-hex id derived from any text (not a real hash of a secret; good enough for a fake). */
export function fakeKeyId(seed: string): string {
  let out = ''
  for (let round = 0; out.length < 64; round += 1) {
    let hash = 0x811c9dc5 ^ round
    for (let index = 0; index < seed.length; index += 1) {
      hash ^= seed.charCodeAt(index)
      hash = Math.imul(hash, 0x01000193) >>> 0
    }
    out += hash.toString(16).padStart(8, '0')
  }
  return out.slice(0, 64)
}

export function makeFigures(overrides: Partial<KeyFigures> = {}): KeyFigures {
  return {
    remoteLabel: 'sk-or-v1-abc...c96a',
    limit: 10,
    limitRemaining: 7.5,
    limitReset: 'monthly',
    usage: 2.5,
    usageDaily: 0.4,
    usageWeekly: 1.2,
    usageMonthly: 2.5,
    byokUsage: 0,
    byokUsageMonthly: 0,
    includeByokInLimit: false,
    isFreeTier: false,
    freeModelDailyRequests: null,
    expiresAt: null,
    creatorUserId: 'user_2dHFtVWx2n56w6HkM0000000000',
    ...overrides,
  }
}

export function makeKey(overrides: Partial<KeyView> & { label: string }): KeyView {
  const id = overrides.id ?? fakeKeyId(overrides.label)
  return {
    id,
    maskedKey: `sk-or-v1-…${id.slice(-4)}`,
    userId: 'user_2dHFtVWx2n56w6HkM0000000000',
    storage: 'OS keychain — Secret Service',
    addedAt: new Date(NOW - 30 * DAY).toISOString(),
    isDefault: false,
    accountPending: false,
    malformed: false,
    status: { kind: 'active', reason: 'Active.' },
    figures: makeFigures(),
    checkedAt: new Date(NOW - 2 * 60 * 1000).toISOString(),
    lastError: null,
    refreshing: false,
    ...overrides,
  }
}

const makeKeyAt = (overrides: Partial<KeyView> & { label: string }) => makeKey(overrides)

/** A varied set of keys, one per interesting state, for screenshots and tests. */
export function sampleKeys(now: number = NOW): KeyView[] {
  const makeKey = (overrides: Partial<KeyView> & { label: string }) =>
    makeKeyAt({ checkedAt: new Date(now - 2 * 60 * 1000).toISOString(), addedAt: new Date(now - 30 * DAY).toISOString(), ...overrides })
  return [
    makeKey({
      label: 'Personal laptop',
      isDefault: true,
      figures: makeFigures({ limit: 25, limitRemaining: 18.42, usage: 41.8, usageDaily: 0.35, usageWeekly: 2.9, usageMonthly: 6.58, expiresAt: null }),
      status: { kind: 'active', reason: 'Active.' },
    }),
    makeKey({
      label: 'CI runner',
      figures: makeFigures({
        limit: 10,
        limitRemaining: 0.62,
        limitReset: 'weekly',
        usage: 88.1,
        usageDaily: 1.9,
        usageWeekly: 9.38,
        usageMonthly: 27.5,
        expiresAt: new Date(now + 16 * DAY).toISOString(),
      }),
      status: { kind: 'low-credit', reason: 'Less than 10% of the limit is left.' },
    }),
    makeKey({
      label: 'Team demo (expires soon)',
      figures: makeFigures({ limit: 5, limitRemaining: 3.1, limitReset: null, usage: 1.9, usageDaily: 0, usageWeekly: 0.4, usageMonthly: 1.9, expiresAt: new Date(now + 3 * DAY).toISOString() }),
      status: { kind: 'expiring-soon', reason: 'Expires in 3 days.' },
    }),
    makeKey({
      label: 'Unlimited research key',
      figures: makeFigures({
        limit: null,
        limitRemaining: null,
        limitReset: null,
        usage: 312.44,
        usageDaily: 4.12,
        usageWeekly: 22.9,
        usageMonthly: 61.03,
        byokUsage: 12.5,
        byokUsageMonthly: 3.2,
      }),
      status: { kind: 'active', reason: 'Active, with no credit cap.' },
    }),
    makeKey({
      label: 'Old prototype',
      figures: makeFigures({ limit: 2, limitRemaining: 0, limitReset: null, usage: 2, usageDaily: 0, usageWeekly: 0, usageMonthly: 0 }),
      status: { kind: 'limit-reached', reason: 'The $2.00 limit is used up.' },
    }),
    makeKey({
      label: 'Revoked on the website',
      status: { kind: 'rejected', reason: 'OpenRouter rejected this key (401): revoked, disabled or unknown.' },
      lastError: { code: 'key-rejected', message: 'OpenRouter rejected this key.' },
    }),
    makeKey({
      label: 'Train wifi',
      status: { kind: 'offline', reason: 'Could not reach OpenRouter; showing the last known figures.' },
      checkedAt: new Date(now - 3 * 60 * 60 * 1000).toISOString(),
      lastError: { code: 'offline', message: 'OpenRouter could not be reached.', hint: 'Check your connection.' },
    }),
    makeKey({
      label: 'Free tier experiments',
      figures: makeFigures({
        limit: null,
        limitRemaining: null,
        limitReset: null,
        usage: 0.0042,
        usageDaily: 0.0011,
        usageWeekly: 0.0042,
        usageMonthly: 0.0042,
        isFreeTier: true,
        freeModelDailyRequests: { limit: 50, remaining: 38, used: 12 },
      }),
      status: { kind: 'active', reason: 'Active, with no credit cap.' },
    }),
    makeKey({ label: 'Just added', figures: null, checkedAt: null, status: { kind: 'unchecked', reason: 'Not checked with OpenRouter yet.' } }),
    makeKey({
      label: 'Deleted from keychain',
      status: { kind: 'missing-secret', reason: 'The key is no longer in your keychain. Remove it here, or add it again.' },
    }),
    makeKey({
      label: 'Expired contractor key',
      figures: makeFigures({ expiresAt: new Date(now - 2 * DAY).toISOString() }),
      status: { kind: 'expired', reason: 'This key has expired.' },
    }),
  ]
}

/** `count` ordinary keys, for the 500-key performance check. */
export function manyKeys(count: number): KeyView[] {
  return Array.from({ length: count }, (_, index) =>
    makeKey({
      label: `Key ${String(index + 1).padStart(3, '0')}`,
      isDefault: index === 0,
      figures: makeFigures({ limit: 10 + (index % 7), limitRemaining: (index * 37) % 10, usage: (index * 13) % 50 }),
    }),
  )
}

function sampleWarnings(keys: KeyView[]): Warning[] {
  const warnings: Warning[] = []
  for (const key of keys) {
    const label = `“${key.label}”`
    if (key.status.kind === 'low-credit') warnings.push({ id: `${key.id}:low`, keyId: key.id, kind: 'low-credit', message: `${label} has less than 10% of its credit limit left.` })
    if (key.status.kind === 'expiring-soon') warnings.push({ id: `${key.id}:exp`, keyId: key.id, kind: 'expiring-soon', message: `${label} expires in 3 days.` })
    if (key.status.kind === 'rejected') warnings.push({ id: `${key.id}:rej`, keyId: key.id, kind: 'rejected', message: `OpenRouter is rejecting ${label}.` })
  }
  return warnings
}

export interface FakeOrkmOptions {
  keys?: KeyView[]
  settings?: Partial<Settings>
  /** Warnings as given; by default derived from the keys' statuses. */
  warnings?: Warning[]
  notices?: string[]
  connect?: ConnectState
  clearsAfterSeconds?: number
  /** Delay of every answer, in ms (0: the next microtask). */
  latencyMs?: number
}

export type Handler<C extends InvokeChannel> = (...args: InvokeArgs<C>) => Result<InvokeValue<C>> | Promise<Result<InvokeValue<C>>>

export interface FakeOrkm {
  api: OrkmApi
  /** Every call, in order: channel and arguments. */
  calls: Array<{ channel: InvokeChannel; args: unknown[] }>
  callsTo(channel: InvokeChannel): unknown[][]
  /** Replaces the answer of one channel (until `restore`). */
  respond<C extends InvokeChannel>(channel: C, handler: Handler<C>): void
  restore(channel: InvokeChannel): void
  /** Holds every answer of a channel until the returned function is called. */
  hold(channel: InvokeChannel): () => void
  emit<E extends EventChannel>(channel: E, payload: EventContract[E]): void
  /** Sends the current list as a `keys:changed` event. */
  emitKeys(): void
  setConnect(state: ConnectState): void
  menu(command: MenuCommand): void
  /** The person approves on the consent page: the flow completes and a key is listed. */
  approve(label?: string): void
  view(): KeyListView
  listenerCount(channel: EventChannel): number
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = <T = never>(error: AppError): Result<T> => ({ ok: false, error })

export function createFakeOrkm(options: FakeOrkmOptions = {}): FakeOrkm {
  let keys: KeyView[] = (options.keys ?? []).map((key) => ({ ...key }))
  let settings: Settings = { lowCreditPercent: 10, sortOrder: 'manual', autoUpdate: true, ...options.settings }
  const fixedWarnings = options.warnings
  const notices = options.notices ?? []
  let connect: ConnectState = options.connect ?? { phase: 'idle' }
  const clearsAfterSeconds = options.clearsAfterSeconds ?? 30
  const latency = options.latencyMs ?? 0
  const listeners = new Map<EventChannel, Set<(payload: never) => void>>()
  const overrides = new Map<InvokeChannel, (...args: unknown[]) => unknown>()
  const held = new Map<InvokeChannel, Array<() => void>>()
  const calls: FakeOrkm['calls'] = []
  let flowCounter = 0
  let lastLimit: number | undefined

  // The real sorting code main uses, so a renderer test of the order checks the app's sorting, not the fake's.
  const sorted = (): KeyView[] => sortKeys(keys, settings.sortOrder)
  const view = (): KeyListView => ({
    keys: sorted().map((key) => ({ ...key })),
    settings: { ...settings },
    warnings: fixedWarnings ?? sampleWarnings(keys),
    notices: [...notices],
  })
  const find = (keyId: string) => keys.find((key) => key.id === keyId)
  const notFound = fail<never>({ code: 'not-found', message: 'That key is no longer stored.', hint: 'Refresh the list.' })

  function emit<E extends EventChannel>(channel: E, payload: EventContract[E]) {
    listeners.get(channel)?.forEach((listener) => (listener as (value: EventContract[E]) => void)(payload))
  }
  const emitKeys = () => emit('keys:changed', view())
  const setConnect = (state: ConnectState) => {
    connect = state
    emit('connect:changed', state)
  }

  function addKey(label: string, figures: KeyFigures | null, status: KeyStatus = { kind: 'active', reason: 'Active.' }): KeyView {
    const key = makeKey({ id: fakeKeyId(`${label}:${keys.length}:${Math.random()}`), label, figures, status, isDefault: keys.length === 0 })
    keys.push(key)
    return key
  }

  // Account mode, minimally (no management key): test/renderer/fake-account.ts is the rich one.
  const noAccount: AccountView = {
    managementKey: null,
    credits: null,
    keys: [],
    workspaces: [],
    complete: false,
    listingProblem: null,
    goneFromAccount: [],
    revokedStillStored: [],
    pendingRotations: [],
    refreshing: false,
    checkedAt: null,
    lastError: null,
  }
  const noManagementKey = fail({ code: 'not-found', message: 'No management key is stored.', hint: 'Add a management key first.' })
  const accountHandlers: { [C in keyof AccountInvokeContract]: Handler<C> } = {
    'account:state': () => ok(noAccount),
    'account:refresh': () => ok(noAccount),
    'account:set-management-key': () => noManagementKey,
    'account:remove-management-key': () => ok(noAccount),
    'account:revoke': () => noManagementKey,
    'account:set-disabled': () => noManagementKey,
    'account:edit': () => noManagementKey,
    'account:create': () => noManagementKey,
    'account:rotate': () => noManagementKey,
    'account:finish-rotation': () => noManagementKey,
    'account:spend': () => ok([]),
    'account:spend-chart': (groupBy) => ok({ groupBy, days: [], series: [] }),
  }

  const handlers: { [C in InvokeChannel]: Handler<C> } = {
    ...accountHandlers,
    'keys:list': () => ok(view()),
    'keys:refresh': (keyId) => {
      const key = find(keyId)
      if (!key) return notFound
      key.checkedAt = new Date().toISOString()
      return ok({ ...key })
    },
    'keys:refresh-all': () => ok(view()),
    'keys:rename': (keyId, label) => {
      const key = find(keyId)
      if (!key) return notFound
      if (label.trim().length === 0 || label.trim().length > 100) return fail({ code: 'invalid-argument', message: 'A label needs 1 to 100 characters.' })
      key.label = label.trim()
      return ok({ ...key })
    },
    'keys:confirm-account': (keyId) => {
      const key = find(keyId)
      if (!key) return notFound
      key.accountPending = false
      return ok(view())
    },
    'keys:set-default': (keyId) => {
      if (!find(keyId)) return notFound
      keys = keys.map((key) => ({ ...key, isDefault: key.id === keyId }))
      return ok(view())
    },
    'keys:reorder': (keyIds) => {
      const named = keyIds.map((id) => find(id)).filter((key): key is KeyView => key !== undefined)
      keys = [...named, ...keys.filter((key) => !keyIds.includes(key.id))]
      return ok(view())
    },
    'keys:copy': (keyId) => (find(keyId) ? ok({ clearsAfterSeconds }) : notFound),
    'keys:remove': (keyId) => {
      if (!find(keyId)) return notFound
      keys = keys.filter((key) => key.id !== keyId)
      setTimeout(emitKeys, 0)
      return ok(view())
    },
    'keys:add': (secret, label) => {
      if (!/^sk-or-/.test(secret.trim())) return fail({ code: 'invalid-argument', message: 'That does not look like an OpenRouter key (it should start with “sk-or-”).' })
      if (secret.includes('rejected'))
        return fail({ code: 'key-rejected', message: 'OpenRouter rejected this key, so it was not stored.', hint: 'Check that you copied the whole key and that it is still active.' })
      const key = addKey(label.trim() || `OpenRouter key ${keys.length + 1}`, makeFigures())
      setTimeout(emitKeys, 0)
      return ok({ kind: 'api-key' as const, key: { ...key }, alreadyStoredAs: null })
    },
    'keys:mint': (request) => {
      if (request.sourceKeyId === null || !find(request.sourceKeyId)) return notFound
      const key = addKey(
        request.label,
        makeFigures({ limit: request.limit, limitRemaining: request.limit, limitReset: request.limitReset, expiresAt: request.expiresAt, usage: 0, usageDaily: 0, usageWeekly: 0, usageMonthly: 0 }),
      )
      setTimeout(emitKeys, 0)
      return ok({ ...key })
    },
    'keys:open-revoke-page': (keyId) => (find(keyId) ? ok(null) : notFound),
    'settings:update': (patch) => {
      settings = { ...settings, ...patch }
      return ok(view())
    },
    'connect:start': (connectOptions) => {
      if (connect.phase === 'awaiting-browser' || connect.phase === 'exchanging' || connect.phase === 'saving') return ok(connect)
      flowCounter += 1
      lastLimit = connectOptions.limit
      const limitParam = connectOptions.limit === undefined ? '' : `&limit=${connectOptions.limit}`
      setConnect({
        phase: 'awaiting-browser',
        flowId: `flow${flowCounter}`,
        authUrl: `https://openrouter.ai/auth?callback_url=http%3A%2F%2Flocalhost%3A3000%2Fcallback%2FAbCdEfGhIjKlMnOpQrStUvWxYz012345&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256${limitParam}`,
        callbackPort: 3000,
        portNotice: null,
        deadline: new Date(Date.now() + 5 * 60 * 1000).toISOString(),
      })
      return ok(connect)
    },
    'connect:state': () => ok(connect),
    'connect:cancel': () => {
      if (connect.phase === 'idle') return ok(connect)
      setConnect({ phase: 'cancelled', flowId: 'flowId' in connect ? connect.flowId : 'flow' })
      return ok(connect)
    },
    'connect:open-again': () => (connect.phase === 'awaiting-browser' ? ok(null) : fail({ code: 'no-flow', message: 'No sign-in is waiting.' })),
    'connect:copy-link': () => (connect.phase === 'awaiting-browser' ? ok(null) : fail({ code: 'no-flow', message: 'No sign-in is waiting.' })),
    'connect:submit-redirect': (text) => {
      if (connect.phase !== 'awaiting-browser') return fail({ code: 'no-flow', message: 'No sign-in is waiting.' })
      if (!/code=|^[A-Za-z0-9_-]{8,}$/.test(text)) return fail({ code: 'invalid-argument', message: 'That is not a redirect URL or an authorization code.' })
      approve()
      return ok(connect)
    },
    'connect:retry-save': () => {
      if (connect.phase !== 'failed' || !connect.unsavedKey) return fail({ code: 'no-flow', message: 'There is no key waiting to be saved.' })
      const key = addKey(`OpenRouter key ${keys.length + 1}`, makeFigures())
      setConnect({ phase: 'connected', flowId: connect.flowId, keyId: key.id, label: key.label, account: key.userId, accountMismatch: false })
      emitKeys()
      return ok(connect)
    },
    'connect:copy-unsaved-key': () =>
      connect.phase === 'failed' && connect.unsavedKey ? ok({ clearsAfterSeconds }) : fail({ code: 'no-flow', message: 'There is no key waiting to be saved.' }),
    'connect:dismiss': () => {
      setConnect({ phase: 'idle' })
      return ok(connect)
    },
    'update:state': () => ok({ kind: 'none' }),
    'update:restart': () => ok(null),
    'update:open-release-page': () => ok(null),
  }

  function approve(label?: string) {
    if (connect.phase !== 'awaiting-browser') return
    const flowId = connect.flowId
    const limit = lastLimit
    setConnect({ phase: 'exchanging', flowId })
    setConnect({ phase: 'saving', flowId })
    const key = addKey(
      label ?? `OpenRouter key ${keys.length + 1}`,
      makeFigures({ limit: limit ?? null, limitRemaining: limit ?? null, limitReset: null, usage: 0, usageDaily: 0, usageWeekly: 0, usageMonthly: 0 }),
    )
    setConnect({ phase: 'connected', flowId, keyId: key.id, label: key.label, account: key.userId, accountMismatch: false })
    emitKeys()
  }

  const bridge: Bridge = {
    invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<Result<InvokeValue<C>>> {
      calls.push({ channel, args: [...args] })
      const handler = (overrides.get(channel) ?? handlers[channel]) as (...callArgs: unknown[]) => Result<InvokeValue<C>> | Promise<Result<InvokeValue<C>>>
      const answer = () => Promise.resolve(handler(...args))
      const gate = held.get(channel)
      const delayed = () => (latency > 0 ? new Promise<void>((resolve) => setTimeout(resolve, latency)) : Promise.resolve())
      if (gate) return new Promise<void>((resolve) => gate.push(resolve)).then(delayed).then(answer)
      return delayed().then(answer)
    },
    on<E extends EventChannel>(channel: E, listener: (payload: EventContract[E]) => void) {
      const set = listeners.get(channel) ?? new Set()
      listeners.set(channel, set)
      const wrapped = listener as (payload: never) => void
      set.add(wrapped)
      return () => {
        set.delete(wrapped)
      }
    },
  }

  return {
    api: createOrkmApi(bridge),
    calls,
    callsTo: (channel) => calls.filter((call) => call.channel === channel).map((call) => call.args),
    respond(channel, handler) {
      overrides.set(channel, handler as (...args: unknown[]) => unknown)
    },
    restore(channel) {
      overrides.delete(channel)
    },
    hold(channel) {
      held.set(channel, [])
      return () => {
        const waiting = held.get(channel) ?? []
        held.delete(channel)
        waiting.forEach((release) => release())
      }
    },
    emit,
    emitKeys,
    setConnect,
    menu: (command) => emit('menu:command', command),
    approve,
    view,
    listenerCount: (channel) => listeners.get(channel)?.size ?? 0,
  }
}
